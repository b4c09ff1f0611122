"""Forms generated from a cycle's indicators."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from rating.models import IndicatorKind
from taxonomy.cities import Jurisdiction
from taxonomy.models import Industry


def _indicator_label(ind, unit=False) -> str:
    """The dimension and indicator names (written by the department), with the unit when asked."""
    label = f"{ind.dimension.name} · {ind.name}"
    return _("%(label)s（%(unit)s）") % {"label": label, "unit": ind.unit} if unit and ind.unit else label


class SelfReportForm(forms.Form):
    """One number field per self-reported indicator, one evidence note per indicator the reviewer scores."""

    def __init__(self, indicators, *args, answers=None, **kwargs):
        super().__init__(*args, **kwargs)
        answers = answers or {}
        self.indicators = [i for i in indicators if i.kind != IndicatorKind.COMPUTED]
        for ind in self.indicators:
            answer = answers.get(ind.pk)
            if ind.kind == IndicatorKind.SELF_NUMERIC:
                self.fields[f"value_{ind.pk}"] = forms.DecimalField(
                    label=_indicator_label(ind, unit=True),
                    required=False,
                    max_digits=14,
                    decimal_places=2,
                    help_text=ind.guidance,
                    initial=answer.value if answer else None,
                )
            self.fields[f"note_{ind.pk}"] = forms.CharField(
                label=_("%(indicator)s：说明/佐证") % {"indicator": ind.name} if ind.kind == IndicatorKind.SELF_NUMERIC
                else _("%(indicator)s：情况说明") % {"indicator": _indicator_label(ind)},
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 2}),
                help_text="" if ind.kind == IndicatorKind.SELF_NUMERIC else ind.guidance,
                initial=answer.note if answer else "",
            )

    def values(self) -> dict:
        return {i.pk: self.cleaned_data.get(f"value_{i.pk}") for i in self.indicators if i.kind == IndicatorKind.SELF_NUMERIC}

    def notes(self) -> dict:
        return {i.pk: self.cleaned_data.get(f"note_{i.pk}", "") for i in self.indicators}


class ScoreForm(forms.Form):
    """The reviewer's score and comment per indicator; automatic scores are pre-filled."""

    def __init__(self, indicators, *args, answers=None, **kwargs):
        super().__init__(*args, **kwargs)
        answers = answers or {}
        self.indicators = list(indicators)
        for ind in self.indicators:
            answer = answers.get(ind.pk)
            initial = answer.score if answer and answer.score is not None else (answer.auto_score if answer else None)
            self.fields[f"score_{ind.pk}"] = forms.DecimalField(
                label=_("%(indicator)s（满分 %(max)s，权重 %(weight)s）") % {"indicator": _indicator_label(ind), "max": ind.max_score, "weight": ind.weight},
                required=ind.kind == IndicatorKind.REVIEWER,
                min_value=Decimal(0),
                max_value=ind.max_score,
                max_digits=5,
                decimal_places=2,
                initial=initial,
            )
            self.fields[f"comment_{ind.pk}"] = forms.CharField(
                label=_("%(indicator)s：评审意见") % {"indicator": ind.name}, required=False, max_length=1000, initial=answer.comment if answer else ""
            )

    def scores(self) -> dict:
        return {i.pk: self.cleaned_data.get(f"score_{i.pk}") for i in self.indicators}

    def comments(self) -> dict:
        return {i.pk: self.cleaned_data.get(f"comment_{i.pk}", "") for i in self.indicators}


class ReturnForm(forms.Form):
    comment = forms.CharField(label=gettext_lazy("退回理由"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))


class QualityFilterForm(forms.Form):
    industry = forms.ModelChoiceField(label=gettext_lazy("行业"), queryset=Industry.objects.all(), required=False, empty_label=gettext_lazy("全部行业"), to_field_name="code")
    city = forms.ChoiceField(label=gettext_lazy("所属市州"), required=False, choices=[("", gettext_lazy("全部市州")), *Jurisdiction.choices])
