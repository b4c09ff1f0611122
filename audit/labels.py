"""Chinese names of the audit events people are shown about their own account.

用户中心 → 账号安全 lists a user's recent ``auth.*`` entries; it shows these names, never the
codes. ``audit/tests/test_labels.py`` fails when an ``auth.*`` event is logged without a name.
"""

ACTION_LABELS = {
    "auth.login": "登录",
    "auth.logout": "退出登录",
    "auth.logout_everywhere": "退出其他所有设备",
    "auth.password_change": "修改密码",
    "auth.password_reset": "找回密码",
    "auth.password_reset_by_admin": "管理员重置密码",
    "auth.2fa": "二次验证",
    "auth.2fa_enrol": "绑定二次验证",
    "auth.2fa_reset": "管理员重置二次验证",
    "auth.lockout": "多次失败，账号暂时锁定",
    "auth.unlock": "解除锁定",
}


def action_label(action: str) -> str:
    """The event's Chinese name; an event without one is shown as “其他操作”, not as its code."""
    return ACTION_LABELS.get(action, "其他操作")
