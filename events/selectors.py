"""Reads of events and registrations, with who may see and manage what.

Object-level checks live here so lists and detail pages cannot disagree: an organiser org
manages only its own events, a city bureau only its city's, the operator and department all;
a user sees only his own registrations (and an enterprise's members their organisation's).
"""

from datetime import date

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import OrgKind
from accounts.roles import bureau_city_of
from events.models import Attendee, Event, Registration, RegistrationStatus, Status

PUBLIC_STATUSES = (Status.PUBLISHED, Status.CANCELLED)
SEAT_HOLDING = (RegistrationStatus.PENDING, RegistrationStatus.CONFIRMED)


def upcoming_events(limit=5, city_code=None):
    """Published events that have not yet ended, soonest first (home page, city zones).

    ``city_code`` is a ``taxonomy.cities.City`` value (or ``province``); ``None`` means all.
    """
    qs = Event.objects.filter(status=Status.PUBLISHED, ends_at__gte=timezone.now())
    if city_code:
        qs = qs.filter(city=city_code)
    qs = qs.order_by("starts_at", "id")
    return list(qs[:limit]) if limit else list(qs)


def public_events():
    """Events anyone may read: published ones and those cancelled after publication."""
    return Event.objects.filter(status__in=PUBLIC_STATUSES, published_at__isnull=False)


def filter_events(qs, *, city="", country="", kind="", month="", africa=False, past=False):
    """The public list's filters; ``month`` is ``YYYY-MM`` (ignored when malformed)."""
    now = timezone.now()
    qs = qs.filter(ends_at__lt=now).order_by("-starts_at", "-id") if past else qs.filter(ends_at__gte=now).order_by("starts_at", "id")
    if city:
        qs = qs.filter(city=city)
    if country:
        qs = qs.filter(countries__code=country)
    if kind:
        qs = qs.filter(kind=kind)
    if africa:
        qs = qs.filter(Q(sino_africa=True) | Q(countries__continent="africa"))
    first = parse_month(month)
    if first:
        following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
        qs = qs.filter(starts_at__date__gte=first, starts_at__date__lt=following)
    return qs.distinct()


def parse_month(value: str):
    try:
        year, month = (int(p) for p in (value or "").split("-"))
        return date(year, month, 1)
    except ValueError:
        return None


# --- who may do what -------------------------------------------------------------------------

def organizer_org_of(user):
    """The certified service institution ``user`` may organise events for, or None."""
    if not user.is_authenticated:
        return None
    org = user.certified_organization
    return org if org is not None and org.kind == OrgKind.INSTITUTION else None


def can_create(user) -> bool:
    return user.is_authenticated and (user.has_perm("events.add_event") or organizer_org_of(user) is not None)


def can_review(user) -> bool:
    return user.is_authenticated and user.has_perm("events.review_event")


def manageable_events(user):
    """Events ``user`` organises (may edit, see registrations of, export, check in)."""
    if not user.is_authenticated:
        return Event.objects.none()
    if user.has_perm("events.manage_all_events"):
        return Event.objects.all()
    cond = Q(pk__in=[])
    city = bureau_city_of(user)
    if city and user.has_perm("events.change_event"):
        cond |= Q(city=city, organizer_org__isnull=True)
    org = organizer_org_of(user)
    if org is not None:
        cond |= Q(organizer_org=org)
    return Event.objects.filter(cond)


def can_manage(user, event) -> bool:
    return manageable_events(user).filter(pk=event.pk).exists()


def review_queue(user):
    if not can_review(user):
        return Event.objects.none()
    return Event.objects.filter(status=Status.IN_REVIEW).order_by("starts_at")


def visible_event(user, pk):
    """The event if ``user`` may read it (public, or one he manages/reviews), else None."""
    event = Event.objects.filter(pk=pk).select_related("organizer_org").first()
    if event is None:
        return None
    if event.status in PUBLIC_STATUSES and event.published_at:
        return event
    if can_review(user) or can_manage(user, event):
        return event
    return None


# --- seats and registrations -----------------------------------------------------------------

def seats_taken(event) -> int:
    """Attendees holding a seat: confirmed registrations and those awaiting approval."""
    return Attendee.objects.filter(registration__event=event, registration__status__in=SEAT_HOLDING).count()


def seats_left(event):
    """Seats still free, or None when the event has no limit."""
    if event.capacity is None:
        return None
    return max(event.capacity - seats_taken(event), 0)


def registration_window(event, now=None):
    """``(open, reason)``: whether registration is open now, and in Chinese why not."""
    now = now or timezone.now()
    if event.status != Status.PUBLISHED:
        return False, _("该活动未在报名中。") if event.status != Status.CANCELLED else _("该活动已取消。")
    if event.ends_at < now:
        return False, _("活动已结束。")
    if event.registration_opens_at and now < event.registration_opens_at:
        return False, _("报名将于 %(time)s 开始。") % {"time": f"{timezone.localtime(event.registration_opens_at):%Y-%m-%d %H:%M}"}
    closes = event.registration_closes_at or event.starts_at
    if now > closes:
        return False, _("报名已截止。")
    return True, ""


def own_registrations(user):
    if not user.is_authenticated:
        return Registration.objects.none()
    return Registration.objects.filter(user=user).select_related("event").prefetch_related("attendees").order_by("-created_at")


def active_registration(event, user):
    if not user.is_authenticated:
        return None
    return (Registration.objects.filter(event=event, user=user, status__in=[RegistrationStatus.PENDING, RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED])
            .prefetch_related("attendees").first())


def registrations_for_event(event):
    return event.registrations.select_related("user", "organization").prefetch_related("attendees").order_by("status", "position", "created_at")


def registrations_for_org(org):
    """Every registration made on behalf of ``org`` (the enterprise archive's section)."""
    return Registration.objects.filter(organization=org).select_related("event").order_by("-event__starts_at")


def waitlist(event):
    return event.registrations.filter(status=RegistrationStatus.WAITLISTED).order_by("position", "created_at")


def registrant_users(event_ids, statuses=(RegistrationStatus.CONFIRMED,)):
    """User ids with a registration of one of ``statuses`` for any of ``event_ids`` (notification audiences)."""
    return Registration.objects.filter(event_id__in=event_ids, status__in=statuses).values("user_id")


def stats(event) -> dict:
    """Registrations and attendees per registration status, seats taken and check-ins."""
    rows = Attendee.objects.filter(registration__event=event).values("registration__status").annotate(n=Count("id"))
    people = {r["registration__status"]: r["n"] for r in rows}
    regs = {r["status"]: r["n"] for r in event.registrations.values("status").annotate(n=Count("id"))}
    by_status = [(label, regs.get(code, 0), people.get(code, 0)) for code, label in RegistrationStatus.choices]
    checked = Attendee.objects.filter(registration__event=event, registration__status=RegistrationStatus.CONFIRMED, checked_in_at__isnull=False).count()
    return {"by_status": by_status, "seats_taken": seats_taken(event), "checked_in": checked}
