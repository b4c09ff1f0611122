from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class GuidesConfig(AppConfig):
    name = "guides"
    verbose_name = _("办事指南")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from guides import search_kind
        from guides.seeding import ensure_guides_after_migrate

        post_migrate.connect(ensure_guides_after_migrate, sender=self, dispatch_uid="guides.ensure_guides")
        search_kind.register_guides()
