"""Country form fields: every country picker on the site is one of these four.

They offer the host countries (all but China) in the one order of ``taxonomy.selectors``, labelled
in the active language, with a searchable widget. The model fields give ``Country`` objects; the
code fields give ISO codes, for forms whose services take codes.
"""

from functools import partial

from django import forms
from django.forms.models import ModelChoiceIterator

from taxonomy.models import Country
from taxonomy.selectors import HOME_COUNTRY, country_search_terms, host_country_choices, ordered
from taxonomy.widgets import SearchableSelect, SearchableSelectMultiple


class CountryChoiceIterator(ModelChoiceIterator):
    """Orders the countries for the language active when the choices are listed, not when the form class was made."""

    def __iter__(self):
        self.queryset = ordered(self.queryset)
        yield from super().__iter__()


class _CountryModelField:
    iterator = CountryChoiceIterator
    widget_class = SearchableSelect

    def __init__(self, queryset=None, *, hosts=True, **kwargs):
        queryset = Country.objects.all() if queryset is None else queryset
        if hosts:
            queryset = queryset.exclude(code=HOME_COUNTRY)
        kwargs.setdefault("widget", self.widget_class(search_terms=country_search_terms))
        super().__init__(queryset, **kwargs)

    def label_from_instance(self, obj):
        return obj.display_name


class CountryChoiceField(_CountryModelField, forms.ModelChoiceField):
    """One host country (a ``Country``). Also usable as a ModelForm's ``field_classes`` entry."""


class CountryMultipleChoiceField(_CountryModelField, forms.ModelMultipleChoiceField):
    """Several host countries (a queryset of ``Country``)."""

    widget_class = SearchableSelectMultiple


def _code_choices(empty_label=None):
    return ([("", empty_label)] if empty_label is not None else []) + host_country_choices()


class CountryCodeField(forms.ChoiceField):
    """One host country by ISO code; ``empty_label`` adds a first "any country" choice (filters)."""

    def __init__(self, *, empty_label=None, **kwargs):
        kwargs.setdefault("widget", SearchableSelect(search_terms=country_search_terms))
        # A callable: the names and their order follow the language of each request.
        super().__init__(choices=partial(_code_choices, empty_label), **kwargs)


class CountryCodesField(forms.MultipleChoiceField):
    """Several host countries by ISO code."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", SearchableSelectMultiple(search_terms=country_search_terms))
        super().__init__(choices=_code_choices, **kwargs)
