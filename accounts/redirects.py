"""Where to send someone next when the request names the place (``?next=…``, a hidden field).

Every redirect whose target comes from a request, or from a link stored on the site, goes
through here: only a path of this site is followed, anything else falls back to a default, so
a crafted link to one of our pages can never send a visitor on to another site (an open
redirect: the login page is the usual bait, "log in and you will be taken to …").

A target is followed only when it

* starts with a single "/" — no scheme (``https:``, ``javascript:``), no host, and not "//" or
  "/\\", which browsers read as "another host, same scheme";
* holds no backslash and no control or whitespace character (browsers drop tabs and newlines
  inside a URL, so "/\\t/evil.com" would become "//evil.com");
* still does after percent-decoding ("/%2F%2Fevil.com"), for whatever decodes it once more;
* and passes Django's ``url_has_allowed_host_and_scheme`` for this request's host, HTTPS
  required when the request came over HTTPS.
"""

import unicodedata
from urllib.parse import unquote, urlencode

from django.utils.http import url_has_allowed_host_and_scheme

FIELD = "next"


def _is_local_path(target: str) -> bool:
    if not target.startswith("/") or target.startswith(("//", "/\\")):
        return False
    return not any(ch == "\\" or ch.isspace() or unicodedata.category(ch)[0] == "C" for ch in target)


def is_safe_path(target, request=None) -> bool:
    """Whether ``target`` is a path on this site that may be redirected to."""
    if not isinstance(target, str) or not target:
        return False
    if not (_is_local_path(target) and _is_local_path(unquote(target))):
        return False
    if request is None:
        return url_has_allowed_host_and_scheme(target, allowed_hosts=set())
    return url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure())


def safe_path(target, request=None, default: str = "/") -> str:
    """``target`` when it is safe (``is_safe_path``), otherwise ``default``."""
    return target if is_safe_path(target, request) else default


def safe_next(request, default: str = "/") -> str:
    """The ``next`` the request carries (form field first, then query string) when safe, else ``default``."""
    return safe_path(request.POST.get(FIELD) or request.GET.get(FIELD) or "", request, default)


def with_next(url: str, request, default: str = "") -> str:
    """``url`` with the request's safe ``next`` carried on (``?next=…``, encoded), or ``url`` alone when there is none."""
    target = safe_next(request, default)
    return f"{url}?{urlencode({FIELD: target})}" if target else url
