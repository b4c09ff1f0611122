"""Forms: the call editor (call + its fields) used by staff, and the answer form built from a call's fields."""

from datetime import date
from decimal import Decimal

from django import forms
from django.utils.html import conditional_escape, escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext
from wagtail.contrib.forms.forms import BaseForm, FormBuilder

from accounts.models import CertificationStatus, Organization, OrgKind
from datacalls.models import CHOICE_TYPES, Audience, DataCall, DataCallField
from filings.models import Kind as FilingKind
from portal.templatetags.portal_tags import chinese_content
from taxonomy.cities import City
from taxonomy.widgets import MarkedSelect
from uploads.checking import check_upload


def listed(items):
    """``pdf、docx`` on Chinese pages, ``pdf, docx`` on English ones."""
    return pgettext("list separator", "、").join(str(i) for i in items)


def with_content(message, **values):
    """``message`` (translated, with ``%(name)s`` placeholders) filled with ``values`` that are
    content written by people (a question's label): on a page in another language each Chinese
    value is marked ``lang="zh-Hans"``. Safe HTML; the values are escaped."""
    return mark_safe(escape(message) % {name: chinese_content(escape(value)) for name, value in values.items()})  # noqa: S308 -- all parts escaped




def content_choices(choices):
    """Checkbox and radio labels that are content or reference data (a call's options, cities,
    industries), marked as Chinese on pages in another language."""
    return [(value, chinese_content(label)) for value, label in choices]


def file_validator(field):
    allowed = field.extension_list()

    def validate(upload):
        check_upload(upload, allowed=allowed, max_mb=field.max_file_mb)

    return validate


class AnswerFormBuilder(FormBuilder):
    """Wagtail's builder with Chinese-friendly widgets, a file type and HTML date inputs.

    Built for each request, in its language. The questions' labels, help texts and choices are
    what the call's author wrote (Chinese): on a page in another language they are marked
    ``lang="zh-Hans"``, in the messages too."""

    def create_date_field(self, field, options):
        options["widget"] = forms.DateInput(attrs={"type": "date"})
        options["error_messages"] = {"invalid": with_content(_("“%(label)s”请填写正确的日期，如 2026-03-31"), label=field.label)}
        return forms.DateField(**options)

    def create_number_field(self, field, options):
        options["error_messages"] = {"invalid": with_content(_("“%(label)s”请填写数字"), label=field.label)}
        options["max_digits"], options["decimal_places"] = 18, 4
        return forms.DecimalField(**options)

    def create_dropdown_field(self, field, options):
        options["widget"] = MarkedSelect  # a call's choices are content, written in Chinese
        return super().create_dropdown_field(field, options)

    def create_radio_field(self, field, options):
        field_obj = super().create_radio_field(field, options)
        field_obj.widget.choices = content_choices(field_obj.choices)
        return field_obj

    def create_checkboxes_field(self, field, options):
        field_obj = super().create_checkboxes_field(field, options)
        field_obj.widget.choices = content_choices(field_obj.choices)
        return field_obj

    def create_file_field(self, field, options):
        options.pop("initial", None)
        options["validators"] = [file_validator(field)]
        exts = field.extension_list()
        options["widget"] = forms.ClearableFileInput(attrs={"accept": ",".join(f".{e}" for e in exts)} if exts else {})
        hint = _("格式：%(formats)s；不超过 %(max)s MB") % {"formats": listed(exts), "max": field.max_file_mb}
        help_text = options.get("help_text")
        options["help_text"] = mark_safe(_("%(help)s（%(hint)s）") % {"help": help_text, "hint": escape(hint)}) if help_text else hint  # noqa: S308 -- help text escaped by Wagtail and marked, hint escaped
        return forms.FileField(**options)

    def get_field_options(self, field):
        options = super().get_field_options(field)
        options["label"] = chinese_content(field.label)
        if options.get("help_text"):
            options["help_text"] = chinese_content(options["help_text"])
        options["error_messages"] = {"required": with_content(_("请填写“%(label)s”"), label=field.label)}
        if field.field_type in CHOICE_TYPES:
            options["error_messages"]["invalid_choice"] = with_content(_("“%(label)s”的选项不在可选范围内"), label=field.label)
        return options


def answer_form_class(call):
    fields = list(call.form_fields.all())
    return AnswerFormBuilder(fields).get_form_class(), fields


def make_answer_form(call, submission=None, data=None, files=None, *, draft=False):
    """The answer form of ``call``, pre-filled from ``submission``. ``draft`` relaxes "required"
    (a draft may be incomplete) but still checks the type of whatever is typed."""
    form_class, fields = answer_form_class(call)
    initial = {}
    existing_files = {}
    if submission is not None:
        for f in fields:
            value = submission.data.get(f.clean_name)
            if f.field_type == "file":
                if value:
                    existing_files[f.clean_name] = value
            elif value not in (None, ""):
                initial[f.clean_name] = value
    form = form_class(data, files, initial=initial) if data is not None else form_class(initial=initial)
    form.call_fields = fields
    form.existing_files = existing_files
    for f in fields:
        formfield = form.fields[f.clean_name]
        if draft or (f.field_type == "file" and f.clean_name in existing_files):
            formfield.required = False
        if f.field_type == "file" and f.clean_name in existing_files:
            uploaded = {"help": conditional_escape(formfield.help_text), "name": chinese_content(escape(existing_files[f.clean_name]["name"]))}
            formfield.help_text = mark_safe(escape(_("%(help)s；已上传：%(name)s（不选择新文件则保留）")) % uploaded)  # noqa: S308 -- all parts escaped
    return form


