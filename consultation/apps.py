from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsultationConfig(AppConfig):
    name = "consultation"
    verbose_name = _("互动交流")

    def ready(self):
        from accounts import personal_data
        from consultation import personal_data as own

        personal_data.register("consultation", export=own.export, erase=own.erase)
