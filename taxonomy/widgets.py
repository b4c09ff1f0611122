"""Searchable pickers for long lists (countries, industries, roles, events).

The widgets render an ordinary ``<select>`` marked ``data-searchable``; ``static/js/searchable-select.js``
(loaded by the base template) turns it into a type-to-search box with the chosen items as removable
chips (Tom Select, vendored in ``static/vendor/tom-select``). Without JavaScript the page still works:
the browser shows the plain select (a list box for several choices).
"""

from django import forms
from django.utils.html import format_html

from config.content_language import shown_as_chinese

SCRIPT = "js/searchable-select.js"
LIBRARY_JS = "vendor/tom-select/tom-select.complete.min.js"
LIBRARY_CSS = "vendor/tom-select/tom-select.min.css"
OWN_CSS = "css/searchable-select.css"


class _Searchable:
    """Adds the ``data-searchable`` marker and, per option, extra words the search matches."""

    def __init__(self, attrs=None, choices=(), *, search_terms=None):
        super().__init__({"data-searchable": True, **(attrs or {})}, choices)
        self.search_terms = search_terms

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        if self.search_terms is not None and str(value):
            terms = self.search_terms(str(value))
            if terms:
                option["attrs"]["data-search"] = terms
        return option

    class Media:
        # Pages of the public site load these through the base template; the Wagtail and Django
        # admin include form media themselves, so a searchable widget there works too.
        js = (LIBRARY_JS, SCRIPT)
        css = {"all": (LIBRARY_CSS, OWN_CSS)}


class SearchableSelect(_Searchable, forms.Select):
    """One choice from a long list, with type-to-search."""


class SearchableSelectMultiple(_Searchable, forms.SelectMultiple):
    """Several choices, shown as chips, with type-to-search (instead of a Ctrl-click list box)."""

    def __init__(self, attrs=None, choices=(), *, search_terms=None):
        # Without JavaScript the list box shows eight rows.
        super().__init__({"size": 8, **(attrs or {})}, choices, search_terms=search_terms)


class MarksChineseOptions:
    """Options that are Chinese content (city, industry, column and role names, titles people
    wrote) are marked ``lang="zh-Hans"`` on a page in another language: a select marks the
    ``<option>``, a list of checkboxes or radios wraps the label in ``<span lang="zh-Hans">``.
    On Chinese pages nothing changes (``config.content_language``)."""

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        if shown_as_chinese(label):
            if self.input_type in ("checkbox", "radio"):
                option["label"] = format_html('<span lang="zh-Hans">{}</span>', label)
            else:
                option["attrs"]["lang"] = "zh-Hans"
        return option


class MarkedSelect(MarksChineseOptions, forms.Select):
    pass


class MarkedCheckboxSelectMultiple(MarksChineseOptions, forms.CheckboxSelectMultiple):
    pass


class MarkedSearchableSelect(MarksChineseOptions, SearchableSelect):
    pass


class MarkedSearchableSelectMultiple(MarksChineseOptions, SearchableSelectMultiple):
    pass
