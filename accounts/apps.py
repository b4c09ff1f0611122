from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "账户与认证"

    def ready(self):
        from accounts import checks, personal_data  # noqa: F401 - register deploy checks and data exporters
