"""Build the column tree of SPEC §3 below the home page: columns, country pages, city zones."""

from django.db import migrations


def build(apps, schema_editor):
    from portal.tree import ensure_tree

    ensure_tree(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0003_portal_pages"),
        ("taxonomy", "0002_reference_data"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(build, migrations.RunPython.noop)]
