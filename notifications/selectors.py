"""Reads: inbox contents, audiences of a push, delivery reports."""

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db.models import Count, Q

from accounts.models import CertificationStatus
from accounts.roles import ALL_ROLES
from notifications.models import Delivery, Message, Subscription, Topic

ROLE_GROUPS = {r.code: r.group_name for r in ALL_ROLES}


def unread_count(user) -> int:
    if not user.is_authenticated:
        return 0
    return Message.objects.filter(recipient=user, read_at__isnull=True, archived_at__isnull=True).count()


def inbox(user, box: str = "all"):
    """``box``: ``all`` (not archived), ``unread`` or ``archived``."""
    qs = Message.objects.filter(recipient=user)
    if box == "archived":
        return qs.filter(archived_at__isnull=False)
    qs = qs.filter(archived_at__isnull=True)
    if box == "unread":
        qs = qs.filter(read_at__isnull=True)
    return qs


def audience_users(audience: dict):
    """Active users matching ``audience``; criteria combine with AND, values within one with OR.

    Keys: ``roles`` (role codes), ``user_types``, ``cities`` (the organisation's jurisdiction),
    ``industries`` (GB/T 4754 codes of the organisation), ``certified`` (True: only users of a
    certified organisation), ``identifiers`` (uploaded list: usernames, mobiles, e-mails or
    credit codes), ``events`` (event ids: users with a confirmed registration for one of them).
    """
    qs = get_user_model().objects.filter(is_active=True)
    if audience.get("roles"):
        names = [ROLE_GROUPS[c] for c in audience["roles"] if c in ROLE_GROUPS]
        qs = qs.filter(groups__name__in=names)
    if audience.get("user_types"):
        qs = qs.filter(user_type__in=audience["user_types"])
    if audience.get("cities"):
        qs = qs.filter(organization__jurisdiction__in=audience["cities"])
    if audience.get("industries"):
        qs = qs.filter(organization__industries__code__in=audience["industries"])
    if audience.get("certified"):
        qs = qs.filter(organization__status=CertificationStatus.CERTIFIED)
    if audience.get("events") and apps.is_installed("events"):
        from events.selectors import registrant_users

        qs = qs.filter(pk__in=registrant_users([int(e) for e in audience["events"]]))
    if audience.get("identifiers"):
        ids = [i for i in audience["identifiers"] if i]
        qs = qs.filter(Q(username__in=ids) | Q(mobile__in=ids) | Q(email__in=ids) | Q(organization__credit_code__in=ids))
    return qs.distinct().order_by("pk")


def audience_size(audience: dict) -> int:
    return audience_users(audience).count()


def subscribers(*, columns=(), countries=(), industries=(), cities=()):
    """Active users subscribed to any of the given topics."""
    wanted = Q(pk__in=[])
    for topic, values in ((Topic.COLUMN, columns), (Topic.COUNTRY, countries), (Topic.INDUSTRY, industries), (Topic.CITY, cities)):
        values = [str(v) for v in values if v]
        if values:
            wanted |= Q(topic=topic, value__in=values)
    user_ids = Subscription.objects.filter(wanted).values("user_id")
    return get_user_model().objects.filter(is_active=True, pk__in=user_ids).order_by("pk")


def push_report(push) -> dict:
    """Counts for the delivery report: recipients, read, and per channel sent/failed/skipped/pending."""
    messages = Message.objects.filter(push=push)
    totals = messages.aggregate(total=Count("pk"), read=Count("pk", filter=Q(read_at__isnull=False)))
    rows = Delivery.objects.filter(message__push=push).values("channel", "status").annotate(n=Count("pk"))
    channels: dict[str, dict] = {}
    for row in rows:
        channels.setdefault(row["channel"], {})[row["status"]] = row["n"]
    return {"recipients": totals["total"], "read": totals["read"], "channels": channels}
