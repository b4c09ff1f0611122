"""The first synonym and abbreviation groups of going-global terms (operators add more)."""

from django.db import migrations

GROUPS = [
    ("abbreviation", "ODI，境外投资，对外直接投资，境外直接投资，对外投资", "对外直接投资 (Outward Direct Investment)"),
    ("abbreviation", "中信保，中国出口信用保险公司，sinosure，出口信用保险公司", "中国出口信用保险公司的简称"),
    ("synonym", "外派劳务，对外劳务合作，劳务外派，境外劳务", ""),
    ("synonym", "税收协定，避免双重征税协定，双边税收协定，避免双重征税", ""),
    ("synonym", "对外承包工程，境外承包工程，国际工程承包，海外工程承包", ""),
    ("abbreviation", "一带一路，belt and road，bri，共建一带一路", ""),
    ("abbreviation", "FDI，外商直接投资，外国直接投资", ""),
    ("abbreviation", "RCEP，区域全面经济伙伴关系协定", ""),
    ("abbreviation", "FTA，自由贸易协定，自贸协定", ""),
    ("abbreviation", "EPC，工程总承包，设计采购施工总承包", ""),
    ("abbreviation", "PPP，政府和社会资本合作", ""),
    ("abbreviation", "WTO，世界贸易组织，世贸组织", ""),
    ("abbreviation", "东盟，ASEAN，东南亚国家联盟", ""),
    ("synonym", "境外经贸合作区，境外园区，海外园区，境外产业园", ""),
    ("synonym", "签证，visa", ""),
    ("synonym", "汇率风险，汇兑风险，外汇风险", ""),
    ("synonym", "跨境电商，跨境电子商务", ""),
    ("abbreviation", "商务厅，湖南省商务厅", ""),
    ("abbreviation", "发改委，发展改革委，发展和改革委员会", ""),
    ("abbreviation", "外管局，国家外汇管理局，外汇管理局", ""),
    ("abbreviation", "贸促会，国际贸易促进委员会", ""),
    ("synonym", "出口信用保险，信用保险，出口信保", ""),
]


def seed(apps, schema_editor):
    Synonym = apps.get_model("sitesearch", "Synonym")
    for kind, terms, note in GROUPS:
        Synonym.objects.get_or_create(terms=terms, defaults={"kind": kind, "note": note})


class Migration(migrations.Migration):
    dependencies = [("sitesearch", "0002_fulltext_index")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
