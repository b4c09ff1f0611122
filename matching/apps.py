from django.apps import AppConfig


class MatchingConfig(AppConfig):
    name = "matching"
    verbose_name = "经贸对接"

    def ready(self):
        from matching import checks  # noqa: F401  (registers the configuration checks)
