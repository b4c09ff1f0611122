"""Moving files uploaded before ``uploads.storage`` into the private store.

Filing, enquiry and data-call files used to sit in MEDIA_ROOT under their original names (so
anyone could fetch them at ``/media/…``); licences and listing attachments were already private
but in their own folders. Each app's ``*_private_uploads`` data migration, and
``manage.py move_private_uploads`` for a re-run, moves every such file to
``PRIVATE_ROOT/<app>/<random>.<ext>``, keeps the name it was uploaded with in the row and
updates the row.

Safe to repeat: a row whose file already has a random private name is left alone. Safe when a
file is missing: the row is reported and kept as it is (its download is a 404), nothing stops.
Each file is copied, then its row is updated (committed on its own), then the old file is
removed — so a crash part-way never leaves a row pointing at nothing.
"""

import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings

from uploads.storage import PrivateStorage, is_random_name, random_name


@dataclass(frozen=True)
class Place:
    """One file field that holds uploads: where its files were, and where they go."""

    model: str  # "app_label.ModelName"
    file_field: str
    name_field: str  # the field keeping the name the file was uploaded with
    subfolder: str
    legacy_root: str = ""  # key of settings.LEGACY_UPLOAD_ROOTS; empty: MEDIA_ROOT

    def old_root(self) -> Path:
        return Path(settings.LEGACY_UPLOAD_ROOTS[self.legacy_root] if self.legacy_root else settings.MEDIA_ROOT)


PLACES = {
    place.model: place
    for place in [
        Place("accounts.CertificationRequest", "licence", "licence_name", "accounts", legacy_root="accounts"),
        Place("filings.FilingAttachment", "file", "original_name", "filings"),
        Place("consultation.Attachment", "file", "name", "consultation"),
        Place("datacalls.SubmissionFile", "file", "original_name", "datacalls"),
        Place("matching.ListingAttachment", "file", "name", "matching", legacy_root="matching"),
    ]
}


@dataclass
class Outcome:
    moved: int = 0
    already: int = 0
    missing: list = field(default_factory=list)  # (pk, old name)

    def summary(self, model) -> str:
        text = f"{model}: {self.moved} moved, {self.already} already private, {len(self.missing)} missing"
        return text + "".join(f"\n  missing: #{pk} {name}" for pk, name in self.missing)


def move_to_private(model_class, place: Place, *, dry_run=False) -> Outcome:
    """Move every file of ``model_class`` (a real or a migration's historical model) described by ``place``.

    ``dry_run`` counts what would move and what is missing, and changes nothing.
    """
    storage = PrivateStorage()
    old_root = place.old_root().resolve()
    outcome = Outcome()
    rows = model_class._default_manager.exclude(**{place.file_field: ""}).values_list("pk", place.file_field, place.name_field)
    for pk, name, original in rows.order_by("pk").iterator():
        if is_random_name(name, place.subfolder):
            outcome.already += 1
            continue
        source = (old_root / name).resolve()
        if not source.is_relative_to(old_root) or not source.is_file():
            outcome.missing.append((pk, name))
            continue
        if dry_run:
            outcome.moved += 1
            continue
        original = original or Path(name).name
        new_name = random_name(place.subfolder, original)
        target = Path(storage.path(new_name))
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)
        model_class._default_manager.filter(pk=pk).update(**{place.file_field: new_name, place.name_field: original[:200]})
        source.unlink()
        _remove_empty_parents(source.parent, old_root)
        outcome.moved += 1
    return outcome


def _remove_empty_parents(folder: Path, root: Path):
    """Remove the per-record folders the old layout made (``filings/<id>/``), up to ``root``."""
    while folder != root and folder.is_relative_to(root) and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


def migration(model):
    """A ``RunPython`` function moving ``model``'s files (migrations moving files must be ``atomic = False``)."""
    place = PLACES[model]

    def run(apps, schema_editor):
        outcome = move_to_private(apps.get_model(model), place)
        if outcome.moved or outcome.missing:
            sys.stdout.write("\n  " + outcome.summary(model) + "\n")

    return run
