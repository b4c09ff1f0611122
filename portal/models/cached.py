"""Pages whose HTML for anonymous visitors may be served from the page cache (``portal.page_cache``)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from portal import page_cache


class PageCacheVersion(models.Model):
    """One row holding the content version that is part of every page-cache key.

    It lives in the database, not in the cache, because the local-memory cache is per process:
    a page published by a task worker or by another web process must make every process's
    cached pages stale.
    """

    value = models.BigIntegerField(_("版本"), default=0)

    class Meta:
        verbose_name = _("页面缓存版本")

    def __str__(self):
        return str(self.value)


class CachedPageMixin:
    """Lets ``portal.page_cache.AnonymousPageCacheMiddleware`` keep this page's rendered HTML.

    The page renders a placeholder instead of the visitor's CSRF token when the middleware asks
    for it; the middleware puts each visitor's own token in before sending the page.
    """

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        page_cache.prepare_context(request, context)
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        page_cache.mark_cacheable(request, response)
        return response
