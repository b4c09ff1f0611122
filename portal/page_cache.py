"""A page cache for anonymous visitors of the portal's Wagtail pages.

Why a middleware and not Django's per-view cache: Wagtail routes a URL to a page with one query
per path segment before any view code runs, so a cache that sits behind the router still pays for
routing. This middleware answers a repeat request for a portal page before routing, from the
shared cache (local memory or Redis), and never for a signed-in visitor, so nobody is served
someone else's name, inbox count or messages.

What makes it safe:

* only responses of pages that opt in (``portal.models.cached.CachedPageMixin``) are stored;
* pages are rendered with a placeholder instead of the CSRF token; every visitor gets their own
  token put in on the way out (so the language switch and other forms keep working);
* the key holds the host, the full path with the query string, the language, the elder-mode
  cookie and whether the request came from htmx;
* any publish, unpublish, move or delete of a page, expiry and imports change one version number
  that is part of every key (``invalidate()``), so a change is visible at once.

``PORTAL_PAGE_CACHE_SECONDS`` (default 300) bounds how long an entry lives; 0 turns caching off.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token

PLACEHOLDER = "__portal_csrf_placeholder__"
VERSION_KEY = "portal:page-cache-version"
SKIPPED_HEADERS = {"set-cookie", "content-length"}


def invalidate():
    """Make every cached page stale (called when published content changes)."""
    cache.set(VERSION_KEY, time.time_ns(), None)


def _version():
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, time.time_ns(), None)
        version = cache.get(VERSION_KEY)
    return version


def _is_anonymous(request) -> bool:
    if "messages" in request.COOKIES:
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return not request.user.is_authenticated
    return True


def _key(request) -> str:
    parts = "|".join(
        [
            request.get_host(),
            request.get_full_path(),
            getattr(request, "LANGUAGE_CODE", ""),
            request.COOKIES.get("elder_mode", ""),
            request.headers.get("HX-Request", ""),
        ]
    )
    return f"portal:page:{_version()}:{hashlib.sha256(parts.encode()).hexdigest()}"


def prepare_context(request, context):
    """Render a placeholder for the CSRF token when the page is going into the cache."""
    if getattr(request, "_portal_page_cache", False):
        context["csrf_token"] = PLACEHOLDER


def mark_cacheable(request, response):
    if getattr(request, "_portal_page_cache", False):
        response._portal_cacheable = True


def _personalise(request, body: bytes) -> bytes:
    return body.replace(PLACEHOLDER.encode(), get_token(request).encode())


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = getattr(settings, "PORTAL_PAGE_CACHE_SECONDS", 0)
        if not seconds or request.method != "GET" or not _is_anonymous(request):
            return self.get_response(request)
        key = _key(request)
        stored = cache.get(key)
        if stored is not None:
            headers, body = stored
            response = HttpResponse(_personalise(request, body))
            for name, value in headers:
                response[name] = value
            response["X-Page-Cache"] = "hit"
            return response
        request._portal_page_cache = True
        response = self.get_response(request)
        if getattr(response, "_portal_cacheable", False) and not response.streaming:
            if response.status_code == 200:
                headers = [(k, v) for k, v in response.items() if k.lower() not in SKIPPED_HEADERS]
                cache.set(key, (headers, response.content), seconds)
                response["X-Page-Cache"] = "miss"
            response.content = _personalise(request, response.content)
        return response
