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
  that is part of every key (``invalidate()``). The number is kept in the database
  (``PageCacheVersion``), so a page published by a task worker or another web process makes every
  process's copies stale; each process reads it at most once every ``VERSION_CHECK_SECONDS``;
* the key also holds the date, so articles that expire at midnight leave cached lists then.

``PORTAL_PAGE_CACHE_SECONDS`` (default 300) bounds how long an entry lives; 0 turns caching off.
The same version keys the cached fragments of ``fragment_key()`` (e.g. 相关阅读 under an article).
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone, translation

PLACEHOLDER = "__portal_csrf_placeholder__"
SKIPPED_HEADERS = {"set-cookie", "content-length"}
VERSION_CHECK_SECONDS = 1.0
FRAGMENT_SECONDS = 24 * 3600

_known = {"version": None, "read_at": 0.0}


def _store_version(value):
    from portal.models import PageCacheVersion

    PageCacheVersion.objects.update_or_create(pk=1, defaults={"value": value})
    _known.update(version=value, read_at=time.monotonic())


def invalidate():
    """Make every cached page and fragment stale (called when published content changes).

    The new version is written at once and again when the surrounding transaction commits, so a
    process that rendered the old content in between cannot keep it under the new version.
    """
    _store_version(time.time_ns())
    transaction.on_commit(lambda: _store_version(time.time_ns()))


def forget_version():
    """Drop this process's remembered version; the next request reads it from the database."""
    _known.update(version=None, read_at=0.0)


def _version():
    now = time.monotonic()
    if _known["version"] is None or now - _known["read_at"] >= VERSION_CHECK_SECONDS:
        from portal.models import PageCacheVersion

        value = PageCacheVersion.objects.filter(pk=1).values_list("value", flat=True).first()
        if value is None:  # a fresh database: start a version no earlier cache entry can carry
            value = PageCacheVersion.objects.get_or_create(pk=1, defaults={"value": time.time_ns()})[0].value
        _known.update(version=value, read_at=now)
    return _known["version"]


def fragment_key(name, *parts) -> str:
    """A cache key for a rendered fragment that goes stale with the pages (``invalidate()``)."""
    raw = "|".join(str(p) for p in (*parts, translation.get_language()))
    return f"portal:fragment:{name}:{_version()}:{hashlib.sha256(raw.encode()).hexdigest()}"


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
            timezone.localdate().isoformat(),
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
