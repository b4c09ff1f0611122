from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DatacallsConfig(AppConfig):
    name = "datacalls"
    verbose_name = _("数据/资料报送")
    default_auto_field = "django.db.models.BigAutoField"
