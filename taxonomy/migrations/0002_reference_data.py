from django.db import migrations


def load(apps, schema_editor):
    from taxonomy.loading import load_reference_data

    load_reference_data(apps.get_model("taxonomy", "Country"), apps.get_model("taxonomy", "Industry"))


class Migration(migrations.Migration):
    dependencies = [("taxonomy", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
