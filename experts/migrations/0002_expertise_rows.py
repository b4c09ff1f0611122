from django.db import migrations

CODES = ["law", "tax", "finance", "insurance", "accounting", "country", "labour", "engineering"]


def create(apps, schema_editor):
    Expertise = apps.get_model("experts", "Expertise")
    for code in CODES:
        Expertise.objects.get_or_create(code=code)


class Migration(migrations.Migration):
    dependencies = [("experts", "0001_initial")]
    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
