from django.apps import AppConfig


class DatacallsConfig(AppConfig):
    name = "datacalls"
    verbose_name = "数据/资料报送"
    default_auto_field = "django.db.models.BigAutoField"
