"""The audit log in the Django admin: read and export, for the audit administrator only.

Visibility is by role, not just permission: a superuser or system administrator who is not
in the audit administrator's group sees nothing (MLPS level 3, separation of duties).
Nobody can add, change or delete entries; every export is itself audited.
"""

import csv
import io

from django.contrib import admin
from django.contrib.admin.options import ActionLocation
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from openpyxl import Workbook

from accounts.roles import AUDIT_ADMIN, has_role
from audit.models import AuditEntry
from audit.services import log

EXPORT_COLUMNS = [
    ("id", _("序号")),
    ("created_at", _("时间")),
    ("actor_repr", _("操作人")),
    ("ip_address", _("来源地址")),
    ("action", _("事件")),
    ("target_type", _("对象类型")),
    ("target_id", _("对象标识")),
    ("target_repr", _("对象")),
    ("outcome", _("结果")),
    ("detail", _("详情")),
    ("entry_hash", _("哈希")),
]
EXPORT_LIMIT = 100_000


def can_read_audit_log(user) -> bool:
    return user.is_active and has_role(user, AUDIT_ADMIN) and user.has_perm("audit.view_auditentry")


def _headers():
    """The column names in the language of the request."""
    return [str(label) for _field, label in EXPORT_COLUMNS]


def _row(entry):
    values = []
    for field, _label in EXPORT_COLUMNS:
        value = getattr(entry, field)
        if field == "created_at":
            value = timezone.localtime(value).strftime("%Y-%m-%d %H:%M:%S")
        values.append("" if value is None else str(value))
    return values


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ("created_at", "actor_repr", "ip_address", "action", "target_repr", "outcome")
    list_filter = ("outcome", "action", "created_at")
    search_fields = ("actor_repr", "action", "target_repr", "ip_address")
    date_hierarchy = "created_at"
    readonly_fields = [f.name for f in AuditEntry._meta.fields]
    actions = ["export_csv", "export_xlsx"]
    list_per_page = 50
    show_full_result_count = False

    def has_module_permission(self, request):
        return can_read_audit_log(request.user)

    def has_view_permission(self, request, obj=None):
        return can_read_audit_log(request.user)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_export_permission(self, request):
        return can_read_audit_log(request.user) and request.user.has_perm("audit.export_auditentry")

    def get_actions(self, request, action_location=ActionLocation.CHANGE_LIST):
        # Keep only our exports (Django's bulk delete is never offered).
        actions = super().get_actions(request, action_location)
        return {k: v for k, v in actions.items() if k in ("export_csv", "export_xlsx")}

    def _export(self, request, queryset, fmt):
        rows = queryset.order_by("id")[:EXPORT_LIMIT]
        log("audit.export", request=request, detail={"format": fmt, "rows": min(queryset.count(), EXPORT_LIMIT)})
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
        if fmt == "csv":
            buffer = io.StringIO()
            buffer.write("\ufeff")  # Excel opens UTF-8 CSV correctly with a BOM
            writer = csv.writer(buffer)
            writer.writerow(_headers())
            for entry in rows.iterator():
                writer.writerow(_row(entry))
            response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
        else:
            book = Workbook(write_only=True)
            sheet = book.create_sheet(gettext("审计日志"))
            sheet.append(_headers())
            for entry in rows.iterator():
                sheet.append(_row(entry))
            buffer = io.BytesIO()
            book.save(buffer)
            response = HttpResponse(buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        response["Content-Disposition"] = f'attachment; filename="audit-log-{stamp}.{fmt}"'
        return response

    @admin.action(description=_("导出所选记录（CSV）"), permissions=["export"])
    def export_csv(self, request, queryset):
        return self._export(request, queryset, "csv")

    @admin.action(description=_("导出所选记录（Excel）"), permissions=["export"])
    def export_xlsx(self, request, queryset):
        return self._export(request, queryset, "xlsx")
