"""Searchable pickers for long lists (countries, industries, roles, events).

The widgets render an ordinary ``<select>`` marked ``data-searchable``; ``static/js/searchable-select.js``
(loaded by the base template) turns it into a type-to-search box with the chosen items as removable
chips (Tom Select, vendored in ``static/vendor/tom-select``). Without JavaScript the page still works:
the browser shows the plain select (a list box for several choices).
"""

from django import forms

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
