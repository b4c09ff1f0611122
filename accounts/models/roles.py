"""Requests to grant one of the three separated roles, approved by a second security administrator."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.roles import SECURITY_ROLES


class GrantStatus(models.TextChoices):
    PENDING = "pending", _("待批准")
    APPROVED = "approved", _("已批准")
    REJECTED = "rejected", _("已驳回")


class RoleGrantRequest(models.Model):
    """One security administrator asks that ``user`` be given ``role``; another one decides.

    The role is granted only when a *different* security administrator (not the requester, not
    the user concerned) approves (``accounts.services.role_requests``). Rows are never deleted:
    with the audit log they show who asked, who approved and when.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("授予对象"), on_delete=models.PROTECT, related_name="role_grant_requests")
    role = models.CharField(_("角色"), max_length=32, choices=[(r.code, r.group_name) for r in SECURITY_ROLES])
    reason = models.TextField(_("申请理由"), help_text=_("如：任命文件文号、岗位调整说明"))
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("申请人"), on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField(_("申请时间"), auto_now_add=True)
    status = models.CharField(_("状态"), max_length=16, choices=GrantStatus.choices, default=GrantStatus.PENDING, db_index=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("批准/驳回人"), null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField(_("处理时间"), null=True, blank=True)
    decision_note = models.CharField(_("处理说明"), max_length=255, blank=True)

    class Meta:
        ordering = ["-requested_at", "-id"]
        verbose_name = _("三员角色授权申请")
        verbose_name_plural = _("三员角色授权申请")
        default_permissions = ("view", "add")
        permissions = [("approve_rolegrantrequest", _("批准或驳回三员角色授权申请"))]

    def __str__(self):
        return f"{self.get_role_display()} → {self.user}（{self.get_status_display()}）"

    @property
    def is_pending(self):
        return self.status == GrantStatus.PENDING
