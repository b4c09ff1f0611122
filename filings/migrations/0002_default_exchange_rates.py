"""Starting exchange rates (USD per unit), so USD equivalents work on a fresh install.

The department keeps the table current in the admin (filings › 汇率); newer rows win.
"""

import datetime
from decimal import Decimal

from django.db import migrations

RATES = {
    "CNY": "0.13900000",
    "EUR": "1.08000000",
    "HKD": "0.12800000",
    "JPY": "0.00670000",
    "GBP": "1.27000000",
    "SGD": "0.74000000",
    "AUD": "0.66000000",
}


def add_rates(apps, schema_editor):
    ExchangeRate = apps.get_model("filings", "ExchangeRate")
    start = datetime.date(2000, 1, 1)
    for currency, rate in RATES.items():
        ExchangeRate.objects.get_or_create(currency=currency, valid_from=start, defaults={"usd_per_unit": Decimal(rate)})


class Migration(migrations.Migration):
    dependencies = [("filings", "0001_initial")]
    operations = [migrations.RunPython(add_rates, migrations.RunPython.noop)]
