"""Pages whose HTML for anonymous visitors may be served from the page cache (``portal.page_cache``)."""

from portal import page_cache


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
