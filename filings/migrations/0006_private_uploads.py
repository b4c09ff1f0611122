"""Move filing attachments stored before private storage into PRIVATE_ROOT under random names (uploads.relocation).

Not atomic: each row is committed once its file has been copied, before the old file is removed.
"""

from django.db import migrations

from uploads.relocation import migration


class Migration(migrations.Migration):
    atomic = False

    dependencies = [("filings", "0005_private_storage")]

    operations = [migrations.RunPython(migration("filings.FilingAttachment"), migrations.RunPython.noop)]
