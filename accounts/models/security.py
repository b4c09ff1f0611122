"""Records behind the security controls: password history, login throttling, sessions, SMS."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class PasswordHistory(models.Model):
    """One row per password a user has had (the hash only); the last few may not be reused."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="password_history")
    password = models.CharField(max_length=128)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("历史密码")
        verbose_name_plural = _("历史密码")
        default_permissions = ()

    def __str__(self):
        return f"{self.user} · {self.created_at:%Y-%m-%d}"


class ThrottleScope(models.TextChoices):
    ACCOUNT = "account", _("账号")
    ADDRESS = "address", _("来源地址")


class LoginThrottle(models.Model):
    """Failed sign-ins of one account (or login name) or one source address in the current window."""

    scope = models.CharField(_("范围"), max_length=16, choices=ThrottleScope.choices)
    key = models.CharField(_("标识"), max_length=190)
    failures = models.PositiveIntegerField(_("失败次数"), default=0)
    first_failure_at = models.DateTimeField(_("首次失败时间"))
    last_failure_at = models.DateTimeField(_("最近失败时间"))
    locked_until = models.DateTimeField(_("锁定至"), null=True, blank=True, db_index=True)

    class Meta:
        verbose_name = _("登录失败与锁定")
        verbose_name_plural = _("登录失败与锁定")
        constraints = [models.UniqueConstraint(fields=["scope", "key"], name="accounts_throttle_scope_key")]
        default_permissions = ("view", "delete")

    def __str__(self):
        return f"{self.get_scope_display()} {self.key}"


class UserSession(models.Model):
    """A signed-in session, so users can see where they are signed in and end those sessions."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="tracked_sessions")
    session_key = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(_("登录时间"), auto_now_add=True)
    last_seen_at = models.DateTimeField(_("最近活动"))
    ip_address = models.GenericIPAddressField(_("来源地址"), null=True, blank=True)
    user_agent = models.CharField(_("浏览器"), max_length=255, blank=True)

    class Meta:
        ordering = ["-last_seen_at"]
        verbose_name = _("登录会话")
        verbose_name_plural = _("登录会话")
        default_permissions = ("view",)

    def __str__(self):
        return f"{self.user} · {self.ip_address or ''}"


class SmsPurpose(models.TextChoices):
    REGISTER = "register", _("注册")
    LOGIN = "login", _("登录")
    RESET = "reset", _("找回密码")
    CHANGE_MOBILE = "change_mobile", _("更换手机号")
    CONSULTATION = "consultation", _("咨询验证手机号")


class SmsCode(models.Model):
    """One verification code sent (or refused as a notice) to a mobile number; the code is stored hashed."""

    mobile = models.CharField(_("手机号"), max_length=11, db_index=True)
    purpose = models.CharField(_("用途"), max_length=16, choices=SmsPurpose.choices)
    code_hash = models.CharField(max_length=64, blank=True)  # empty: a notice was sent instead of a code
    ip_address = models.GenericIPAddressField(_("来源地址"), null=True, blank=True, db_index=True)
    created_at = models.DateTimeField(_("发送时间"), db_index=True)
    expires_at = models.DateTimeField(_("有效期至"))
    attempts = models.PositiveSmallIntegerField(_("尝试次数"), default=0)
    used_at = models.DateTimeField(_("使用时间"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("短信验证码")
        verbose_name_plural = _("短信验证码")
        default_permissions = ()

    def __str__(self):
        return f"{self.get_purpose_display()} {self.created_at:%Y-%m-%d %H:%M}"


class SmsOutbox(models.Model):
    """Every SMS the development backend "sent": read it here instead of on a phone."""

    mobile = models.CharField(_("手机号"), max_length=11, db_index=True)
    text = models.TextField(_("内容"))
    created_at = models.DateTimeField(_("时间"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("短信发件箱（开发）")
        verbose_name_plural = _("短信发件箱（开发）")
        default_permissions = ("view",)

    def __str__(self):
        return f"{self.mobile} {self.text[:20]}"
