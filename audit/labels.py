"""Names of the audit events people are shown about their own account, in the language of the page.

用户中心 → 账号安全 lists a user's recent ``auth.*`` entries; it shows these names, never the
codes. ``audit/tests/test_labels.py`` fails when an ``auth.*`` event is logged without a name.
"""

from django.utils.translation import pgettext_lazy

ACTION_LABELS = {
    "auth.login": pgettext_lazy("audit event", "登录"),
    "auth.logout": pgettext_lazy("audit event", "退出登录"),
    "auth.logout_everywhere": pgettext_lazy("audit event", "退出其他所有设备"),
    "auth.password_change": pgettext_lazy("audit event", "修改密码"),
    "auth.password_reset": pgettext_lazy("audit event", "找回密码"),
    "auth.password_reset_by_admin": pgettext_lazy("audit event", "管理员重置密码"),
    "auth.2fa": pgettext_lazy("audit event", "二次验证"),
    "auth.2fa_enrol": pgettext_lazy("audit event", "绑定二次验证"),
    "auth.2fa_reset": pgettext_lazy("audit event", "管理员重置二次验证"),
    "auth.lockout": pgettext_lazy("audit event", "多次失败，账号暂时锁定"),
    "auth.unlock": pgettext_lazy("audit event", "解除锁定"),
}


def action_label(action: str) -> str:
    """The event's name; an event without one is shown as “其他操作” (Other activity), not as its code."""
    return str(ACTION_LABELS.get(action, pgettext_lazy("audit event", "其他操作")))
