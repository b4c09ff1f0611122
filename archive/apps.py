from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArchiveConfig(AppConfig):
    name = "archive"
    verbose_name = _("企业档案")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from archive.sections import register_installed

        register_installed()
