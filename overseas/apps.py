from django.apps import AppConfig


class OverseasConfig(AppConfig):
    name = "overseas"
    verbose_name = "境外机构管理"
    default_auto_field = "django.db.models.BigAutoField"
