"""Signals the portal sends, and the receivers that keep the page cache honest.

``articles_published`` — sent with ``page_ids`` after articles were published in bulk (import,
demo) without going through Wagtail's per-page ``page_published`` signal; the search app indexes
them from it. ``articles_expired`` — sent with ``page_ids`` when the expiry job marks articles
expired, so they leave the search index.
"""

from django.db.models.signals import post_delete
from django.dispatch import Signal, receiver
from wagtail.signals import page_published, page_unpublished, post_page_move

from portal import page_cache

articles_published = Signal()
articles_expired = Signal()


@receiver(page_published, dispatch_uid="portal.cache.published")
@receiver(page_unpublished, dispatch_uid="portal.cache.unpublished")
@receiver(post_page_move, dispatch_uid="portal.cache.moved")
@receiver(articles_published, dispatch_uid="portal.cache.bulk_published")
@receiver(articles_expired, dispatch_uid="portal.cache.expired")
def _content_changed(sender, **kwargs):
    page_cache.invalidate()


@receiver(post_delete, dispatch_uid="portal.cache.deleted")
def _page_deleted(sender, instance, **kwargs):
    from wagtail.models import Page

    if isinstance(instance, Page):
        page_cache.invalidate()
