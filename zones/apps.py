from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ZonesConfig(AppConfig):
    name = "zones"
    verbose_name = _("境外经贸合作园区考核")
    default_auto_field = "django.db.models.BigAutoField"
