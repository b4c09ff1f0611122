from django import forms
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accounts.models import CertificationStatus, Organization
from consortia.models import Consortium
from taxonomy.forms import CountryChoiceField
from taxonomy.models import Industry
from taxonomy.widgets import SearchableSelect


class ConsortiumForm(forms.ModelForm):
    country = CountryChoiceField(label=_("项目所在国家(地区)"))
    industry = forms.ModelChoiceField(label=_("行业"), queryset=Industry.objects.all(), widget=SearchableSelect)
    roles = forms.CharField(
        label=_("招募角色"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("每行一个角色，格式：角色名称｜要求｜需要家数，例如“设备供应｜具备出口资质的工程机械制造商｜2”。要求和家数可省略。"),
    )

    class Meta:
        model = Consortium
        fields = ["title", "description", "country", "industry", "apply_by"]
        widgets = {"description": forms.Textarea(attrs={"rows": 6}), "apply_by": forms.DateInput(attrs={"type": "date"})}

    def clean_roles(self):
        roles = []
        for number, line in enumerate(self.cleaned_data["roles"].splitlines(), start=1):
            parts = [p.strip() for p in line.replace("|", "｜").split("｜")]
            if not parts[0]:
                continue
            if len(parts) > 3:
                raise forms.ValidationError(gettext("第 %(number)d 行格式不对：最多三段（角色｜要求｜家数）") % {"number": number})
            name, description, slots = parts[0], parts[1] if len(parts) > 1 else "", parts[2] if len(parts) > 2 else "1"
            if len(name) > 50 or len(description) > 300:
                raise forms.ValidationError(gettext("第 %(number)d 行过长：角色名称不超过 50 字，要求不超过 300 字") % {"number": number})
            if not slots.isdigit() or not 1 <= int(slots) <= 99:
                raise forms.ValidationError(gettext("第 %(number)d 行的家数须是 1–99 的整数") % {"number": number})
            roles.append({"name": name, "description": description, "slots": int(slots)})
        if not roles:
            raise forms.ValidationError(gettext("请至少列出一个招募角色"))
        if len(roles) > 20:
            raise forms.ValidationError(gettext("招募角色最多 20 个"))
        return roles


class InviteForm(forms.Form):
    organization = forms.CharField(label=_("邀请单位"), max_length=200, help_text=_("填写对方的统一社会信用代码或完整名称（须已在平台认证）"))
    role = forms.ModelChoiceField(label=_("拟任角色"), queryset=None, required=False, empty_label=_("（暂不指定）"))
    message = forms.CharField(label=_("邀请留言"), required=False, max_length=1000, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, consortium, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].queryset = consortium.roles.all()

    def clean_organization(self):
        text = self.cleaned_data["organization"].strip()
        org = Organization.objects.filter(Q(credit_code=text.upper()) | Q(name=text), status=CertificationStatus.CERTIFIED).first()
        if org is None:
            raise forms.ValidationError(gettext("未找到该已认证单位，请核对统一社会信用代码或完整名称"))
        return org


class ApplyForm(forms.Form):
    role = forms.ModelChoiceField(label=_("申请角色"), queryset=None, required=False, empty_label=_("（由牵头企业安排）"))
    message = forms.CharField(label=_("申请说明"), max_length=1000, widget=forms.Textarea(attrs={"rows": 3}), help_text=_("介绍贵单位的能力与相关经验"))

    def __init__(self, consortium, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].queryset = consortium.roles.all()


class ConsortiumFilterForm(forms.Form):
    country = CountryChoiceField(label=_("国家(地区)"), required=False, empty_label=_("全部国家(地区)"), to_field_name="code")
    industry = forms.ModelChoiceField(label=_("行业"), queryset=Industry.objects.all(), required=False, empty_label=_("全部行业"), to_field_name="code", widget=SearchableSelect)
