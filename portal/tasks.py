"""Periodic portal jobs: scheduled publication and expiry (both idempotent, safe to retry)."""

from django.core.management import call_command
from django.tasks import task

from background.periodic import periodic


@periodic(minutes=1)
@task()
def publish_scheduled_pages():
    """Publish pages whose "go live" time has come and unpublish those past Wagtail's own expiry.

    Runs Wagtail's ``publish_scheduled`` command, so editors schedule with Wagtail's own
    "发布时间" setting and approved revisions go live on time.
    """
    call_command("publish_scheduled", verbosity=0)


@periodic(minutes=30)
@task()
def expire_articles():
    """Flag articles past their expiry date so they leave search and appear in the archive report."""
    from portal.services import expire_due_articles

    return len(expire_due_articles())
