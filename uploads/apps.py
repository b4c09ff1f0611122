from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class UploadsConfig(AppConfig):
    """Shared upload handling: checking (``checking.py``), the private store (``storage.py``), sending (``downloads.py``)."""

    name = "uploads"
    verbose_name = _("上传文件")

    def ready(self):
        from django.core import checks

        from uploads.storage import check_private_root

        checks.register(check_private_root, checks.Tags.security)
