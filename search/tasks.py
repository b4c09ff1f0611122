"""Background work that keeps the index current (enqueued by ``search.signals``).

Each task re-reads the objects and asks their kind what is visible now, so running one twice, or
after a later change, does no harm.
"""

from django.tasks import task

from background.periodic import periodic


@task(queue_name="search")
def index_objects(kind_name: str, object_ids: list[str]) -> dict:
    """Index (or remove) these objects of one kind according to what the public may see now."""
    from search import registry, services

    try:
        kind = registry.get(kind_name)
    except KeyError:  # the kind was unregistered since the task was queued
        return {"indexed": 0, "removed": services.remove_keys(kind_name, object_ids)}
    indexed, removed = services.index_pks(kind, object_ids)
    return {"indexed": indexed, "removed": removed}


@task(queue_name="search")
def remove_objects(kind_name: str, object_ids: list[str]) -> int:
    """Take deleted objects out of the index."""
    from search import services

    return services.remove_keys(kind_name, object_ids)


@periodic(minutes=60)
@task(queue_name="search")
def purge_expired_documents() -> int:
    """Drop documents whose expiry date has passed (searches hide them already)."""
    from search import services

    return services.purge_expired()
