"""Background jobs of the notification hub.

``deliver`` is idempotent: a delivery is claimed by a conditional update from *pending* to
*sending* before anything is sent, so a retried or duplicated job never sends the same
(message, channel) twice. A failed send puts the delivery back to *pending* and the job raises,
so the ``background`` worker retries it with exponential backoff; after
``NOTIFY_MAX_ATTEMPTS`` the delivery stays *failed*.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db.models import F
from django.tasks import default_task_backend, task
from django.utils import timezone
from django.utils.translation import gettext as _

from background.periodic import periodic
from notifications.channels import NoAddress, sender_for
from notifications.models import Delivery, Digest, Message, NotificationSettings, PageAnnouncement, Push

logger = logging.getLogger("notifications")


class DeliveryFailed(Exception):
    """Some deliveries of a job failed and will be tried again."""


class RateLimited(Exception):
    """The channel's per-minute budget is used up."""


def take_rate_token(channel: str, now=None) -> bool:
    """Count one send against ``channel``'s per-minute limit; False when the budget is used up."""
    limit = settings.NOTIFY_RATE_LIMITS.get(channel)
    if not limit:
        return True
    now = now or timezone.now()
    key = f"notifications:rate:{channel}:{now:%Y%m%d%H%M}"
    cache.add(key, 0, timeout=120)
    return cache.incr(key) <= limit


def _send_one(pk: int) -> str:
    """Send one delivery if it is still pending; returns its new status ('' when not ours)."""
    claimed = Delivery.objects.filter(pk=pk, status=Delivery.Status.PENDING).update(status=Delivery.Status.SENDING, attempts=F("attempts") + 1)
    if not claimed:
        return ""
    delivery = Delivery.objects.select_related("message__recipient__notification_settings").get(pk=pk)
    try:
        sender_for(delivery.channel)(delivery.message)
    except NoAddress as exc:
        delivery.status, delivery.error = Delivery.Status.SKIPPED, str(exc)
    except Exception as exc:  # noqa: BLE001 - any sender failure is recorded and the job retried
        retry = delivery.attempts < settings.NOTIFY_MAX_ATTEMPTS
        delivery.status = Delivery.Status.PENDING if retry else Delivery.Status.FAILED
        delivery.error = f"{type(exc).__name__}: {exc}"[:2000]
        logger.warning("delivery %s via %s failed (attempt %s): %s", pk, delivery.channel, delivery.attempts, exc)
    else:
        delivery.status, delivery.sent_at = Delivery.Status.SENT, timezone.now()
        logger.info("delivery %s via %s sent to user %s", pk, delivery.channel, delivery.message.recipient_id)
    delivery.save(update_fields=["status", "error", "sent_at"])
    return delivery.status


@task()
def deliver(delivery_ids: list[int]):
    """Send the given deliveries through their channels, within each channel's rate limit."""
    retry_later = []
    for index, pk in enumerate(delivery_ids):
        channel = Delivery.objects.filter(pk=pk, status=Delivery.Status.PENDING).values_list("channel", flat=True).first()
        if channel is None:
            continue
        if not take_rate_token(channel):
            rest = delivery_ids[index:]
            if default_task_backend.supports_defer:
                deliver.using(run_after=timezone.now() + timedelta(seconds=60)).enqueue(rest)
                logger.info("rate limit of %s reached; %s deliveries deferred", channel, len(rest))
                break
            raise RateLimited(_("%(channel)s 发送频率超过限制，稍后重试") % {"channel": channel})
        if _send_one(pk) == Delivery.Status.PENDING:
            retry_later.append(pk)
    if retry_later:
        raise DeliveryFailed(_("%(n)s 条投递失败，将重试: %(ids)s") % {"n": len(retry_later), "ids": retry_later[:20]})
    return len(delivery_ids)


@task()
def send_push(push_id: int):
    from notifications.services import send_push_now

    push = Push.objects.get(pk=push_id)
    return send_push_now(push)


@periodic(minutes=1)
@task()
def send_due_pushes():
    """Send the scheduled pushes whose time has come."""
    due = Push.objects.filter(status=Push.Status.SCHEDULED, send_at__lte=timezone.now()).values_list("pk", flat=True)
    for pk in due:
        send_push.enqueue(pk)
    return len(due)


def digest_due(row, now) -> bool:
    if row.last_digest_at is None:
        return True
    period = timedelta(days=1) if row.email_digest == Digest.DAILY else timedelta(days=7)
    return now - row.last_digest_at >= period - timedelta(minutes=5)


@periodic(hours=1)
@task()
def send_digests():
    """E-mail each digest subscriber the messages collected since their last digest."""
    from notifications.channels.email import send_digest

    now = timezone.now()
    sent = 0
    for row in NotificationSettings.objects.exclude(email_digest=Digest.NONE).select_related("user"):
        if not digest_due(row, now) or not row.user.email:
            continue
        pending = Delivery.objects.filter(message__recipient=row.user, channel="email", status=Delivery.Status.DIGEST)
        ids = list(pending.values_list("pk", flat=True))
        if ids:
            claimed = Delivery.objects.filter(pk__in=ids, status=Delivery.Status.DIGEST).update(status=Delivery.Status.SENDING)
            if claimed:
                messages = list(Message.objects.filter(deliveries__pk__in=ids).order_by("created_at"))
                send_digest(row.user, messages)
                Delivery.objects.filter(pk__in=ids).update(status=Delivery.Status.SENT, sent_at=now)
                sent += 1
        NotificationSettings.objects.filter(pk=row.pk).update(last_digest_at=now)
    return sent


def _codes(value) -> list[str]:
    """Codes of a page attribute that may be a related manager, a list of objects or of strings."""
    if value is None:
        return []
    if hasattr(value, "all"):
        value = value.all()
    if isinstance(value, str):
        return [value]
    return [str(getattr(v, "pk", v)) for v in value]


@task()
def announce_page(page_id: int):
    """Notify the subscribers of a newly published page's columns, countries, industries and city."""
    from wagtail.models import Page

    from notifications.selectors import subscribers
    from notifications.services import notify

    page = Page.objects.filter(pk=page_id).first()
    page = page.specific if page is not None else None
    if page is None or not page.live or getattr(page, "is_expired", False):  # expired content is not news
        return 0
    announcement, created = PageAnnouncement.objects.get_or_create(page_id=page_id)
    if not created:
        return 0
    columns = [p.pk for p in page.get_ancestors().filter(depth__gt=2)]
    city = getattr(page, "city", "") or ""
    users = list(
        subscribers(
            columns=columns,
            countries=_codes(getattr(page, "countries", None)),
            industries=_codes(getattr(page, "industries", None)),
            cities=[city] if city else [],
        )
    )
    summary = getattr(page, "search_description", "") or getattr(page, "summary", "") or ""
    notify(users, kind="portal.published", title=_("订阅更新：%(title)s") % {"title": page.title}, body=str(summary)[:200], url=page.url or "")
    PageAnnouncement.objects.filter(pk=announcement.pk).update(recipient_count=len(users))
    return len(users)
