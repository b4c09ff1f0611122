from django.apps import AppConfig, apps
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    label = "sitesearch"
    verbose_name = _("站内搜索")

    def ready(self):
        from search import kinds, signals

        kinds.register_all()
        if apps.is_installed("portal"):
            signals.connect_portal_signals()
