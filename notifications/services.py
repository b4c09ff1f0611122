"""The one way every capability notifies people, and the state changes of the inbox.

``notify`` writes the in-site messages at once (bulk) and hands the other channels to
background jobs: one ``Delivery`` row per (message, channel), created here, sent by
``notifications.tasks.deliver``.
"""

from django.db import transaction
from django.utils import timezone

from audit.services import log
from notifications import kinds
from notifications.models import Channel, Delivery, Digest, Message, NotificationSettings, Push, Subscription, Topic

BATCH = 1000  # deliveries handed to one background job


def channels_for(user, kind: str, settings_row=None) -> list[str]:
    """The channels ``user`` receives ``kind`` through; the inbox is always one of them."""
    chosen = None
    if settings_row is not None:
        chosen = settings_row.channels_by_kind.get(kinds.group_of(kind))
    channels = list(chosen) if chosen is not None else kinds.default_channels(kind)
    return [Channel.INBOX, *[c for c in channels if c != Channel.INBOX]]


def notify(recipients, *, kind: str, title: str, body: str = "", url: str = "", channels=None, push=None) -> list[Message]:
    """Send a notification to each of ``recipients`` (users).

    ``kind`` is a dotted code (``filing.returned``) that users choose channels for.
    ``channels`` overrides the users' choices (e.g. a push sent by SMS only); the in-site
    message is always written. External channels are delivered by background jobs.
    """
    recipients = [u for u in recipients if u is not None and u.is_active]
    if not recipients:
        return []
    prefs = {s.user_id: s for s in NotificationSettings.objects.filter(user__in=[u.pk for u in recipients])}
    with transaction.atomic():
        messages = Message.objects.bulk_create(
            Message(recipient=user, kind=kind, title=title, body=body, url=url, push=push) for user in recipients
        )
        deliveries = []
        for user, message in zip(recipients, messages, strict=True):
            wanted = channels if channels is not None else channels_for(user, kind, prefs.get(user.pk))
            digest = prefs.get(user.pk) and prefs[user.pk].email_digest != Digest.NONE
            for channel in wanted:
                if channel == Channel.INBOX:
                    continue
                status = Delivery.Status.DIGEST if channel == Channel.EMAIL and digest and push is None else Delivery.Status.PENDING
                deliveries.append(Delivery(message=message, channel=channel, status=status))
        Delivery.objects.bulk_create(deliveries, batch_size=BATCH, ignore_conflicts=True)
        enqueue_pending(messages)
    return messages


def enqueue_pending(messages):
    from notifications.tasks import deliver

    ids = list(
        Delivery.objects.filter(message__in=[m.pk for m in messages], status=Delivery.Status.PENDING).values_list("pk", flat=True)
    )
    for start in range(0, len(ids), BATCH):
        deliver.enqueue(ids[start : start + BATCH])


def mark_read(user, message_ids=None) -> int:
    """Mark ``user``'s messages read (all unread ones when ``message_ids`` is None)."""
    qs = Message.objects.filter(recipient=user, read_at__isnull=True)
    if message_ids is not None:
        qs = qs.filter(pk__in=message_ids)
    return qs.update(read_at=timezone.now())


def archive(user, message_ids) -> int:
    now = timezone.now()
    qs = Message.objects.filter(recipient=user, pk__in=message_ids, archived_at__isnull=True)
    qs.filter(read_at__isnull=True).update(read_at=now)
    return qs.update(archived_at=now)


def save_preferences(user, *, channels_by_group: dict, email_digest: str, wechat_openid: str | None = None):
    row, _ = NotificationSettings.objects.get_or_create(user=user)
    row.channels_by_kind = {group: [c for c in chosen if c in Channel.values] for group, chosen in channels_by_group.items()}
    row.email_digest = email_digest
    if wechat_openid is not None:
        row.wechat_openid = wechat_openid
    row.save()
    return row


def set_subscriptions(user, topic: str, values) -> None:
    """Replace ``user``'s subscriptions of one topic type with ``values``."""
    topic = Topic(topic)
    values = {str(v) for v in values}
    with transaction.atomic():
        Subscription.objects.filter(user=user, topic=topic).exclude(value__in=values).delete()
        existing = set(Subscription.objects.filter(user=user, topic=topic).values_list("value", flat=True))
        Subscription.objects.bulk_create(Subscription(user=user, topic=topic, value=v) for v in values - existing)


def create_push(*, by, title, body, url="", channels, audience: dict, send_at=None, request=None) -> Push:
    """Save a staff push; it is sent now (``send_at`` None) or by the periodic job at ``send_at``."""
    push = Push.objects.create(
        title=title, body=body, url=url, channels=list(channels), audience=audience, created_by=by, send_at=send_at, status=Push.Status.SCHEDULED
    )
    log("notifications.push_created", actor=by, request=request, target=push, detail={"audience": audience, "send_at": str(send_at or "")})
    if send_at is None or send_at <= timezone.now():
        from notifications.tasks import send_push

        send_push.enqueue(push.pk)
    return push


def send_push_now(push: Push) -> int:
    """Fan a push out to its audience once; returns the number of recipients (0 if already sent)."""
    from notifications.selectors import audience_users

    won = Push.objects.filter(pk=push.pk, status=Push.Status.SCHEDULED).update(status=Push.Status.SENDING)
    if not won:
        return 0
    users = list(audience_users(push.audience))
    channels = [Channel.INBOX, *push.channels]
    for start in range(0, len(users), 5000):
        notify(users[start : start + 5000], kind="push.notice", title=push.title, body=push.body, url=push.url, channels=channels, push=push)
    Push.objects.filter(pk=push.pk).update(status=Push.Status.SENT, sent_at=timezone.now(), recipient_count=len(users))
    log("notifications.push_sent", target=push, detail={"recipients": len(users)})
    return len(users)
