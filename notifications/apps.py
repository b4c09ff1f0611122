from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "notifications"
    verbose_name = _("消息通知")

    def ready(self):
        from notifications import signals  # noqa: F401 - connects the page_published receiver
