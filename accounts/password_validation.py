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
from django.utils.translation import gettext, ngettext

CLASSES = [re.compile(r"[a-z]"), re.compile(r"[A-Z]"), re.compile(r"[0-9]"), re.compile(r"[^a-zA-Z0-9]")]  # lower case, upper case, digits, symbols


class CharacterClassesValidator:
    def __init__(self, min_classes=3):
        self.min_classes = min_classes

    def validate(self, password, user=None):
        found = sum(1 for pattern in CLASSES if pattern.search(password))
        if found < self.min_classes:
            raise ValidationError(
                ngettext(
                    "密码须包含大写字母、小写字母、数字、特殊符号中的至少 %(n)s 类。",
                    "密码须包含大写字母、小写字母、数字、特殊符号中的至少 %(n)s 类。",
                    self.min_classes,
                ),
                code="password_too_simple",
                params={"n": self.min_classes},
            )

    def get_help_text(self):
        return ngettext(
            "至少 8 位，包含大写字母、小写字母、数字、特殊符号中的至少 %(n)s 类。",
            "至少 8 位，包含大写字母、小写字母、数字、特殊符号中的至少 %(n)s 类。",
            self.min_classes,
        ) % {"n": self.min_classes}


class NotIdentifierValidator:
    """The password may not be the user name or the mobile number (ignoring case, or reversed)."""

    def validate(self, password, user=None):
        if user is None:
            return
        lowered = password.lower()
        for value in (getattr(user, "username", ""), getattr(user, "mobile", "")):
            value = (value or "").lower()
            if value and lowered in (value, value[::-1]):
                raise ValidationError(gettext("密码不能与用户名或手机号相同。"), code="password_is_identifier")

    def get_help_text(self):
        return gettext("不能与用户名或手机号相同。")


class PasswordHistoryValidator:
    def __init__(self, count=5):
        self.count = count

    def validate(self, password, user=None):
        if user is None or user.pk is None:
            return
        from accounts.models import PasswordHistory

        recent = PasswordHistory.objects.filter(user=user).values_list("password", flat=True)[: self.count]
        if any(check_password(password, encoded) for encoded in recent):
            raise ValidationError(
                ngettext("不能使用最近 %(n)s 次用过的密码。", "不能使用最近 %(n)s 次用过的密码。", self.count), code="password_reused", params={"n": self.count}
            )

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
        return ngettext("不能与最近 %(n)s 次用过的密码相同。", "不能与最近 %(n)s 次用过的密码相同。", self.count) % {"n": self.count}
