from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("门户内容")

    def ready(self):
        from portal import signals  # noqa: F401 - connects the page-cache receivers
        from portal.country_registry import autodiscover

        autodiscover()  # what other apps show on country pages (events, open listings)
