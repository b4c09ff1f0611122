"""Mainland China mobile numbers: validation and masking for lists and exports."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext

MOBILE_RE = re.compile(r"^1[3-9]\d{9}$")


def normalize_mobile(value: str) -> str:
    """Strip spaces, dashes and a +86/0086 prefix."""
    value = re.sub(r"[\s-]", "", value or "")
    for prefix in ("+86", "0086"):
        if value.startswith(prefix):
            value = value[len(prefix):]
    return value


def is_mainland_mobile(value: str) -> bool:
    return bool(MOBILE_RE.match(value or ""))


def validate_mobile(value: str):
    if not is_mainland_mobile(value):
        raise ValidationError(gettext("请输入 11 位中国大陆手机号（以 13–19 开头）。"), code="invalid_mobile")


def mask_mobile(value: str | None) -> str:
    """``13812345678`` → ``138****5678``."""
    if not value:
        return ""
    if len(value) < 7:
        return "*" * len(value)
    return f"{value[:3]}****{value[-4:]}"


def mask_id_number(value: str | None) -> str:
    """Resident ID / passport numbers: keep the first 3 and last 2 characters."""
    if not value:
        return ""
    if len(value) <= 5:
        return "*" * len(value)
    return f"{value[:3]}{'*' * (len(value) - 5)}{value[-2:]}"
