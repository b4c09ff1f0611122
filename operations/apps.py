from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    name = "operations"
    verbose_name = _("运行维护")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from operations import request_id

        request_id.connect_task_signals()
