"""Failed sign-ins: a captcha after ``LOGIN_CAPTCHA_AFTER`` failures, a lock of the account and of the
source address after ``LOGIN_MAX_FAILURES`` for ``LOGIN_LOCK_SECONDS``.

The account key is the user's id when the login name (user name or mobile) belongs to a user,
else the name itself, so unknown names lock exactly like real ones and nothing reveals
whether an account exists. Counts live in the database, shared by every web process.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import ngettext

from accounts.backends import find_user
from accounts.mobile import is_mainland_mobile, mask_mobile
from accounts.models import LoginThrottle, ThrottleScope
from audit.services import log


@dataclass
class State:
    failures: int = 0
    locked_until: object = None

    @property
    def locked(self) -> bool:
        return self.locked_until is not None

    @property
    def needs_captcha(self) -> bool:
        return self.failures >= settings.LOGIN_CAPTCHA_AFTER


def account_key(identifier: str) -> str:
    user = find_user(identifier)
    return f"user:{user.pk}" if user is not None else f"name:{(identifier or '').strip().lower()[:150]}"


def _keys(identifier: str, ip: str | None):
    keys = [(ThrottleScope.ACCOUNT, account_key(identifier))]
    if ip:
        keys.append((ThrottleScope.ADDRESS, ip))
    return keys


def _live(row, now):
    """Whether ``row`` still counts: locked, or within the failure window."""
    if row.locked_until is not None:
        return row.locked_until > now
    return row.first_failure_at > now - timedelta(seconds=settings.LOGIN_LOCK_SECONDS)


def state(identifier: str, ip: str | None) -> State:
    """The strictest state over the account and the address."""
    now = timezone.now()
    result = State()
    for scope, key in _keys(identifier, ip):
        row = LoginThrottle.objects.filter(scope=scope, key=key).first()
        if row is None or not _live(row, now):
            continue
        result.failures = max(result.failures, row.failures)
        if row.locked_until is not None and (result.locked_until is None or row.locked_until > result.locked_until):
            result.locked_until = row.locked_until
    return result


def locked_message(st: State) -> str:
    remaining = max(1, int((st.locked_until - timezone.now()).total_seconds() + 59) // 60) if st.locked_until else 15
    return ngettext(
        "登录失败次数过多，该账号或当前网络已被暂时锁定，请 %(minutes)s 分钟后再试。",
        "登录失败次数过多，该账号或当前网络已被暂时锁定，请 %(minutes)s 分钟后再试。",
        remaining,
    ) % {"minutes": remaining}


def login_label(identifier: str) -> str:
    """The login name as written to the audit log (mobile numbers masked)."""
    identifier = (identifier or "").strip()[:64]
    return mask_mobile(identifier) if is_mainland_mobile(identifier) else identifier


def record_failure(identifier: str, ip: str | None, *, request=None, method: str = "password") -> State:
    now = timezone.now()
    newly_locked = []
    with transaction.atomic():
        for scope, key in _keys(identifier, ip):
            row, created = LoginThrottle.objects.select_for_update().get_or_create(
                scope=scope, key=key, defaults={"first_failure_at": now, "last_failure_at": now}
            )
            if not created and not _live(row, now):
                row.failures, row.first_failure_at, row.locked_until = 0, now, None
            row.failures += 1
            row.last_failure_at = now
            if row.failures >= settings.LOGIN_MAX_FAILURES and row.locked_until is None:
                row.locked_until = now + timedelta(seconds=settings.LOGIN_LOCK_SECONDS)
                newly_locked.append(scope)
            row.save()
    user = find_user(identifier)
    log("auth.login", request=request, target=user, outcome="failure", detail={"method": method, "login": login_label(identifier)})
    for scope in newly_locked:
        log("auth.lockout", request=request, target=user, outcome="failure", detail={"scope": scope, "login": login_label(identifier)})
    return state(identifier, ip)


def record_success(identifier: str):
    """A successful sign-in clears the account's count (the address's count runs out by itself)."""
    LoginThrottle.objects.filter(scope=ThrottleScope.ACCOUNT, key=account_key(identifier)).delete()


def unlock(row: LoginThrottle, *, by, request=None):
    """Security administrator lifts a lock early."""
    log("auth.unlock", actor=by, request=request, detail={"scope": row.scope, "key": row.key})
    row.delete()
