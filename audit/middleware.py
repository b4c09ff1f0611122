"""Every change made through the Django or Wagtail admin becomes an audit entry.

Both admins already record their changes (Django's ``LogEntry``, Wagtail's
``ModelLogEntry``/``PageLogEntry``), sometimes in bulk. Rather than patch every admin
class, this middleware notes the newest log row before an admin POST and copies the rows
the request added into the hash-chained audit log afterwards.
"""

from django.contrib.admin.models import ADDITION, CHANGE, DELETION, LogEntry
from wagtail.models import ModelLogEntry, PageLogEntry

from audit.services import log

ADMIN_PREFIXES = ("/admin/", "/django-admin/")
DJANGO_ACTIONS = {ADDITION: "add", CHANGE: "change", DELETION: "delete"}
SOURCES = (LogEntry, ModelLogEntry, PageLogEntry)


def _newest_ids():
    return [model.objects.order_by("-pk").values_list("pk", flat=True).first() or 0 for model in SOURCES]


class AdminChangeAuditMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method != "POST" or not request.path.startswith(ADMIN_PREFIXES):
            return self.get_response(request)
        before = _newest_ids()
        response = self.get_response(request)
        if request.user.is_authenticated:
            self.record(request, before)
        return response

    def record(self, request, before):
        django_id, model_id, page_id = before
        for entry in LogEntry.objects.filter(pk__gt=django_id, user_id=request.user.pk).select_related("content_type"):
            log(
                f"admin.{DJANGO_ACTIONS.get(entry.action_flag, 'change')}",
                request=request,
                detail={
                    "admin": "django",
                    "model": f"{entry.content_type.app_label}.{entry.content_type.model}" if entry.content_type else "",
                    "object_id": entry.object_id,
                    "object": entry.object_repr,
                    "change": entry.get_change_message()[:500],
                },
            )
        for model, since in ((ModelLogEntry, model_id), (PageLogEntry, page_id)):
            for entry in model.objects.filter(pk__gt=since, user_id=request.user.pk).select_related("content_type"):
                log(
                    f"admin.{entry.action}",
                    request=request,
                    detail={
                        "admin": "wagtail",
                        "model": f"{entry.content_type.app_label}.{entry.content_type.model}" if entry.content_type else "",
                        "object_id": str(entry.object_id),
                        "object": entry.label,
                    },
                )
