"""Template helpers of the portal that reach into optional apps without depending on them."""

from functools import cache

from django import template
from django.apps import apps
from django.template import Engine, engines

register = template.Library()


@cache
def _related_engine():
    # The search app's partial uses its own filters; render it with them available.
    base = engines["django"].engine
    return Engine(dirs=base.dirs, app_dirs=base.app_dirs, libraries=base.libraries, builtins=["search.templatetags.search_tags"], debug=base.debug)


@register.simple_tag(takes_context=True)
def related_reading_block(context, page, limit=5):
    """相关阅读 under an article: the search app's ``related_reading`` when it is installed.

    The search app ranks similar published, unexpired items; without it the block is left out,
    so the portal works on its own.
    """
    if not apps.is_installed("search"):
        return ""
    try:
        from search.templatetags.search_tags import related_reading
    except ImportError:
        return ""
    items = related_reading(page, limit=limit)
    return _related_engine().get_template("search/related_reading.html").render(template.Context(items, autoescape=True))
