from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "directory"
    verbose_name = "湘企名录"
    default_auto_field = "django.db.models.BigAutoField"
