"""SMS verification codes: 6 digits, valid 5 minutes, 5 attempts, at most 1 a minute and 10 a day
per number and per source address (all limits in settings, ``SMS_*``).

A request for a code never reveals whether a number has an account: for registration an
already registered number gets a notice instead of a code; for sign-in and password reset an
unknown number gets nothing. Each request is recorded the same way, so the limits apply alike.
"""

import hmac
import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext, ngettext

from accounts.mobile import mask_mobile
from accounts.models import SmsCode, SmsPurpose, User
from accounts.sms import SmsError, send_sms
from accounts.sms_texts import REGISTERED_NOTICE, code_text
from audit.services import log


class SmsCodeError(Exception):
    """A code could not be sent or accepted; the message is for the user."""


@dataclass
class Issued:
    mobile: str
    wait_seconds: int  # before the next code may be asked for


def _digest(mobile: str, purpose: str, code: str) -> str:
    key = f"{settings.SECRET_KEY}:sms-code".encode()
    return hmac.new(key, f"{mobile}:{purpose}:{code}".encode(), "sha256").hexdigest()


def _start_of_today(now):
    local = timezone.localtime(now)
    return local.replace(hour=0, minute=0, second=0, microsecond=0)


def check_limits(mobile: str, ip: str | None, now=None):
    """Raise ``SmsCodeError`` if another code may not be sent to ``mobile`` from ``ip`` now."""
    now = now or timezone.now()
    minute_ago = now - timedelta(seconds=settings.SMS_MIN_INTERVAL_SECONDS)
    today = _start_of_today(now)
    scopes = [("mobile", mobile)]
    if ip:
        scopes.append(("ip_address", ip))
    for field, value in scopes:
        recent = SmsCode.objects.filter(**{field: value}, created_at__gt=minute_ago).order_by("-created_at").first()
        if recent is not None:
            wait = settings.SMS_MIN_INTERVAL_SECONDS - int((now - recent.created_at).total_seconds())
            wait = max(wait, 1)
            raise SmsCodeError(ngettext("获取验证码过于频繁，请 %(n)s 秒后再试。", "获取验证码过于频繁，请 %(n)s 秒后再试。", wait) % {"n": wait})
        if SmsCode.objects.filter(**{field: value}, created_at__gte=today).count() >= settings.SMS_DAILY_LIMIT:
            limit = settings.SMS_DAILY_LIMIT
            if field == "mobile":
                message = ngettext("该手机号今日获取验证码已达 %(n)s 次上限，请明天再试。", "该手机号今日获取验证码已达 %(n)s 次上限，请明天再试。", limit)
            else:
                message = ngettext("当前网络今日获取验证码已达 %(n)s 次上限，请明天再试。", "当前网络今日获取验证码已达 %(n)s 次上限，请明天再试。", limit)
            raise SmsCodeError(message % {"n": limit})


def _notice_for(mobile: str, purpose: str) -> str | None:
    """What to send instead of a code, ``""`` to send nothing, or None to send a code."""
    registered = User.objects.filter(mobile=mobile, is_active=True).exists()
    if purpose == SmsPurpose.REGISTER and registered:
        return REGISTERED_NOTICE
    if purpose in (SmsPurpose.LOGIN, SmsPurpose.RESET) and not registered:
        return ""
    if purpose == SmsPurpose.CHANGE_MOBILE and registered:
        return ""
    return None


def issue_code(mobile: str, purpose: str, *, ip: str | None = None, request=None) -> Issued:
    """Send a verification code for ``purpose`` to ``mobile`` (or the notice, see module docstring)."""
    now = timezone.now()
    check_limits(mobile, ip, now)
    notice = _notice_for(mobile, purpose)
    code = f"{secrets.randbelow(10**6):06d}"
    SmsCode.objects.create(
        mobile=mobile,
        purpose=purpose,
        code_hash=_digest(mobile, purpose, code) if notice is None else "",
        ip_address=ip,
        created_at=now,
        expires_at=now + timedelta(seconds=settings.SMS_CODE_TTL_SECONDS),
    )
    minutes = settings.SMS_CODE_TTL_SECONDS // 60
    try:
        if notice is None:
            send_sms(mobile, code_text(purpose, code, minutes), template="code", params={"code": code, "minutes": minutes})
        elif notice:
            send_sms(mobile, notice)
    except SmsError as exc:
        log("sms.code", request=request, outcome="failure", detail={"mobile": mask_mobile(mobile), "purpose": purpose, "error": str(exc)[:200]})
        raise SmsCodeError(gettext("短信发送失败，请稍后再试。")) from exc
    log("sms.code", request=request, detail={"mobile": mask_mobile(mobile), "purpose": purpose})
    return Issued(mobile=mobile, wait_seconds=settings.SMS_MIN_INTERVAL_SECONDS)


def verify_code(mobile: str, purpose: str, code: str) -> None:
    """Accept ``code`` (consuming it) or raise ``SmsCodeError`` saying why not."""
    now = timezone.now()
    row = SmsCode.objects.filter(mobile=mobile, purpose=purpose).order_by("-created_at", "-id").first()
    if row is None or row.used_at is not None or row.expires_at <= now:
        raise SmsCodeError(gettext("验证码无效或已过期，请重新获取。"))
    if row.attempts >= settings.SMS_CODE_MAX_ATTEMPTS:
        raise SmsCodeError(gettext("验证码错误次数过多，请重新获取。"))
    SmsCode.objects.filter(pk=row.pk).update(attempts=F("attempts") + 1)
    code = (code or "").strip()
    if not row.code_hash or not hmac.compare_digest(row.code_hash, _digest(mobile, purpose, code)):
        left = settings.SMS_CODE_MAX_ATTEMPTS - row.attempts - 1
        if left <= 0:
            raise SmsCodeError(gettext("验证码错误次数过多，请重新获取。"))
        raise SmsCodeError(ngettext("验证码错误，还可尝试 %(n)s 次。", "验证码错误，还可尝试 %(n)s 次。", left) % {"n": left})
    # Consume atomically: of two simultaneous submissions only one wins.
    if not SmsCode.objects.filter(pk=row.pk, used_at__isnull=True).update(used_at=now):
        raise SmsCodeError(gettext("验证码无效或已过期，请重新获取。"))
