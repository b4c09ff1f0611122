from django import forms
from django.utils.translation import gettext_lazy as _

from config.decisions import ConfirmedDecisionForm
from overseas.models import EDITABLE_FIELDS, OverseasInstitution
from taxonomy.forms import CountryChoiceField


class InstitutionForm(forms.ModelForm):
    class Meta:
        model = OverseasInstitution
        fields = EDITABLE_FIELDS
        widgets = {"description": forms.Textarea(attrs={"rows": 5}), "services": forms.Textarea(attrs={"rows": 3})}
        help_texts = {"latitude": _("十进制度数，南纬为负，如 -6.79235"), "longitude": _("十进制度数，西经为负，如 39.20833")}
        field_classes = {"country": CountryChoiceField}


class ReviewForm(ConfirmedDecisionForm):
    decision = forms.ChoiceField(label=_("审核结论"), choices=[("approve", _("通过并生效")), ("reject", _("不通过"))])
    comment = forms.CharField(label=_("审核意见"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
