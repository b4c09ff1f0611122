from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RatingConfig(AppConfig):
    name = "rating"
    verbose_name = _("优质企业年度评价")
    default_auto_field = "django.db.models.BigAutoField"
