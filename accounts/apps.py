from django.apps import AppConfig, apps
from django.db.models.signals import m2m_changed
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("账户与认证")

    def ready(self):
        from accounts import checks, personal_data  # noqa: F401 - register deploy checks and data exporters
        from accounts.models import User
        from accounts.separation import guard_membership

        # The separation-of-duties backstop on the user–group table (both directions).
        m2m_changed.connect(guard_membership, sender=User.groups.through, dispatch_uid="accounts.separation.guard_membership")
        # Wagtail builds its group views from this attribute of its app config when the admin URLs
        # are loaded; ours refuse editing one's own group or one of the three separated role groups.
        apps.get_app_config("wagtailusers").group_viewset = "accounts.wagtail_groups.GroupViewSet"
