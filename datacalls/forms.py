"""Forms: the call editor (call + its fields) used by staff, and the answer form built from a call's fields."""

from datetime import date
from decimal import Decimal

from django import forms
from wagtail.contrib.forms.forms import BaseForm, FormBuilder

from accounts.models import CertificationStatus, Organization, OrgKind
from datacalls.models import CHOICE_TYPES, Audience, DataCall, DataCallField
from filings.models import Kind as FilingKind
from taxonomy.cities import City
from uploads.checking import check_upload


def file_validator(field):
    allowed = field.extension_list()

    def validate(upload):
        check_upload(upload, allowed=allowed, max_mb=field.max_file_mb)

    return validate


class AnswerFormBuilder(FormBuilder):
    """Wagtail's builder with Chinese-friendly widgets, a file type and HTML date inputs."""

    def create_date_field(self, field, options):
        options["widget"] = forms.DateInput(attrs={"type": "date"})
        options["error_messages"] = {"invalid": f"“{field.label}”请填写正确的日期，如 2026-03-31"}
        return forms.DateField(**options)

    def create_number_field(self, field, options):
        options["error_messages"] = {"invalid": f"“{field.label}”请填写数字"}
        options["max_digits"], options["decimal_places"] = 18, 4
        return forms.DecimalField(**options)

    def create_file_field(self, field, options):
        options.pop("initial", None)
        options["validators"] = [file_validator(field)]
        exts = field.extension_list()
        options["widget"] = forms.ClearableFileInput(attrs={"accept": ",".join(f".{e}" for e in exts)} if exts else {})
        hint = f"格式：{'、'.join(exts)}；不超过 {field.max_file_mb} MB"
        options["help_text"] = f"{options.get('help_text') or ''}（{hint}）" if options.get("help_text") else hint
        return forms.FileField(**options)

    def get_field_options(self, field):
        options = super().get_field_options(field)
        options["error_messages"] = {"required": f"请填写“{field.label}”"}
        if field.field_type in CHOICE_TYPES:
            options["error_messages"]["invalid_choice"] = f"“{field.label}”的选项不在可选范围内"
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
            formfield.help_text = f"{formfield.help_text}；已上传：{existing_files[f.clean_name]['name']}（不选择新文件则保留）"
    return form


def to_json(value):
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value == value.to_integral() else str(value)
    if isinstance(value, date):
        return value.isoformat()
    return value


class CallForm(forms.ModelForm):
    audience_cities = forms.MultipleChoiceField(label="对象市州", choices=City.choices, required=False, widget=forms.CheckboxSelectMultiple)
    audience_filing_kinds = forms.MultipleChoiceField(label="对象备案类型", choices=FilingKind.choices, required=False, widget=forms.CheckboxSelectMultiple,
                                                      help_text="有该类型项目备案（任何状态）的企业")
    audience_org_codes = forms.CharField(label="指定企业（统一社会信用代码）", required=False, widget=forms.Textarea(attrs={"rows": 3}),
                                         help_text="每行一个统一社会信用代码")

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
        if self.instance.pk and self.instance.audience == Audience.LIST:
            self.fields["audience_org_codes"].initial = "\n".join(self.instance.audience_orgs.values_list("credit_code", flat=True))
        for name in ("opens_at", "closes_at"):
            self.fields[name].input_formats = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%d"]
            self.fields[name].error_messages["invalid"] = "请填写正确的日期时间"
        self.fields["title"].error_messages["required"] = "请填写报送名称"
        self.fields["closes_at"].error_messages["required"] = "请填写截止时间"

    def clean(self):
        data = super().clean()
        opens, closes = data.get("opens_at"), data.get("closes_at")
        if opens and closes and closes <= opens:
            self.add_error("closes_at", "截止时间必须晚于开始时间")
        audience = data.get("audience")
        if audience == Audience.CITY and not data.get("audience_cities"):
            self.add_error("audience_cities", "按市州报送时请至少选择一个市州")
        if audience == Audience.INDUSTRY and not data.get("audience_industries"):
            self.add_error("audience_industries", "按行业报送时请至少选择一个行业")
        if audience == Audience.FILING_KIND and not data.get("audience_filing_kinds"):
            self.add_error("audience_filing_kinds", "按备案类型报送时请至少选择一种类型")
        self.listed_orgs = []
        if audience == Audience.LIST:
            codes = [c.strip().upper() for c in data.get("audience_org_codes", "").replace(",", "\n").replace("，", "\n").splitlines() if c.strip()]
            found = {o.credit_code: o for o in Organization.objects.filter(credit_code__in=codes, kind=OrgKind.ENTERPRISE, status=CertificationStatus.CERTIFIED)}
            missing = [c for c in codes if c not in found]
            if not codes:
                self.add_error("audience_org_codes", "指定企业名单时请至少填写一个统一社会信用代码")
            elif missing:
                self.add_error("audience_org_codes", f"以下代码不是已认证企业：{'、'.join(missing[:10])}")
            elif self.city and any(o.jurisdiction != self.city for o in found.values()):
                self.add_error("audience_org_codes", "市州商务局只能向本市州企业发起报送")
            self.listed_orgs = list(found.values())
        return data


class FieldForm(forms.ModelForm):
    class Meta:
        model = DataCallField
        fields = ["label", "field_type", "required", "choices", "help_text", "file_extensions", "max_file_mb"]
        widgets = {"choices": forms.Textarea(attrs={"rows": 2, "placeholder": "每行一个选项"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["label"].error_messages["required"] = "请填写字段名称"
        self.fields["field_type"].error_messages["required"] = "请选择题型"

    def clean(self):
        data = super().clean()
        if data.get("field_type") in CHOICE_TYPES and not (data.get("choices") or "").strip():
            self.add_error("choices", "单选/多选题请填写选项")
        return data


FieldFormSet = forms.inlineformset_factory(DataCall, DataCallField, form=FieldForm, extra=3, can_delete=True, can_order=False)


class RemindForm(forms.Form):
    message = forms.CharField(label="提醒内容（可选）", required=False, max_length=300)


__all__ = ["BaseForm", "CallForm", "FieldFormSet", "make_answer_form", "to_json"]
