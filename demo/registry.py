"""Demo content is contributed by each app's ``demo.py`` module.

A module defines ``ORDER`` (an int; lower loads first — accounts before the content that
references its users) and ``load(stdout)``, which must be idempotent: ``make run`` calls
``load_demo`` on every start. It may define ``logins()`` returning rows of
(role, username, password, note) that ``make run`` prints.
"""

import importlib

from django.apps import apps


def demo_modules():
    modules = []
    for config in apps.get_app_configs():
        try:
            module = importlib.import_module(f"{config.name}.demo")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.demo":
                raise
            continue
        modules.append(module)
    return sorted(modules, key=lambda m: getattr(m, "ORDER", 100))
