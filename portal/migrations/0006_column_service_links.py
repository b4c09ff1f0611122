"""Point the columns that front a service at the live apps (湘企名录 → /directory/, 活动报名 → /events/, …).

Only columns whose entry is still empty are set, so an address an editor changed is kept.
"""

from django.db import migrations


def link(apps, schema_editor):
    from portal.tree import service_links

    ColumnPage = apps.get_model("portal", "ColumnPage")
    for slug, (url, label) in service_links().items():
        ColumnPage.objects.filter(slug=slug, service_url="").update(service_url=url, service_label=label)


class Migration(migrations.Migration):
    dependencies = [("portal", "0005_page_cache_version")]
    operations = [migrations.RunPython(link, migrations.RunPython.noop)]
