"""Template helpers for search pages, and ``{% related_reading page %}`` for content pages."""

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

from search import registry, selectors
from search.snippets import highlight
from taxonomy.models import Country

register = template.Library()


@register.inclusion_tag("search/related_reading.html")
def related_reading(obj, limit=5):
    """相关阅读: up to ``limit`` published, unexpired items similar to ``obj``."""
    return {"items": selectors.related(obj, limit=limit)}


@register.filter
def get_item(mapping, key):
    return mapping.get(key, "") if hasattr(mapping, "get") else ""


@register.filter
def attr_value(obj, name):
    return getattr(obj, name, "")


@register.filter
def kind_label(name):
    return registry.labels().get(name, name)


@register.filter
def country_names(codes):
    """The countries' names in the active language."""
    names = {c.code: c.display_name for c in Country.objects.filter(code__in=list(codes))} if codes else {}
    return [names.get(c, c) for c in codes]


@register.filter
def highlight_terms(text, parsed):
    """``text`` escaped, with the query's words marked."""
    return highlight(text, parsed.highlight_terms()) if parsed is not None else escape(text)


@register.filter
def highlight_prefix(text, typed):
    if typed and text.startswith(typed):
        return mark_safe("<mark>" + escape(typed) + "</mark>" + escape(text[len(typed) :]))  # noqa: S308 - escaped
    return escape(text)


@register.simple_tag(takes_context=True)
def facet_querystring(context, name, value):
    """The current query string with ``name`` set to ``value`` (or removed when it already is) and page reset."""
    params = context["request"].GET.copy()
    params.pop("page", None)
    if params.get(name) == value:
        params.pop(name)
    else:
        params[name] = value
    return params.urlencode()
