"""Load the reference rows: ISO codes and continents from ``taxonomy/data``, names from CLDR."""

import csv
from pathlib import Path

from taxonomy import country_names
from taxonomy.industries import SECTIONS

DATA_DIR = Path(__file__).resolve().parent / "data"


def country_rows():
    """Every country: ``code``, ``alpha3``, ``continent`` (the file) and names and sort keys (CLDR)."""
    with open(DATA_DIR / "countries.csv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            name_zh, name_en = country_names.chinese_name(row["code"]), country_names.english_name(row["code"])
            yield {
                **row,
                "name_zh": name_zh,
                "name_en": name_en,
                "sort_zh": country_names.pinyin_key(name_zh),
                "sort_en": country_names.english_key(name_en),
            }


def load_reference_data(Country, Industry):
    """Create or update every country and industry row (idempotent; never deletes a country).

    ``Country`` may be a migration's historical model: only the fields it has are written, so
    an early migration calling this still runs after later fields were added.
    """
    fields = {f.name for f in Country._meta.concrete_fields} - {"code"}
    for row in country_rows():
        Country.objects.update_or_create(code=row["code"], defaults={k: v for k, v in row.items() if k in fields})
    for code, name in SECTIONS:
        Industry.objects.update_or_create(code=code, defaults={"name_zh": name})


def ensure_reference_data():
    """Load the reference rows with the current models if the tables are empty."""
    from taxonomy.models import Country, Industry

    if not Country.objects.exists() or not Industry.objects.exists():
        load_reference_data(Country, Industry)
