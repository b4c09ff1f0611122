"""When a user must change their password before doing anything else."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext, ngettext

from accounts.sessions import is_staff_account


def password_expires_at(user):
    """When ``user``'s password expires (staff only), or None."""
    if not is_staff_account(user) or not settings.STAFF_PASSWORD_MAX_AGE_DAYS:
        return None
    changed = user.password_changed_at or user.date_joined
    return changed + timedelta(days=settings.STAFF_PASSWORD_MAX_AGE_DAYS)


def password_change_reason(user) -> str:
    """A sentence saying why ``user`` must change their password now, or ``""``."""
    if user.must_change_password:
        return gettext("管理员已重置您的密码，请先设置新密码。")
    expires = password_expires_at(user)
    if expires is not None and expires <= timezone.now():
        days = settings.STAFF_PASSWORD_MAX_AGE_DAYS
        return ngettext(
            "工作人员密码每 %(days)s 天须更换一次，您的密码已过期，请先设置新密码。", "工作人员密码每 %(days)s 天须更换一次，您的密码已过期，请先设置新密码。", days
        ) % {"days": days}
    return ""
