from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "events"
    verbose_name = _("活动与报名")

    def ready(self):
        from accounts import personal_data
        from events import personal_data as own

        personal_data.register("events", export=own.export, erase=own.erase)
