from django.apps import AppConfig


class StatsConfig(AppConfig):
    """Statistics computed from the filings (named ``stats``: ``statistics`` is a stdlib module)."""

    name = "stats"
    verbose_name = "统计服务"
