from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OverseasConfig(AppConfig):
    name = "overseas"
    verbose_name = _("境外机构管理")
    default_auto_field = "django.db.models.BigAutoField"
