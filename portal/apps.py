from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "门户内容"

    def ready(self):
        from portal import signals  # noqa: F401 - connects the page-cache receivers
        from portal.country_registry import autodiscover

        autodiscover()  # what other apps show on country pages (events, open listings)
