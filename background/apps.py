from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules


class BackgroundConfig(AppConfig):
    name = "background"
    verbose_name = "后台任务"

    def ready(self):
        # Import every app's tasks.py so periodic jobs register themselves.
        autodiscover_modules("tasks")
