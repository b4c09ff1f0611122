"""SMS verification of an anonymous asker's mobile number.

The accounts app's SMS sender delivers the code (``notifications.channels.sms.send_text``);
codes are stored hashed, valid for 10 minutes, 5 tries, one code per number per minute.
"""

import re
import secrets
from datetime import timedelta

from django.contrib.auth.hashers import check_password, make_password
from django.core.exceptions import ValidationError
from django.utils import timezone

from consultation.models import MobileVerification
from notifications.channels.sms import send_text

MOBILE_RE = re.compile(r"^1[3-9]\d{9}$")
VALID_FOR = timedelta(minutes=10)
RESEND_AFTER = timedelta(seconds=60)
MAX_TRIES = 5


def clean_mobile(mobile: str) -> str:
    mobile = (mobile or "").strip()
    if not MOBILE_RE.match(mobile):
        raise ValidationError("请输入 11 位中国大陆手机号")
    return mobile


def send_code(mobile: str, now=None) -> None:
    mobile = clean_mobile(mobile)
    now = now or timezone.now()
    if MobileVerification.objects.filter(mobile=mobile, created_at__gt=now - RESEND_AFTER).exists():
        raise ValidationError("验证码已发送，请 60 秒后再试")
    code = f"{secrets.randbelow(10**6):06d}"
    MobileVerification.objects.create(mobile=mobile, code_hash=make_password(code))
    send_text(mobile, f"【湘企出海+】您的咨询验证码为 {code}，10 分钟内有效。如非本人操作请忽略。")


def verify(mobile: str, code: str, now=None) -> bool:
    """True (and the code is used up) when ``code`` is the latest valid code sent to ``mobile``."""
    now = now or timezone.now()
    row = MobileVerification.objects.filter(mobile=mobile, verified_at__isnull=True, created_at__gt=now - VALID_FOR).order_by("-created_at").first()
    if row is None or row.attempts >= MAX_TRIES:
        return False
    row.attempts += 1
    if check_password((code or "").strip(), row.code_hash):
        row.verified_at = now
        row.save(update_fields=["attempts", "verified_at"])
        return True
    row.save(update_fields=["attempts"])
    return False
