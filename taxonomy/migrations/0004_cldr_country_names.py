"""Country names from CLDR instead of the hand-typed file (尼珀尔 → 尼泊尔, 塔吉克斯斯坦 → 塔吉克斯坦,
Samoa no longer 美属萨摩亚群岛, no leading spaces), and the pinyin / English sort keys.

Codes are unchanged and no row is deleted, so every reference to a country stays valid.
"""

from django.db import migrations


def load(apps, schema_editor):
    from taxonomy.loading import load_reference_data

    load_reference_data(apps.get_model("taxonomy", "Country"), apps.get_model("taxonomy", "Industry"))


class Migration(migrations.Migration):
    dependencies = [("taxonomy", "0003_country_sort_keys")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
