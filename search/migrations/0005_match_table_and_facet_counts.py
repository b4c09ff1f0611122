"""PostgreSQL: the vectors move to a narrow match table (``search.backends.postgres``); both
databases: facet tokens get document frequencies too, so a query's match count can be estimated."""

from collections import Counter

from django.db import migrations

# The first PostgreSQL design, restored if this migration is reversed.
OLD_VECTOR = (
    "array_to_tsvector(array_remove(string_to_array("
    "title_tokens || ' ' || body_tokens || ' ' || grams || ' ' || facets || ' ' || "
    r"regexp_replace(title_tokens, '(\S+)', '^\1', 'g'), ' '), ''))"
)


def add_month_facets(apps, schema_editor):
    """Rows indexed before the month facet existed get it, as ``search.documents.month_facet`` writes it."""
    SearchDocument = apps.get_model("sitesearch", "SearchDocument")
    alias = schema_editor.connection.alias
    batch = []
    for doc in SearchDocument.objects.using(alias).only("id", "date", "facets").iterator(chunk_size=2000):
        token = f"!mon{doc.date:%Y%m}"
        if token not in doc.facets.split():
            doc.facets = f"{doc.facets} {token}".strip()
            batch.append(doc)
        if len(batch) >= 2000:
            SearchDocument.objects.using(alias).bulk_update(batch, ["facets"])
            batch = []
    SearchDocument.objects.using(alias).bulk_update(batch, ["facets"])


def count_facets(apps, schema_editor):
    SearchDocument = apps.get_model("sitesearch", "SearchDocument")
    SearchTerm = apps.get_model("sitesearch", "SearchTerm")
    alias = schema_editor.connection.alias
    counts = Counter()
    for facets in SearchDocument.objects.using(alias).values_list("facets", flat=True).iterator():
        counts.update(set(facets.split()))
    SearchTerm.objects.using(alias).filter(token__startswith="!").delete()
    SearchTerm.objects.using(alias).bulk_create([SearchTerm(token=t, df=n) for t, n in counts.items()], batch_size=500)


def forget_facets(apps, schema_editor):
    apps.get_model("sitesearch", "SearchTerm").objects.using(schema_editor.connection.alias).filter(token__startswith="!").delete()


def match_table(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor == "postgresql":
        from search.backends import postgres

        postgres.install(connection)


def generated_column(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    from search.backends import postgres

    postgres.uninstall(connection)
    with connection.cursor() as cursor:
        cursor.execute(f"ALTER TABLE {postgres.DOCS} ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ({OLD_VECTOR}) STORED")
        cursor.execute(f"CREATE INDEX sitesearch_doc_vector_gin ON {postgres.DOCS} USING gin (search_vector)")


class Migration(migrations.Migration):
    dependencies = [("sitesearch", "0004_more_synonyms")]

    operations = [
        migrations.RunPython(match_table, generated_column),
        migrations.RunPython(add_month_facets, migrations.RunPython.noop),
        migrations.RunPython(count_facets, forget_facets),
    ]
