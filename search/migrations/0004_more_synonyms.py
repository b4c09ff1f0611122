"""More going-global synonym groups, and names missing from two of the first groups."""

from django.db import migrations

ADD_TO = [
    ("中信保，", "中国信保"),
    ("境外经贸合作区，", "经贸合作区，合作园区"),
]
NEW = [
    ("synonym", "双重征税，重复征税", ""),
    ("abbreviation", "中欧班列，湘欧快线，中欧铁路班列", "湘欧快线是从长沙始发的中欧班列"),
    ("abbreviation", "中非经贸博览会，中非博览会，中非经贸合作博览会", ""),
    ("synonym", "海外仓，境外仓，海外仓储", ""),
    ("abbreviation", "商务部，中华人民共和国商务部", ""),
    ("synonym", "尽职调查，尽调", ""),
]


def forwards(apps, schema_editor):
    Synonym = apps.get_model("sitesearch", "Synonym")
    for starts, extra in ADD_TO:
        for synonym in Synonym.objects.filter(terms__startswith=starts):
            if extra not in synonym.terms:
                synonym.terms = f"{synonym.terms}，{extra}"
                synonym.save(update_fields=["terms"])
    for kind, terms, note in NEW:
        Synonym.objects.get_or_create(terms=terms, defaults={"kind": kind, "note": note})


class Migration(migrations.Migration):
    dependencies = [("sitesearch", "0003_seed_synonyms")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
