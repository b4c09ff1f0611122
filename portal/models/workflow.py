"""Which review workflow a page goes through: one Wagtail workflow per information class.

Wagtail assigns workflows to subtrees; our rule is per information class (SPEC §2) wherever the
page sits, so pages that carry an information class look their workflow up here.
``portal.permissions.setup()`` creates the three workflows and these rows.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.models.classification import InfoClass


class ClassWorkflow(models.Model):
    info_class = models.CharField(_("信息类别"), max_length=20, choices=InfoClass.choices, unique=True)
    workflow = models.ForeignKey("wagtailcore.Workflow", on_delete=models.CASCADE, verbose_name=_("审核流程"))

    class Meta:
        verbose_name = _("信息类别审核流程")
        verbose_name_plural = _("信息类别审核流程")

    def __str__(self):
        return f"{self.get_info_class_display()} → {self.workflow}"


def workflow_for_class(info_class):
    """The active workflow of an information class, or None."""
    row = ClassWorkflow.objects.select_related("workflow").filter(info_class=info_class, workflow__active=True).first()
    return row.workflow if row else None


class InfoClassMixin:
    """Pages with an information class: reviewed by that class's workflow, edited by that class's groups.

    The workflow is looked up by the class instead of by the page's position in the tree, and
    Wagtail's permission tester is narrowed by the class (``portal.permissions``).
    """

    def permissions_for_user(self, user):
        from portal.permissions import InfoClassPermissionTester

        return InfoClassPermissionTester(user, self)

    def review_class(self):
        """The information class whose workflow reviews this page; None means no review step."""
        return self.info_class

    def get_workflow(self):
        if not getattr(settings, "WAGTAIL_WORKFLOW_ENABLED", True):
            return None
        info_class = self.review_class()
        if info_class is None:
            return None
        return workflow_for_class(info_class) or super().get_workflow()

    @property
    def has_workflow(self):
        return self.get_workflow() is not None
