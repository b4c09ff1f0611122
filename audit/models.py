"""The append-only audit log (MLPS level 3): who did what, when, from where, with what outcome."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from audit.labels import action_label


class AppendOnlyError(Exception):
    """Audit entries are never changed or removed through the application."""


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError(gettext("审计日志只能追加，不能修改。"))

    def delete(self):
        raise AppendOnlyError(gettext("审计日志只能追加，不能删除。"))


class AuditEntry(models.Model):
    created_at = models.DateTimeField(_("时间"), db_index=True)
    # No database constraint and no cascade: deleting a user must never rewrite (or block on) the log.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("操作人"), null=True, blank=True, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    actor_repr = models.CharField(_("操作人标识"), max_length=150, blank=True)
    ip_address = models.GenericIPAddressField(_("来源地址"), null=True, blank=True)
    action = models.CharField(_("事件"), max_length=64, db_index=True)
    target_type = models.CharField(_("对象类型"), max_length=100, blank=True)
    target_id = models.CharField(_("对象标识"), max_length=64, blank=True)
    target_repr = models.CharField(_("对象"), max_length=255, blank=True)
    outcome = models.CharField(_("结果"), max_length=16, default="success")
    detail = models.JSONField(_("详情"), default=dict, blank=True)
    prev_hash = models.CharField(max_length=64, blank=True)
    entry_hash = models.CharField(max_length=64, unique=True)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["id"]
        verbose_name = _("审计日志")
        verbose_name_plural = _("审计日志")
        default_permissions = ("view",)
        permissions = [("export_auditentry", _("导出审计日志"))]

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M:%S} {self.actor_repr} {self.action}"

    @property
    def action_label(self) -> str:
        """The event's Chinese name, for pages that show people their own entries."""
        return action_label(self.action)

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError(gettext("审计日志只能追加，不能修改。"))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError(gettext("审计日志只能追加，不能删除。"))
