"""manage.py move_private_uploads: move uploads still in their old place into PRIVATE_ROOT."""

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError

from uploads.relocation import PLACES, move_to_private


class Command(BaseCommand):
    help = (
        "Move uploaded files still in their old place (MEDIA_ROOT, or the former licence and listing-attachment "
        "folders) into PRIVATE_ROOT under random names, keeping each file's original name in its row. The "
        "migrations *_private_uploads already did this once; run it again after restoring files they reported "
        "missing. Idempotent. Exits 1 if any row's file is still missing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="only count what would move and what is missing")

    def handle(self, *args, dry_run=False, **options):
        missing = 0
        for label, place in PLACES.items():
            outcome = move_to_private(apps.get_model(label), place, dry_run=dry_run)
            self.stdout.write(outcome.summary(label).replace(" moved", " to move" if dry_run else " moved", 1))
            missing += len(outcome.missing)
        if missing:
            raise CommandError(f"{missing} file(s) missing: restore them to their old place and run this again")
