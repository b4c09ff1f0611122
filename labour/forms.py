from django import forms
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from config.decisions import ConfirmedDecisionForm
from labour.models import DispatchFiling
from taxonomy.forms import CountryChoiceField


class DispatchForm(forms.ModelForm):
    class Meta:
        model = DispatchFiling
        fields = ["country", "employer", "project_name", "job_category", "planned_workers", "start_date", "end_date", "contact_name", "contact_phone"]
        field_classes = {"country": CountryChoiceField}
        widgets = {"start_date": forms.DateInput(attrs={"type": "date"}), "end_date": forms.DateInput(attrs={"type": "date"})}

    def clean(self):
        data = super().clean()
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", gettext("合同结束日期不能早于开始日期"))
        if data.get("planned_workers") == 0:
            self.add_error("planned_workers", gettext("计划派出人数至少为 1"))
        return data


class UploadForm(forms.Form):
    file = forms.FileField(label=_("人员名单（.xlsx）"), help_text=_("使用模板填写：姓名、性别、身份证号、护照号、岗位、联系电话；最多 5000 行。"))


class ReviewForm(ConfirmedDecisionForm):
    FINAL_DECISIONS = ("approve", "reject")  # 同意备案 issues the record; 不予备案 ends it
    decision = forms.ChoiceField(label=_("审核结论"), choices=[("approve", _("同意备案")), ("return", pgettext_lazy("filing action", "退回修改")), ("reject", pgettext_lazy("filing action", "不予备案"))])
    comment = forms.CharField(label=_("审核意见"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class QualificationForm(forms.Form):
    credit_code = forms.CharField(label=_("企业统一社会信用代码"), max_length=18)
    certificate_no = forms.CharField(label=_("资格证书编号"), max_length=50)
    valid_until = forms.DateField(label=_("有效期至"), widget=forms.DateInput(attrs={"type": "date"}))

    def clean_credit_code(self):
        from accounts.models import Organization, OrgKind

        code = self.cleaned_data["credit_code"].strip().upper()
        org = Organization.objects.filter(credit_code=code, kind=OrgKind.ENTERPRISE).first()
        if org is None:
            raise forms.ValidationError(gettext("平台上没有这个统一社会信用代码的企业"))
        if not org.is_certified:
            raise forms.ValidationError(gettext("该企业尚未通过认证"))
        self.organization = org
        return code
