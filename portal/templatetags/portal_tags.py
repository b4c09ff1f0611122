"""Template helpers of the portal that reach into optional apps without depending on them."""

import functools

from django import template
from django.apps import apps
from django.core.cache import cache
from django.template import Engine, engines

from portal import page_cache

register = template.Library()


@functools.cache
def _related_engine():
    # The search app's partial uses its own filters; render it with them available.
    base = engines["django"].engine
    return Engine(dirs=base.dirs, app_dirs=base.app_dirs, libraries=base.libraries, builtins=["search.templatetags.search_tags"], debug=base.debug)


@register.simple_tag(takes_context=True)
def related_reading_block(context, page, limit=5):
    """相关阅读 under an article: the search app's ``related_reading`` when it is installed.

    The search app ranks similar published, unexpired items; without it the block is left out,
    so the portal works on its own. Ranking tokenises the article and scores hundreds of
    candidates, so the rendered block is kept (per article, language and content version) until
    any published content changes — ``page_cache.invalidate()`` starts a new version.
    """
    if not apps.is_installed("search"):
        return ""
    try:
        from search.templatetags.search_tags import related_reading
    except ImportError:
        return ""
    key = page_cache.fragment_key("related", page.pk, page.last_published_at, limit)
    html = cache.get(key)
    if html is None:
        items = related_reading(page, limit=limit)
        html = _related_engine().get_template("search/related_reading.html").render(template.Context(items, autoescape=True))
        cache.set(key, html, page_cache.FRAGMENT_SECONDS)
    return html


@register.filter
def cn_amount(value):
    """A sum the way Chinese readers write it: 8,500 · 120万 · 3.5亿 (two decimals at most, trailing zeros dropped)."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return value
    for unit, size in (("亿", 1e8), ("万", 1e4)):
        if abs(number) >= size:
            return f"{number / size:,.2f}".rstrip("0").rstrip(".") + unit
    return f"{number:,.0f}"
