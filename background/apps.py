from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class BackgroundConfig(AppConfig):
    name = "background"
    verbose_name = _("后台任务")

    def ready(self):
        # Import every app's tasks.py so periodic jobs register themselves.
        autodiscover_modules("tasks")
