from django.apps import AppConfig


class RatingConfig(AppConfig):
    name = "rating"
    verbose_name = "优质企业年度评价"
    default_auto_field = "django.db.models.BigAutoField"
