"""Writing the index: rows for documents, and the document frequencies BM25 needs.

``upsert`` and ``remove`` keep ``SearchTerm`` exact in the same transaction as the rows they
change (old tokens are subtracted, new ones added), so ranking needs no full-table statistics
query. ``bulk_load`` is the fast path for an empty index (rebuild, evaluation, benchmark): rows
in batches, frequencies counted in memory and written once at the end.
"""

from collections import Counter
from collections.abc import Iterable

from django.db import connections, transaction
from django.db.models import Max

from search.documents import IndexDocument, build_row, row_terms
from search.models import SearchDocument, SearchTerm

DOCS_TOTAL = "@docs"
TITLE_TOTAL = "@tlen"
BODY_TOTAL = "@blen"
TERM_TABLE = "sitesearch_searchterm"


def _apply_deltas(using: str, deltas: Counter) -> None:
    changes = sorted((token, n) for token, n in deltas.items() if n)  # one lock order: no deadlocks
    if not changes:
        return
    sql = (
        f"INSERT INTO {TERM_TABLE} (token, df) VALUES (%s, %s) "
        f"ON CONFLICT (token) DO UPDATE SET df = {TERM_TABLE}.df + excluded.df"
    )
    with connections[using].cursor() as cursor:
        cursor.executemany(sql, changes)


def _totals(rows, sign: int) -> Counter:
    totals = Counter()
    for row in rows:
        totals[DOCS_TOTAL] += sign
        totals[TITLE_TOTAL] += sign * row.title_len
        totals[BODY_TOTAL] += sign * row.body_len
        for term in row_terms(row):
            totals[term] += sign
    return totals


def _existing(keys, using):
    by_kind = {}
    for kind, object_id in keys:
        by_kind.setdefault(kind, []).append(object_id)
    rows = []
    for kind, ids in by_kind.items():
        rows += list(
            SearchDocument.objects.using(using)
            .select_for_update()
            .filter(kind=kind, object_id__in=ids)
            .only("id", "kind", "object_id", "title_tokens", "body_tokens", "grams", "facets", "title_len", "body_len")
        )
    return rows


def upsert(docs: Iterable[IndexDocument], using: str = "default") -> int:
    """Add or replace ``docs`` in the index; returns how many rows were written."""
    rows = [build_row(doc) for doc in docs]
    if not rows:
        return 0
    with transaction.atomic(using=using):
        old = _existing([(r.kind, r.object_id) for r in rows], using)
        deltas = _totals(old, -1)
        deltas.update(_totals(rows, +1))
        if old:
            SearchDocument.objects.using(using).filter(pk__in=[r.pk for r in old]).delete()
        SearchDocument.objects.using(using).bulk_create(rows)
        _apply_deltas(using, deltas)
    return len(rows)


def remove(keys: Iterable[tuple[str, str]], using: str = "default") -> int:
    """Remove the documents with these (kind, object_id) keys; returns how many were there."""
    keys = [(k, str(i)) for k, i in keys]
    if not keys:
        return 0
    with transaction.atomic(using=using):
        old = _existing(keys, using)
        if not old:
            return 0
        SearchDocument.objects.using(using).filter(pk__in=[r.pk for r in old]).delete()
        _apply_deltas(using, _totals(old, -1))
    return len(old)


def clear(using: str = "default", kind: str | None = None) -> None:
    """Empty the index (or one kind of it) and its statistics."""
    with transaction.atomic(using=using):
        if kind:
            keys = list(SearchDocument.objects.using(using).filter(kind=kind).values_list("kind", "object_id"))
            for start in range(0, len(keys), 500):
                remove(keys[start : start + 500], using=using)
            return
        SearchDocument.objects.using(using).all().delete()
        SearchTerm.objects.using(using).all().delete()


def bulk_load(docs: Iterable[IndexDocument], using: str = "default", batch_size: int = 1000, progress=None) -> int:
    """Load documents into an index that holds none of them yet (rebuild, evaluation, benchmark)."""
    counts = Counter()
    batch, written = [], 0
    with transaction.atomic(using=using):  # one commit: SQLite would otherwise sync every term row
        for doc in docs:
            batch.append(build_row(doc))
            if len(batch) >= batch_size:
                written += _write_batch(batch, using, counts, progress)
                batch = []
        if batch:
            written += _write_batch(batch, using, counts, progress)
        _apply_deltas(using, counts)
    return written


def _write_batch(rows, using, counts, progress) -> int:
    SearchDocument.objects.using(using).bulk_create(rows, batch_size=len(rows))
    counts.update(_totals(rows, +1))
    if progress:
        progress(len(rows))
    return len(rows)


def refresh_statistics(using: str = "default", *, arrange: bool = False) -> None:
    """Let the database's planner see the index as it now is (after a rebuild or bulk load).

    ``arrange``: first store the rows in date order (``backend.arrange``; outside a transaction).
    """
    from search.backends import backend_for

    connection = connections[using]
    backend = backend_for(connection)
    if arrange and not connection.in_atomic_block:
        backend.arrange(connection)
    backend.refresh_statistics(connection)


def statistics(tokens: Iterable[str], using: str = "default") -> dict[str, int]:
    """Document frequencies of ``tokens`` plus the corpus totals (``@docs``, ``@tlen``, ``@blen``)."""
    wanted = sorted({*tokens, DOCS_TOTAL, TITLE_TOTAL, BODY_TOTAL})
    found = {}
    for start in range(0, len(wanted), 500):
        found.update(SearchTerm.objects.using(using).filter(token__in=wanted[start : start + 500]).values_list("token", "df"))
    return found


def newest_date(using: str = "default"):
    """The date of the newest document in the index; None when it is empty."""
    return SearchDocument.objects.using(using).aggregate(newest=Max("date"))["newest"]
