"""Changes to the search index and the search log.

Every write goes through here: ``index_object`` asks the object's kind whether the object is
publicly visible right now and indexes or removes it accordingly, so a task that runs late or
twice still leaves the index right (tasks are retried). Background tasks in ``search.tasks``
call these; views never write to the index.
"""

from collections.abc import Callable
from datetime import date, timedelta

from django.db import connections, transaction
from django.utils import timezone

from audit.services import log
from search import index, registry
from search.backends import backend_for
from search.models import QueryLog, SearchDocument, Synonym
from search.synonyms import synonyms_changed

BATCH = 500


def index_pks(kind: registry.SearchKind, pks, using: str = "default") -> tuple[int, int]:
    """Bring the index in line for these objects of ``kind``: (indexed, removed)."""
    pks = [str(pk) for pk in pks]
    indexed = removed = 0
    for start in range(0, len(pks), BATCH):
        chunk = pks[start : start + BATCH]
        docs = [doc for doc in (kind.build(obj) for obj in kind.visible(chunk)) if doc is not None]
        indexed += index.upsert(docs, using=using)
        present = {d.object_id for d in docs}
        removed += index.remove([(kind.name, pk) for pk in chunk if pk not in present], using=using)
    return indexed, removed


def index_object(obj, using: str = "default") -> bool:
    """Index ``obj`` if the public may see it, otherwise make sure it is not in the index."""
    kind = registry.kind_for(obj)
    if kind is None:
        raise ValueError(f"{type(obj).__name__} is not a registered search kind")
    indexed, _ = index_pks(kind, [obj.pk], using=using)
    return bool(indexed)


def remove_object(obj, using: str = "default") -> bool:
    """Take ``obj`` out of the index (deleted, unpublished, made private)."""
    kind = registry.kind_for(obj)
    if kind is None:
        return False
    return bool(index.remove([(kind.name, obj.pk)], using=using))


def remove_keys(kind_name: str, pks, using: str = "default") -> int:
    return index.remove([(kind_name, pk) for pk in pks], using=using)


def purge_expired(today=None, using: str = "default") -> int:
    """Remove documents past their expiry date (searches already hide them; this frees the rows)."""
    today = today or timezone.localdate()
    keys = list(SearchDocument.objects.using(using).filter(expires_at__lt=today).values_list("kind", "object_id"))
    removed = 0
    for start in range(0, len(keys), BATCH):
        removed += index.remove(keys[start : start + BATCH], using=using)
    return removed


def rebuild(kind_names=None, *, using: str = "default", progress: Callable | None = None, by=None) -> dict[str, int]:
    """Reload the index from every registered kind (or only ``kind_names``); returns counts per kind.

    ``progress(kind, total)`` may return a callable that is told how many documents each batch wrote.
    """
    kinds = [registry.get(n) for n in kind_names] if kind_names else registry.all_kinds()
    if not kind_names:
        index.clear(using=using)
    counts = {}
    for kind in kinds:
        if kind_names:
            index.clear(using=using, kind=kind.name)
        queryset = kind.queryset()
        advance = progress(kind, queryset.count()) if progress else None
        docs = (doc for doc in (kind.build(obj) for obj in queryset.iterator(chunk_size=BATCH)) if doc is not None)
        with transaction.atomic(using=using):
            counts[kind.name] = index.bulk_load(docs, using=using, batch_size=BATCH, progress=advance)
    index.refresh_statistics(using=using, arrange=True)
    log("search.index_rebuilt", actor=by, detail={"counts": counts})
    return counts


def warm(months: int = 12, *, using: str = "default") -> tuple[int, date | None]:
    """Read the index into memory after a restart (``backend.warm``): (pages read, documents since).

    ``since`` is ``months`` before the newest document; None (and nothing read) for an empty index.
    """
    newest = index.newest_date(using)
    if newest is None:
        return 0, None
    since = newest - timedelta(days=31 * months)
    connection = connections[using]
    return backend_for(connection).warm(connection, since), since


def log_query(query: str, results: int, *, filtered: bool = False) -> QueryLog:
    """Record one search from the results page (no user, no address: only what was asked)."""
    from search.chinese_text import normalize

    query = query.strip()[:200]
    return QueryLog.objects.create(query=query, normalized=normalize(query)[:200], results=results, filtered=filtered)


def save_synonym(synonym: Synonym, *, by=None, request=None) -> Synonym:
    """Save an operator's synonym group and make every process pick it up."""
    created = synonym.pk is None
    synonym.save()
    synonyms_changed()
    log("search.synonym_created" if created else "search.synonym_changed", actor=by, request=request, target=synonym, detail={"terms": synonym.terms})
    return synonym


def delete_synonym(synonym: Synonym, *, by=None, request=None) -> None:
    log("search.synonym_deleted", actor=by, request=request, target=synonym, detail={"terms": synonym.terms})
    synonym.delete()
    synonyms_changed()
