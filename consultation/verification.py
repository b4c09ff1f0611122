"""SMS verification of an anonymous asker's mobile number.

The code is the accounts app's (``accounts.sms_codes``, purpose ``consultation``): the same
hashed storage, lifetime, attempt limit and per-number / per-address sending limits as sign-in
and registration codes, sent through the configured SMS sender. This module only adapts its
errors to form errors and checks the number's format first.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from accounts.models import SmsPurpose
from accounts.sms_codes import SmsCodeError, issue_code, verify_code
from audit.services import client_ip

MOBILE_RE = re.compile(r"^1[3-9]\d{9}$")


def clean_mobile(mobile: str) -> str:
    mobile = (mobile or "").strip()
    if not MOBILE_RE.match(mobile):
        raise ValidationError(_("请输入 11 位中国大陆手机号"))
    return mobile


def send_code(mobile: str, request=None) -> None:
    """Send a consultation code to ``mobile``; ``ValidationError`` says why one cannot be sent now."""
    mobile = clean_mobile(mobile)
    try:
        issue_code(mobile, SmsPurpose.CONSULTATION, ip=client_ip(request), request=request)
    except SmsCodeError as exc:
        raise ValidationError(str(exc)) from exc


def verify(mobile: str, code: str) -> None:
    """Accept (and use up) ``code`` for ``mobile`` or raise ``ValidationError`` saying why not."""
    mobile = clean_mobile(mobile)
    try:
        verify_code(mobile, SmsPurpose.CONSULTATION, code)
    except SmsCodeError as exc:
        raise ValidationError(str(exc)) from exc
