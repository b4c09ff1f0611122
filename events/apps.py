from django.apps import AppConfig


class EventsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "events"
    verbose_name = "活动与报名"

    def ready(self):
        from accounts import personal_data
        from events import personal_data as own

        personal_data.register("events", export=own.export, erase=own.erase)
