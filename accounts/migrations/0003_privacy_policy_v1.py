"""The first version of the privacy policy, in force from the platform's launch."""

import datetime

from django.db import migrations

from accounts.privacy_text import FIRST_VERSION_BODY as BODY


def create_policy(apps, schema_editor):
    PrivacyPolicy = apps.get_model("accounts", "PrivacyPolicy")
    PrivacyPolicy.objects.get_or_create(
        version="1.0",
        defaults={
            "title": "湘企出海+ 个人信息保护政策",
            "summary": "首次发布",
            "body": BODY,
            "effective_at": datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC),
        },
    )


class Migration(migrations.Migration):
    dependencies = [("accounts", "0002_security_and_certification")]

    operations = [migrations.RunPython(create_policy, migrations.RunPython.noop)]
