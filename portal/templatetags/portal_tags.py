"""Template helpers of the portal: related reading from the optional search app, Chinese content
marked as such on English pages, and sums written the way the page's readers write them."""

import functools

from babel.numbers import format_compact_decimal
from django import template
from django.apps import apps
from django.core.cache import cache
from django.template import Engine, engines
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from config.content_language import interface_is_chinese, shown_as_chinese
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




@register.simple_tag
def content_lang(value):
    """`` lang="zh-Hans"`` for an element showing ``value`` when that is Chinese text on a page in
    another language: ``<h1{% content_lang page.title %}>{{ page.title }}</h1>``.

    Content (page and article titles and bodies, column names, organisation names) has no English
    version: it stays in Chinese on English pages, and says so, so screen readers pronounce it as
    Chinese and browsers offer to translate it. On Chinese pages nothing is added.
    """
    return mark_safe(' lang="zh-Hans"') if shown_as_chinese(value) else ""


@register.filter
def column_title(page):
    """A page's title, in the reader's language while it is a column's initial title
    (``portal.column_titles``): ``{{ item|column_title }}``."""
    from portal.column_titles import interface_title

    return interface_title(page)


@register.filter(is_safe=True)
def chinese_content(value):
    """Chinese text inside an English sentence, marked: ``<span lang="zh-Hans">…</span>`` (as is on Chinese pages)."""
    return format_html('<span lang="zh-Hans">{}</span>', value) if shown_as_chinese(value) else value


@functools.cache
def _chinese_unit(size: int) -> str:
    """万 (10⁴) or 亿 (10⁸) as CLDR writes them."""
    return format_compact_decimal(size, locale="zh_Hans").lstrip("1")


@register.filter
def cn_amount(value):
    """A sum the way the page's readers write it: in Chinese 8,500 · 120万 · 3.5亿 (two decimals at
    most, trailing zeros dropped); in English 8,500 · 850,000 · 1.2 million · 3.5 billion."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return value
    if not interface_is_chinese():
        if abs(number) >= 1e6:
            return format_compact_decimal(number, locale=translation.to_locale(translation.get_language()), format_type="long", fraction_digits=2)
        return f"{number:,.0f}"
    for size in (10**8, 10**4):
        if abs(number) >= size:
            return f"{number / size:,.2f}".rstrip("0").rstrip(".") + _chinese_unit(size)
    return f"{number:,.0f}"
