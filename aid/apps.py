from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AidConfig(AppConfig):
    name = "aid"
    verbose_name = _("对外援助")
    default_auto_field = "django.db.models.BigAutoField"
