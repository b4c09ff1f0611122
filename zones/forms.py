from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from zones.models import Indicator, ZoneReport


class ReportForm(forms.ModelForm):
    class Meta:
        model = ZoneReport
        fields = ["year", "enterprises", "chinese_enterprises", "investment_usd_wan", "output_usd_wan", "tax_usd_wan", "local_jobs", "summary"]
        widgets = {"summary": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["year"].disabled = True

    def clean(self):
        data = super().clean()
        if data.get("chinese_enterprises", 0) > data.get("enterprises", 0):
            self.add_error("chinese_enterprises", _("中资企业数不能超过入区企业总数"))
        year = data.get("year")
        if year and not 2000 <= year <= 2100:
            self.add_error("year", _("年度不正确"))
        return data


class ScoreForm(forms.Form):
    """One score field and one comment field per active indicator."""

    def __init__(self, indicators, *args, existing=None, **kwargs):
        super().__init__(*args, **kwargs)
        existing = existing or {}
        self.indicators = indicators
        for ind in indicators:
            prev = existing.get(ind.pk)
            self.fields[f"score_{ind.pk}"] = forms.DecimalField(label=_("%(indicator)s（权重 %(weight)s）") % {"indicator": ind.name, "weight": ind.weight}, min_value=0, max_value=100, decimal_places=2,
                                                                help_text=ind.description, initial=prev.score if prev else None)
            self.fields[f"comment_{ind.pk}"] = forms.CharField(label=_("%(indicator)s评语") % {"indicator": ind.name}, required=False, max_length=300, initial=prev.comment if prev else "")

    def scores(self):
        return {ind.pk: self.cleaned_data[f"score_{ind.pk}"] for ind in self.indicators}

    def comments(self):
        return {ind.pk: self.cleaned_data[f"comment_{ind.pk}"] for ind in self.indicators}


class ReturnForm(forms.Form):
    comment = forms.CharField(label=gettext_lazy("退回理由"), widget=forms.Textarea(attrs={"rows": 3}))


class IndicatorForm(forms.ModelForm):
    class Meta:
        model = Indicator
        fields = ["name", "description", "weight", "order", "active"]
        widgets = {"description": forms.TextInput(attrs={"size": 40})}


IndicatorFormSet = forms.modelformset_factory(Indicator, form=IndicatorForm, extra=1, can_delete=False)
