"""Hands a newly published Wagtail page to the subscription job; no work is done here."""

from django.dispatch import receiver
from wagtail.signals import page_published


@receiver(page_published, dispatch_uid="notifications.announce_page")
def page_was_published(sender, instance, **kwargs):
    from notifications.tasks import announce_page

    announce_page.enqueue(instance.pk)
