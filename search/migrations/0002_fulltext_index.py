"""The database's full-text index over the token columns: FTS5 on SQLite, tsvector + GIN on PostgreSQL."""

from django.db import migrations


def install(apps, schema_editor):
    from search.backends import backend_for

    backend_for(schema_editor.connection).install(schema_editor.connection)


def uninstall(apps, schema_editor):
    from search.backends import backend_for

    backend_for(schema_editor.connection).uninstall(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("sitesearch", "0001_initial")]

    operations = [migrations.RunPython(install, uninstall)]
