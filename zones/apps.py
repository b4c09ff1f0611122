from django.apps import AppConfig


class ZonesConfig(AppConfig):
    name = "zones"
    verbose_name = "境外经贸合作园区考核"
    default_auto_field = "django.db.models.BigAutoField"
