"""Receivers that queue index updates when searchable content changes.

They only enqueue (after the transaction commits, so the task sees the change); the work is in
``search.tasks`` and ``search.services``.
"""

from django.db import models, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from search import registry

CHUNK = 500


def enqueue_index(kind_name: str, object_ids) -> None:
    from search.tasks import index_objects

    ids = [str(i) for i in object_ids]
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        transaction.on_commit(lambda chunk=chunk: index_objects.enqueue(kind_name, chunk))


def enqueue_remove(kind_name: str, object_ids) -> None:
    from search.tasks import remove_objects

    ids = [str(i) for i in object_ids]
    transaction.on_commit(lambda: remove_objects.enqueue(kind_name, ids))


def enqueue_subtree(page) -> None:
    """Re-index every registered page at or below ``page`` (moves, privacy changes)."""
    by_kind = {}
    for pk, content_type in Page.objects.descendant_of(page, inclusive=True).values_list("pk", "content_type"):
        by_kind.setdefault(content_type, []).append(pk)
    from django.contrib.contenttypes.models import ContentType

    for content_type_id, pks in by_kind.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        kind = registry.kind_for_model(model) if model else None
        if kind:
            enqueue_index(kind.name, pks)


@receiver(page_published, dispatch_uid="search.page_published")
@receiver(page_unpublished, dispatch_uid="search.page_unpublished")
def page_changed(sender, instance, **kwargs):
    kind = registry.kind_for(instance)
    if kind:
        enqueue_index(kind.name, [instance.pk])


@receiver(post_page_move, dispatch_uid="search.page_moved")
def page_moved(sender, instance, **kwargs):
    enqueue_subtree(instance)


@receiver(post_save, sender=PageViewRestriction, dispatch_uid="search.restriction_saved")
@receiver(post_delete, sender=PageViewRestriction, dispatch_uid="search.restriction_deleted")
def restriction_changed(sender, instance, **kwargs):
    enqueue_subtree(instance.page)


def _reindex_owners(sender, instance) -> None:
    """A watched related object changed (an FAQ answer, an enterprise's case): re-index its owners."""
    for kind in registry.all_kinds():
        for model, owners_of in kind.watch:
            if issubclass(sender, model):
                try:
                    owners = [o for o in owners_of(instance) if o is not None]
                except models.ObjectDoesNotExist:  # the owner went first (cascade delete)
                    owners = []
                if owners:
                    enqueue_index(kind.name, [o.pk for o in owners])


@receiver(post_save, dispatch_uid="search.object_saved")
def object_saved(sender, instance, raw=False, **kwargs):
    # Pages are indexed when published (a saved draft does not change what the public sees).
    if raw or isinstance(instance, Page):
        return
    kind = registry.kind_for_model(sender)
    if kind:
        enqueue_index(kind.name, [instance.pk])
    _reindex_owners(sender, instance)


@receiver(post_delete, dispatch_uid="search.object_deleted")
def object_deleted(sender, instance, **kwargs):
    kind = registry.kind_for_model(sender)
    if kind:
        enqueue_remove(kind.name, [instance.pk])
    elif not isinstance(instance, Page):
        _reindex_owners(sender, instance)


@receiver(m2m_changed, dispatch_uid="search.tags_changed")
def tags_changed(sender, instance, action, **kwargs):
    """Countries and industries are set after the object is saved: index again with them."""
    if action not in ("post_add", "post_remove", "post_clear") or isinstance(instance, Page):
        return
    kind = registry.kind_for_model(type(instance))
    if kind:
        enqueue_index(kind.name, [instance.pk])
    _reindex_owners(type(instance), instance)  # an organisation's industries: its directory entry


def connect_portal_signals():
    """Bulk publication and expiry of portal articles (the portal sends page ids)."""
    from portal.signals import articles_expired, articles_published

    def bulk_changed(sender, page_ids=(), **kwargs):
        enqueue_index("article", page_ids)

    articles_published.connect(bulk_changed, dispatch_uid="search.articles_published", weak=False)
    articles_expired.connect(bulk_changed, dispatch_uid="search.articles_expired", weak=False)
