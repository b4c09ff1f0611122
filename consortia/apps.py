from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsortiaConfig(AppConfig):
    name = "consortia"
    verbose_name = _("抱团出海")
    default_auto_field = "django.db.models.BigAutoField"
