from django import forms
from django.forms import inlineformset_factory
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accounts.models import InstitutionType
from directory.models import EnterpriseCase, EnterpriseProfile
from taxonomy.cities import Jurisdiction
from taxonomy.forms import CountryChoiceField, CountryMultipleChoiceField
from taxonomy.models import Industry
from taxonomy.widgets import SearchableSelect


class ProfileForm(forms.ModelForm):
    industries = forms.ModelMultipleChoiceField(
        label=_("所属行业"), queryset=Industry.objects.all(), required=False, widget=forms.CheckboxSelectMultiple, help_text=_("国民经济行业分类门类")
    )
    countries = CountryMultipleChoiceField(label=_("业务所在国家(地区)"), required=False)

    class Meta:
        model = EnterpriseProfile
        fields = [
            "summary", "description", "business", "industries", "countries", "founded_year", "employees", "website",
            "contact_name", "contact_name_visibility", "phone", "phone_visibility", "email", "email_visibility",
            "address", "address_visibility", "listed",
        ]  # fmt: skip
        widgets = {"description": forms.Textarea(attrs={"rows": 5}), "business": forms.Textarea(attrs={"rows": 4})}
        help_texts = {"countries": _("可多选，输入文字或拼音查找"), "listed": _("取消勾选后，名录中不再显示本企业（本企业成员仍可预览）")}

    def __init__(self, *args, organization=None, **kwargs):
        super().__init__(*args, **kwargs)
        if organization is not None and not self.is_bound:
            self.initial.setdefault("industries", list(organization.industries.all()))

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        allowed = set("0123456789+-() ")
        if phone and (not set(phone) <= allowed or sum(ch.isdigit() for ch in phone) < 7):
            raise forms.ValidationError(gettext("请填写有效的电话号码（数字，可含 +、-、括号和空格）"))
        return phone


CaseFormSet = inlineformset_factory(
    EnterpriseProfile,
    EnterpriseCase,
    fields=["title", "country", "year", "description"],
    field_classes={"country": CountryChoiceField},
    extra=1,
    max_num=20,
    can_delete=True,
    widgets={"description": forms.Textarea(attrs={"rows": 2})},
)


class DirectoryFilterForm(forms.Form):
    q = forms.CharField(label=_("关键词"), required=False, max_length=50, widget=forms.TextInput(attrs={"type": "search", "placeholder": _("企业名称、业务、产品…")}))
    industry = forms.ModelChoiceField(label=_("行业"), queryset=Industry.objects.all(), required=False, empty_label=_("全部行业"), to_field_name="code", widget=SearchableSelect)
    country = CountryChoiceField(label=_("国家(地区)"), required=False, empty_label=_("全部国家(地区)"), to_field_name="code")
    city = forms.ChoiceField(label=_("所属市州"), required=False, choices=[("", _("全部市州")), *Jurisdiction.choices])

    def filters(self) -> dict:
        """Cleaned filter values as plain strings ('' for no filter); invalid values are ignored."""
        self.is_valid()  # cleaned_data keeps the valid fields even when another is invalid
        data = self.cleaned_data
        return {
            "q": data.get("q", ""),
            "industry": data["industry"].code if data.get("industry") else "",
            "country": data["country"].code if data.get("country") else "",
            "city": data.get("city", ""),
        }


class InstitutionFilterForm(forms.Form):
    q = forms.CharField(label=_("机构名称"), required=False, max_length=50, widget=forms.TextInput(attrs={"type": "search"}))
    institution_type = forms.ChoiceField(label=_("机构类别"), required=False, choices=[("", _("全部类别")), *InstitutionType.choices])
    city = forms.ChoiceField(label=_("所属市州"), required=False, choices=[("", _("全部市州")), *Jurisdiction.choices])

    def filters(self) -> dict:
        self.is_valid()
        data = self.cleaned_data
        return {k: data.get(k, "") for k in ("q", "institution_type", "city")}
