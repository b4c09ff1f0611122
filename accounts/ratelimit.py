"""Per-address request budgets for the authentication endpoints (login, SMS, registration, reset, 2FA).

A fixed one-minute window in the cache: with Redis (production) shared by every process,
with the local-memory cache per process. It sits in front of the finer controls (lockout,
SMS limits) and stops floods of requests that would never reach them.
"""

import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render

from audit.services import client_ip


def allow(scope: str, ip: str | None, limit: int | None = None) -> bool:
    """Count one request of ``ip`` against ``scope``; False once the minute's budget is spent."""
    limit = settings.AUTH_RATE_PER_MINUTE if limit is None else limit
    if not limit or not ip:
        return True
    key = f"accounts:rl:{scope}:{ip}:{int(time.time() // 60)}"
    if cache.add(key, 1, timeout=70):
        return True
    try:
        return cache.incr(key) <= limit
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=70)
        return True


def rate_limited(scope: str):
    """View decorator: POST requests beyond the budget get a 429 page."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method == "POST" and not allow(scope, client_ip(request)):
                return render(request, "accounts/rate_limited.html", status=429)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
