"""Password rules of MLPS level 3, as Django password validators (settings.AUTH_PASSWORD_VALIDATORS).

Besides Django's minimum length (8) and common-password checks: three of the four character
classes, not the user name or mobile number (nor either reversed), and none of the last five
passwords. ``PasswordHistoryValidator.password_changed`` records every new password (Django
calls it whenever a user with a new password is saved) and stamps ``password_changed_at``,
from which staff password expiry is computed.
"""

import re

from django.contrib.auth.hashers import check_password
from django.core.exceptions import ValidationError
from django.utils import timezone

CLASSES = [
    (re.compile(r"[a-z]"), "小写字母"),
    (re.compile(r"[A-Z]"), "大写字母"),
    (re.compile(r"[0-9]"), "数字"),
    (re.compile(r"[^a-zA-Z0-9]"), "特殊符号"),
]


class CharacterClassesValidator:
    def __init__(self, min_classes=3):
        self.min_classes = min_classes

    def validate(self, password, user=None):
        found = sum(1 for pattern, _ in CLASSES if pattern.search(password))
        if found < self.min_classes:
            raise ValidationError(
                f"密码须包含大写字母、小写字母、数字、特殊符号中的至少 {self.min_classes} 类。",
                code="password_too_simple",
            )

    def get_help_text(self):
        return f"至少 8 位，包含大写字母、小写字母、数字、特殊符号中的至少 {self.min_classes} 类。"


class NotIdentifierValidator:
    """The password may not be the user name or the mobile number (ignoring case, or reversed)."""

    def validate(self, password, user=None):
        if user is None:
            return
        lowered = password.lower()
        for value in (getattr(user, "username", ""), getattr(user, "mobile", "")):
            value = (value or "").lower()
            if value and lowered in (value, value[::-1]):
                raise ValidationError("密码不能与用户名或手机号相同。", code="password_is_identifier")

    def get_help_text(self):
        return "不能与用户名或手机号相同。"


class PasswordHistoryValidator:
    def __init__(self, count=5):
        self.count = count

    def validate(self, password, user=None):
        if user is None or user.pk is None:
            return
        from accounts.models import PasswordHistory

        recent = PasswordHistory.objects.filter(user=user).values_list("password", flat=True)[: self.count]
        if any(check_password(password, encoded) for encoded in recent):
            raise ValidationError(f"不能使用最近 {self.count} 次用过的密码。", code="password_reused")

    def password_changed(self, password, user=None):
        if user is None or user.pk is None or not user.has_usable_password():
            return
        from accounts.models import PasswordHistory, User

        now = timezone.now()
        PasswordHistory.objects.create(user=user, password=user.password)
        User.objects.filter(pk=user.pk).update(password_changed_at=now, must_change_password=False)
        user.password_changed_at = now
        user.must_change_password = False
        # Keep only what the rule needs.
        stale = PasswordHistory.objects.filter(user=user).values_list("pk", flat=True)[self.count :]
        PasswordHistory.objects.filter(pk__in=list(stale)).delete()

    def get_help_text(self):
        return f"不能与最近 {self.count} 次用过的密码相同。"
