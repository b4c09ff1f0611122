"""``manage.py load_demo``: load every app's demo content (idempotent) and print logins."""

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from demo.registry import demo_modules


class Command(BaseCommand):
    help = "Load the demo content of every app and print the demo logins"

    def add_arguments(self, parser):
        parser.add_argument("--quiet-logins", action="store_true", help="do not print the demo logins")

    def handle(self, *args, quiet_logins=False, **options):
        modules = demo_modules()
        for module in modules:
            with transaction.atomic():
                module.load(self.stdout)
        # The index is normally kept current by background tasks; build it now so that search works
        # the moment the server starts, before a worker has gone through the queue.
        call_command("rebuild_search_index", no_progress=True, stdout=self.stdout)
        if not quiet_logins:
            self.print_logins(modules)

    def print_logins(self, modules):
        rows = [row for m in modules if hasattr(m, "logins") for row in m.logins()]
        if not rows:
            return
        self.stdout.write(self.style.SUCCESS("\n演示账号 (demo logins) — http://127.0.0.1:8000/accounts/login/"))
        width = max(len(r[0]) for r in rows)
        for role, username, password, note in rows:
            self.stdout.write(f"  {role.ljust(width)}  {username:<22} {password:<14} {note}")
