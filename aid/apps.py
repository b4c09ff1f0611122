from django.apps import AppConfig


class AidConfig(AppConfig):
    name = "aid"
    verbose_name = "对外援助"
    default_auto_field = "django.db.models.BigAutoField"
