"""Per-address request budgets for the authentication endpoints (login, SMS, registration, reset, 2FA).

A sliding one-minute window in the cache: with Redis (production) shared by every process,
with the local-memory cache per process. It sits in front of the finer controls (lockout,
SMS limits) and stops floods of requests that would never reach them.
"""

import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render

from audit.services import client_ip


def allow(scope: str, ip: str | None, limit: int | None = None, now: float | None = None) -> bool:
    """Count one request of ``ip`` against ``scope``; False once the last minute's budget is spent.

    A sliding window: the previous minute's count weighs in by the part of it that is still within
    the last 60 seconds, so a burst cannot double its budget by straddling a minute boundary.
    """
    limit = settings.AUTH_RATE_PER_MINUTE if limit is None else limit
    if not limit or not ip:
        return True
    now = time.time() if now is None else now
    minute, elapsed = divmod(now, 60)
    key = f"accounts:rl:{scope}:{ip}:{int(minute)}"
    try:
        current = 1 if cache.add(key, 1, timeout=130) else cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=130)
        current = 1
    previous = cache.get(f"accounts:rl:{scope}:{ip}:{int(minute) - 1}", 0)
    return previous * (1 - elapsed / 60) + current <= limit


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
