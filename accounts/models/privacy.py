"""The versioned privacy policy (PIPL) and each user's consent to a version."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.privacy_text import FIRST_VERSION_TITLE


class PrivacyPolicy(models.Model):
    """A version of the privacy policy; the newest one in force is the one users must have accepted."""

    version = models.CharField(_("版本号"), max_length=20, unique=True)
    title = models.CharField(_("标题"), max_length=100, default=FIRST_VERSION_TITLE)
    summary = models.TextField(_("变更说明"), blank=True)
    body = models.TextField(_("正文"), help_text=_("纯文本，空行分段"))
    effective_at = models.DateTimeField(_("生效时间"), db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-effective_at", "-id"]
        verbose_name = _("隐私政策")
        verbose_name_plural = _("隐私政策")

    def __str__(self):
        return f"{self.title}（{self.version}）"


class PrivacyConsent(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="privacy_consents")
    policy = models.ForeignKey(PrivacyPolicy, verbose_name=_("政策版本"), on_delete=models.PROTECT, related_name="consents")
    accepted_at = models.DateTimeField(_("同意时间"), auto_now_add=True)
    ip_address = models.GenericIPAddressField(_("来源地址"), null=True, blank=True)

    class Meta:
        ordering = ["-accepted_at"]
        verbose_name = _("隐私政策同意记录")
        verbose_name_plural = _("隐私政策同意记录")
        default_permissions = ("view",)
        constraints = [models.UniqueConstraint(fields=["user", "policy"], name="accounts_consent_once_per_version")]

    def __str__(self):
        return f"{self.user} · {self.policy.version}"
