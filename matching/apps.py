from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MatchingConfig(AppConfig):
    name = "matching"
    verbose_name = _("经贸对接")

    def ready(self):
        from matching import checks  # noqa: F401  (registers the configuration checks)
