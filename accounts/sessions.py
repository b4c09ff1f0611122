"""Signed-in sessions: tracking, idle timeout and ending them ("log out everywhere")."""

from importlib import import_module

from django.conf import settings
from django.utils import timezone

from accounts.models import UserSession
from audit.services import client_ip

LAST_ACTIVITY_KEY = "_accounts_last_activity"
IDLE_NOTICE_KEY = "_accounts_idle_logout"  # set after an idle sign-out; the login page says why
TOUCH_EVERY_SECONDS = 30  # write the session at most this often just to record activity


def is_staff_account(user) -> bool:
    """Staff accounts get 2FA, the short idle timeout and password expiry."""
    return bool(user.is_authenticated and (user.is_staff or user.is_superuser))


def idle_limit_seconds(user) -> int:
    return settings.STAFF_SESSION_IDLE_SECONDS if is_staff_account(user) else settings.USER_SESSION_IDLE_SECONDS


def session_expired(request, now_ts: float) -> bool:
    last = request.session.get(LAST_ACTIVITY_KEY)
    return last is not None and now_ts - last > idle_limit_seconds(request.user)


def touch(request, now_ts: float):
    """Record activity (at most every TOUCH_EVERY_SECONDS) and keep the session's tracking row."""
    last = request.session.get(LAST_ACTIVITY_KEY)
    if last is not None and now_ts - last < TOUCH_EVERY_SECONDS:
        return
    request.session[LAST_ACTIVITY_KEY] = now_ts
    if not request.session.session_key:
        request.session.save()
    UserSession.objects.update_or_create(
        session_key=request.session.session_key,
        defaults={
            "user": request.user,
            "last_seen_at": timezone.now(),
            "ip_address": client_ip(request),
            "user_agent": request.META.get("HTTP_USER_AGENT", "")[:255],
        },
    )


def _store(session_key):
    return import_module(settings.SESSION_ENGINE).SessionStore(session_key=session_key)


def end_sessions(user, *, keep_session_key: str | None = None) -> int:
    """End every session of ``user`` except ``keep_session_key``; returns how many were tracked.

    Sessions are deleted from the session store, and the user's session epoch is bumped so
    that any session not tracked (e.g. created before tracking existed) fails its hash check.
    """
    rows = UserSession.objects.filter(user=user)
    if keep_session_key:
        rows = rows.exclude(session_key=keep_session_key)
    count = 0
    for key in list(rows.values_list("session_key", flat=True)):
        _store(key).delete()
        count += 1
    rows.delete()
    from django.contrib.auth import get_user_model

    # ``user`` may be request.user (a lazy wrapper), so go through the model, not type(user).
    get_user_model().objects.filter(pk=user.pk).update(session_epoch=user.session_epoch + 1)
    user.session_epoch += 1
    return count


def forget_session(session_key: str | None):
    if session_key:
        UserSession.objects.filter(session_key=session_key).delete()
