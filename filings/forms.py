"""Filing forms: one form class, parameterised by project kind (each kind shows the fields it needs)."""

from django import forms
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from stdnum.cn import ric

from filings import materials
from filings.models import Filing, FilingReport, FinancingSource, Kind, ReportKind
from taxonomy.forms import CountryChoiceField
from taxonomy.widgets import MarkedSearchableSelect, MarkedSelect

COMMON_FIELDS = ["project_name", "country", "industry", "chinese_party", "foreign_party", "amount", "currency", "start_date", "end_date"]
KIND_FIELDS = {
    Kind.INVESTMENT: ["investment_mode", *COMMON_FIELDS, "financing_sources", "workers_sent", "description"],
    Kind.CONTRACTING: [*COMMON_FIELDS, "financing_sources", "workers_sent", "description"],
    Kind.LABOUR: [*COMMON_FIELDS, "workers_sent", "description"],
}
CONTACT_FIELDS = ["contact_name", "contact_phone", "contact_id_number"]
AMOUNT_LABELS = {Kind.INVESTMENT: _("中方投资额"), Kind.CONTRACTING: _("合同金额"), Kind.LABOUR: _("合同金额")}
FOREIGN_PARTY_LABELS = {Kind.INVESTMENT: _("外方主体/并购标的"), Kind.CONTRACTING: _("项目业主(发包方)"), Kind.LABOUR: _("境外雇主")}


def fields_for(kind):
    return KIND_FIELDS[kind] + CONTACT_FIELDS


class FilingForm(forms.ModelForm):
    financing_sources = forms.MultipleChoiceField(label=_("资金来源"), choices=FinancingSource.choices, required=False, widget=forms.CheckboxSelectMultiple)

    class Meta:
        model = Filing
        fields = sorted({f for kind_fields in KIND_FIELDS.values() for f in kind_fields} | set(CONTACT_FIELDS))
        field_classes = {"country": CountryChoiceField}
        widgets = {
            "industry": MarkedSearchableSelect,  # industry names are Chinese reference data
            "start_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "end_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "description": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, kind, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind = kind
        wanted = fields_for(kind)
        for name in list(self.fields):
            if name not in wanted:
                del self.fields[name]
        self.order_fields(wanted)
        self.fields["amount"].label = AMOUNT_LABELS[kind]
        self.fields["foreign_party"].label = FOREIGN_PARTY_LABELS[kind]
        self.fields["chinese_party"].required = False
        self.fields["chinese_party"].help_text = _("留空则为本企业名称")
        if "investment_mode" in self.fields:
            self.fields["investment_mode"].required = True
        if kind != Kind.INVESTMENT:
            self.fields["foreign_party"].required = True
        if kind == Kind.LABOUR:
            self.fields["workers_sent"].required = True
            self.fields["workers_sent"].min_value = 1
        # The reporting-threshold notice updates as the enterprise types (htmx; the same
        # notice is computed on submit for browsers without JavaScript).
        htmx = {
            "hx-get": reverse("filings:threshold", args=[kind]),
            "hx-trigger": "input changed delay:400ms, change",
            "hx-target": "#threshold-notice",
            "hx-include": "[name=amount],[name=currency]",
            "aria-describedby": "threshold-notice",
        }
        self.fields["amount"].widget.attrs.update(htmx)
        self.fields["currency"].widget.attrs.update({k: v for k, v in htmx.items() if k != "aria-describedby"})

    def clean_amount(self):
        amount = self.cleaned_data["amount"]
        if amount is not None and amount <= 0:
            raise forms.ValidationError(gettext("金额必须大于 0"))
        return amount

    def clean_contact_phone(self):
        phone = self.cleaned_data["contact_phone"].strip().replace(" ", "")
        if not phone.replace("-", "").isdigit() or not 7 <= len(phone.replace("-", "")) <= 12:
            raise forms.ValidationError(gettext("请填写有效的手机号或固定电话（如 13800000000 或 0731-88888888）"))
        return phone

    def clean_contact_id_number(self):
        number = self.cleaned_data.get("contact_id_number", "").strip().upper()
        if number and not ric.is_valid(number):
            raise forms.ValidationError(gettext("身份证号码格式或校验位不正确"))
        return number

    def clean(self):
        data = super().clean()
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", gettext("结束日期不能早于开始日期"))
        return data

    def filing_data(self):
        """The cleaned values this kind's fields set on the filing."""
        return {name: self.cleaned_data[name] for name in self.fields}


class TransitionForm(forms.Form):
    comment = forms.CharField(label=_("意见"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))


class AttachmentForm(forms.Form):
    """One document: which of the guide's materials it is (or another, named by the enterprise)."""

    OTHER = "__other__"
    material = forms.ChoiceField(label=_("材料"), required=False, widget=MarkedSelect())  # the guide's names, written in Chinese
    label = forms.CharField(label=_("其他材料的名称"), max_length=100, required=False)
    file = forms.FileField(label=_("文件"))

    def __init__(self, *args, kind=None, **kwargs):
        super().__init__(*args, **kwargs)
        names = materials.choices_for(kind) if kind else []
        self.fields["material"].choices = [("", _("请选择材料")), *((n, n) for n in names), (self.OTHER, _("其他材料（填写名称）"))]
        if not names:
            del self.fields["material"]
            self.fields["label"].required = True
            self.fields["label"].label = _("材料名称")

    def clean(self):
        data = super().clean()
        chosen = data.get("material")
        if "material" in self.fields and chosen and chosen != self.OTHER:
            data["label"] = chosen
        elif not data.get("label"):
            self.add_error("label" if chosen == self.OTHER or "material" not in self.fields else "material", _("请选择材料，或填写其他材料的名称"))
        return data


class ReportForm(forms.ModelForm):
    class Meta:
        model = FilingReport
        fields = ["period", "summary", "new_amount", "new_end_date", "invested_usd", "workers_on_site"]
        widgets = {"new_end_date": forms.DateInput(attrs={"type": "date"}), "summary": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, kind, **kwargs):
        super().__init__(*args, **kwargs)
        keep = ["summary", "new_amount", "new_end_date"] if kind == ReportKind.CHANGE else ["period", "summary", "invested_usd", "workers_on_site"]
        for name in list(self.fields):
            if name not in keep:
                del self.fields[name]
        if kind == ReportKind.PROGRESS:
            self.fields["period"].required = True

    def report_data(self):
        return {name: self.cleaned_data[name] for name in self.fields}


class QueueFilterForm(forms.Form):
    TODO = "todo"  # 待我处理: the filings waiting for this reviewer's own step (``awaiting_review_by``)

    q = forms.CharField(label=_("搜索"), required=False, widget=forms.TextInput(attrs={"placeholder": _("项目名称、企业、备案编号")}))
    state = forms.ChoiceField(label=_("状态"), required=False)
    kind = forms.ChoiceField(label=_("类型"), required=False, choices=[("", _("全部")), *Kind.choices])
    city = forms.ChoiceField(label=_("市州"), required=False, widget=MarkedSelect)

    def __init__(self, *args, show_city=True, **kwargs):
        from filings.models import State
        from taxonomy.cities import Jurisdiction

        super().__init__(*args, **kwargs)
        self.fields["state"].choices = [(self.TODO, _("待我处理")), ("", _("全部")), *[(v, label) for v, label in State.choices if v != State.DRAFT]]
        self.fields["city"].choices = [("", _("全部")), *Jurisdiction.choices]
        if not show_city:
            del self.fields["city"]
