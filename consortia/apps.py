from django.apps import AppConfig


class ConsortiaConfig(AppConfig):
    name = "consortia"
    verbose_name = "抱团出海"
    default_auto_field = "django.db.models.BigAutoField"
