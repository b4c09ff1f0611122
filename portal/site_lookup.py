"""Which Wagtail site answers a request, remembered in each process for a minute.

Wagtail finds the site of every request with a database query (``Site.find_for_request``: the
sites matching the host, ranked, joined to their root pages) — on an uncached page one of its
few queries; remembering it raised the uncached article page from 72.0 to 81.8 requests/s in
``bench/pages`` (docs/portal.md). Sites change
rarely (an operator sets a hostname or the default site), so ``SiteLookupMiddleware`` keeps
Wagtail's answer per (host, port) and hands each request a fresh ``Site`` built from the
remembered column values (no shared object whose cached root page could go stale).

A change to a site is seen at once by the process that saved it (the ``post_save`` /
``post_delete`` signals forget everything) and by every other process within ``SECONDS``.
At most ``MAX_HOSTS`` host names are remembered: the Host header is chosen by the client.
"""

import time

from django.db.models.signals import post_delete, post_save
from django.http.request import split_domain_port
from wagtail.models import Site

SECONDS = 60.0
MAX_HOSTS = 64

_FIELDS = [f.attname for f in Site._meta.concrete_fields]
# (hostname, port) → (valid until, the site's column values or None for "no site")
_known: dict[tuple[str, str], tuple[float, tuple | None]] = {}


def site_for(request) -> Site | None:
    """Wagtail's ``Site.find_for_request`` answer, from memory when it is fresh."""
    key = (split_domain_port(request._get_raw_host())[0], request.get_port())
    now = time.monotonic()
    entry = _known.get(key)
    if entry is None or entry[0] <= now:
        site = Site._find_for_request(request)
        if len(_known) >= MAX_HOSTS:
            _known.clear()
        entry = _known[key] = (now + SECONDS, tuple(getattr(site, name) for name in _FIELDS) if site else None)
    return Site.from_db("default", _FIELDS, entry[1]) if entry[1] else None


def forget(**kwargs):
    _known.clear()


post_save.connect(forget, sender=Site, dispatch_uid="portal.site_lookup.saved")
post_delete.connect(forget, sender=Site, dispatch_uid="portal.site_lookup.deleted")


class SiteLookupMiddleware:
    """Sets ``request._wagtail_site``, which ``Site.find_for_request`` reads before it queries."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request._wagtail_site = site_for(request)
        return self.get_response(request)
