"""Per-client scope policy for the OpenID Connect provider (django-oauth-toolkit applications)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ClientPolicy(models.Model):
    """Which scopes one OIDC client may ask for; a client without a policy gets only ``openid``."""

    application = models.OneToOneField("oauth2_provider.Application", verbose_name=_("客户端"), on_delete=models.CASCADE, related_name="policy")
    allowed_scopes = models.CharField(_("允许的范围"), max_length=255, default="openid profile", help_text=_("以空格分隔，如 openid profile phone organization"))
    description = models.TextField(_("用途说明"), blank=True, help_text=_("授权页上向用户说明该系统会如何使用其信息"))

    class Meta:
        verbose_name = _("客户端授权范围")
        verbose_name_plural = _("客户端授权范围")

    def __str__(self):
        return f"{self.application} · {self.allowed_scopes}"

    @property
    def scope_list(self) -> list[str]:
        return self.allowed_scopes.split()
