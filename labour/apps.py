from django.apps import AppConfig


class LabourConfig(AppConfig):
    name = "labour"
    verbose_name = "外派劳务备案"
    default_auto_field = "django.db.models.BigAutoField"
