"""The article editor form: defaults and choices that follow the column and the editor's role."""

from wagtail.admin.forms import WagtailAdminPageForm

from portal.models.cityzones import CityZonePage
from portal.models.classification import InfoClass
from portal.models.columns import ColumnPage


class ArticlePageForm(WagtailAdminPageForm):
    """New articles take the column's kind and class; editors may pick only classes they may edit."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        parent = self.parent_page.specific if self.parent_page is not None else None
        self.zone = parent if isinstance(parent, CityZonePage) else None
        if not self.instance.pk and isinstance(parent, ColumnPage) and not self.is_bound:
            self.initial["kind"] = parent.default_kind
            self.initial["info_class"] = parent.info_class
        if "info_class" in self.fields:
            self.fields["info_class"].choices = [(v, label) for v, label in InfoClass.choices if v in self._allowed_classes()]

    def _allowed_classes(self):
        from portal.permissions import classes_editable_by

        if self.zone is not None:
            return [InfoClass.BASIC]  # a city zone holds the bureau's own (basic) content
        user = getattr(self, "for_user", None)
        allowed = classes_editable_by(user) if user is not None else list(InfoClass.values)
        if self.instance.pk and self.instance.info_class not in allowed:
            allowed.append(self.instance.info_class)  # keep the current value displayable
        return allowed

    def clean(self):
        cleaned = super().clean()
        self.instance.city = self.zone.city if self.zone is not None else ""
        return cleaned
