from django.apps import AppConfig


class WorkbenchConfig(AppConfig):
    name = "workbench"
    verbose_name = "我的工作台"

    def ready(self):
        from workbench.registry import autodiscover

        autodiscover()