def to_json(value):
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value == value.to_integral() else str(value)
    if isinstance(value, date):
        return value.isoformat()
    return value


class CallForm(forms.ModelForm):
    audience_cities = forms.MultipleChoiceField(label=gettext_lazy("对象市州"), choices=City.choices, required=False, widget=forms.CheckboxSelectMultiple)
    audience_filing_kinds = forms.MultipleChoiceField(label=gettext_lazy("对象备案类型"), choices=FilingKind.choices, required=False, widget=forms.CheckboxSelectMultiple,
                                                      help_text=gettext_lazy("有该类型项目备案（任何状态）的企业"))
    audience_org_codes = forms.CharField(label=gettext_lazy("指定企业（统一社会信用代码）"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
                                         help_text=gettext_lazy("每行一个统一社会信用代码"))

    class Meta:
        model = DataCall
        fields = ["title", "instructions", "audience", "audience_cities", "audience_industries", "audience_filing_kinds", "opens_at", "closes_at",
                  "accept_late", "remind_days"]
        widgets = {
            "instructions": forms.Textarea(attrs={"rows": 5}),
            "opens_at": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
            "closes_at": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
            "audience_industries": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, city=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.city = city
        if city:
            # A city bureau's call reaches only its own city's enterprises.
            self.fields["audience_cities"].choices = [(city, City(city).label)]
        # Cities and industries are Chinese reference data: marked as such on pages in another language.
        self.fields["audience_cities"].widget.choices = content_choices(self.fields["audience_cities"].choices)
        self.fields["audience_industries"].label_from_instance = chinese_content
        if self.instance.pk and self.instance.audience == Audience.LIST:
            self.fields["audience_org_codes"].initial = "\n".join(self.instance.audience_orgs.values_list("credit_code", flat=True))
        for name in ("opens_at", "closes_at"):
            self.fields[name].input_formats = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%d"]
            self.fields[name].error_messages["invalid"] = _("请填写正确的日期时间")
        self.fields["title"].error_messages["required"] = _("请填写报送名称")
        self.fields["closes_at"].error_messages["required"] = _("请填写截止时间")

    def clean(self):
        data = super().clean()
        opens, closes = data.get("opens_at"), data.get("closes_at")
        if opens and closes and closes <= opens:
            self.add_error("closes_at", _("截止时间必须晚于开始时间"))
        audience = data.get("audience")
        if audience == Audience.CITY and not data.get("audience_cities"):
            self.add_error("audience_cities", _("按市州报送时请至少选择一个市州"))
        if audience == Audience.INDUSTRY and not data.get("audience_industries"):
            self.add_error("audience_industries", _("按行业报送时请至少选择一个行业"))
        if audience == Audience.FILING_KIND and not data.get("audience_filing_kinds"):
            self.add_error("audience_filing_kinds", _("按备案类型报送时请至少选择一种类型"))
        self.listed_orgs = []
        if audience == Audience.LIST:
            codes = [c.strip().upper() for c in data.get("audience_org_codes", "").replace(",", "\n").replace("，", "\n").splitlines() if c.strip()]
            found = {o.credit_code: o for o in Organization.objects.filter(credit_code__in=codes, kind=OrgKind.ENTERPRISE, status=CertificationStatus.CERTIFIED)}
            missing = [c for c in codes if c not in found]
            if not codes:
                self.add_error("audience_org_codes", _("指定企业名单时请至少填写一个统一社会信用代码"))
            elif missing:
                self.add_error("audience_org_codes", _("以下代码不是已认证企业：%(codes)s") % {"codes": listed(missing[:10])})
            elif self.city and any(o.jurisdiction != self.city for o in found.values()):
                self.add_error("audience_org_codes", _("市州商务局只能向本市州企业发起报送"))
            self.listed_orgs = list(found.values())
        return data


class FieldForm(forms.ModelForm):
    class Meta:
        model = DataCallField
        fields = ["label", "field_type", "required", "choices", "help_text", "file_extensions", "max_file_mb"]
        widgets = {"choices": forms.Textarea(attrs={"rows": 2, "placeholder": gettext_lazy("每行一个选项")})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["label"].error_messages["required"] = _("请填写字段名称")
        self.fields["field_type"].error_messages["required"] = _("请选择题型")

    def clean(self):
        data = super().clean()
        if data.get("field_type") in CHOICE_TYPES and not (data.get("choices") or "").strip():
            self.add_error("choices", _("单选/多选题请填写选项"))
        return data


FieldFormSet = forms.inlineformset_factory(DataCall, DataCallField, form=FieldForm, extra=3, can_delete=True, can_order=False)


class RemindForm(forms.Form):
    message = forms.CharField(label=gettext_lazy("提醒内容（可选）"), required=False, max_length=300)


__all__ = ["BaseForm", "CallForm", "FieldFormSet", "make_answer_form", "to_json"]
