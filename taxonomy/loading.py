"""Load the reference rows from the files shipped in ``taxonomy/data``."""

import csv
from pathlib import Path

from taxonomy.industries import SECTIONS

DATA_DIR = Path(__file__).resolve().parent / "data"


def country_rows():
    with open(DATA_DIR / "countries.csv", encoding="utf-8", newline="") as f:
        yield from csv.DictReader(f)


def load_reference_data(Country, Industry):
    """Create or update every country and industry row (idempotent)."""
    for row in country_rows():
        Country.objects.update_or_create(code=row["code"], defaults={k: row[k] for k in ("alpha3", "name_zh", "name_en", "continent")})
    for code, name in SECTIONS:
        Industry.objects.update_or_create(code=code, defaults={"name_zh": name})


def ensure_reference_data():
    """Load the reference rows with the current models if the tables are empty."""
    from taxonomy.models import Country, Industry

    if not Country.objects.exists() or not Industry.objects.exists():
        load_reference_data(Country, Industry)
