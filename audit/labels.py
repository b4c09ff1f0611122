"""Chinese names of the audit events people are shown about their own account.

用户中心 → 账号安全 lists a user's recent ``auth.*`` entries; it shows these names, never the
codes. ``audit/tests/test_labels.py`` fails when an ``auth.*`` event is logged without a name.
"""

from django.utils.translation import gettext_lazy as _

ACTION_LABELS = {
    "auth.login": _("登录"),
    "auth.logout": _("退出登录"),
    "auth.logout_everywhere": _("退出其他所有设备"),
    "auth.password_change": _("修改密码"),
    "auth.password_reset": _("找回密码"),
    "auth.password_reset_by_admin": _("管理员重置密码"),
    "auth.2fa": _("二次验证"),
    "auth.2fa_enrol": _("绑定二次验证"),
    "auth.2fa_reset": _("管理员重置二次验证"),
    "auth.lockout": _("多次失败，账号暂时锁定"),
    "auth.unlock": _("解除锁定"),
}


def action_label(action: str) -> str:
    """The event's Chinese name; an event without one is shown as “其他操作”, not as its code."""
    return str(ACTION_LABELS.get(action, _("其他操作")))
