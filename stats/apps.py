from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StatsConfig(AppConfig):
    """Statistics computed from the filings (named ``stats``: ``statistics`` is a stdlib module)."""

    name = "stats"
    verbose_name = _("统计服务")
