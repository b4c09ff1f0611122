"""Migrations must be the same on every machine: no absolute paths of the checkout in them."""

from pathlib import Path

from django.conf import settings


def test_no_migration_records_a_path_of_this_checkout():
    base = str(Path(settings.BASE_DIR))
    offenders = [
        str(path.relative_to(base))
        for path in Path(base).glob("*/migrations/*.py")
        if base in path.read_text(encoding="utf-8") or "PurePosixPath(" in path.read_text(encoding="utf-8")
    ]
    assert offenders == [], f"migrations with machine-specific paths (use a callable storage): {offenders}"
