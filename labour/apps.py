from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LabourConfig(AppConfig):
    name = "labour"
    verbose_name = _("外派劳务备案")
    default_auto_field = "django.db.models.BigAutoField"
