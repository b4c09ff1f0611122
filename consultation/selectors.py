"""Who sees which enquiries, and the figures of the dashboard.

Object-level rules live here so lists, detail pages and actions agree:
* the provincial department's admins and the platform operators (coordinators) see everything;
* other staff see enquiries routed to one of their groups or assigned to them;
* a city bureau additionally sees enquiries about its city — and never another city's;
* askers see their own enquiries; everyone sees only *public* replies in the FAQ.
"""

import statistics
from collections import defaultdict

from django.db.models import Q
from django.utils import timezone

from accounts.roles import DEPT_ADMIN, OPERATOR, bureau_city_of, has_role
from consultation.models import Enquiry, Event, Status, TeamLead
from consultation.working_days import add_working_days, end_of_day


def is_coordinator(user) -> bool:
    return user.is_authenticated and (user.is_superuser or has_role(user, DEPT_ADMIN) or has_role(user, OPERATOR))


def enquiries_visible_to(user):
    """Enquiries ``user`` may handle as staff (not their own questions as an asker)."""
    if not user.is_authenticated or not user.is_staff:
        return Enquiry.objects.none()
    if is_coordinator(user):
        return Enquiry.objects.all()
    city = bureau_city_of(user)
    if city:
        return Enquiry.objects.filter(Q(city=city) | Q(group__in=user.groups.all(), city=""))
    return Enquiry.objects.filter(Q(group__in=user.groups.all()) | Q(assignee=user)).distinct()


def can_handle(user, enquiry) -> bool:
    return enquiries_visible_to(user).filter(pk=enquiry.pk).exists()


def can_reassign(user, enquiry) -> bool:
    return is_coordinator(user) or TeamLead.objects.filter(group_id=enquiry.group_id, lead=user).exists()


def own_enquiries(user):
    if not user.is_authenticated:
        return Enquiry.objects.none()
    return Enquiry.objects.filter(asker=user)


def timeline(enquiry, *, staff: bool):
    """The enquiry's events; askers see replies, follow-up questions, rating and closing only."""
    events = enquiry.events.select_related("actor")
    if staff:
        return list(events)
    return [e for e in events if not e.internal and e.kind != Event.Kind.NOTE]


def faq(category="", q=""):
    """Enquiries with a public reply; the asker is never shown."""
    qs = Enquiry.objects.filter(in_faq=True).prefetch_related("events")
    if category:
        qs = qs.filter(category=category)
    if q:
        qs = qs.filter(Q(subject__contains=q) | Q(body__contains=q))
    return qs.order_by("-answered_at", "-pk")


def due_soon_cutoff(now=None):
    now = now or timezone.now()
    return end_of_day(add_working_days(timezone.localdate(now), 1))


def group_board(qs, now=None):
    """Per group: open, due within one working day, overdue."""
    now = now or timezone.now()
    soon = due_soon_cutoff(now)
    rows = defaultdict(lambda: {"open": 0, "due_soon": 0, "overdue": 0})
    for group, due_at in qs.filter(status=Status.OPEN).values_list("group__name", "due_at"):
        row = rows[group]
        row["open"] += 1
        if due_at < now:
            row["overdue"] += 1
        elif due_at <= soon:
            row["due_soon"] += 1
    return dict(sorted(rows.items()))


def _summary(items):
    answered = [e for e in items if e.first_response_at]
    hours = [(e.first_response_at - e.created_at).total_seconds() / 3600 for e in answered]
    ratings = [e.rating for e in items if e.rating]
    return {
        "count": len(items),
        "answered": len(answered),
        "median_first_response_hours": round(statistics.median(hours), 1) if hours else None,
        "on_time_rate": round(100 * sum(1 for e in answered if e.first_response_at <= e.due_at) / len(answered), 1) if answered else None,
        "satisfaction": round(sum(ratings) / len(ratings), 2) if ratings else None,
    }


def performance(qs):
    """Median first-response time, on-time rate and satisfaction: overall and by month, category and city."""
    items = list(qs.only("created_at", "first_response_at", "due_at", "rating", "category", "city"))
    by = {"month": defaultdict(list), "category": defaultdict(list), "city": defaultdict(list)}
    for e in items:
        by["month"][timezone.localtime(e.created_at).strftime("%Y-%m")].append(e)
        by["category"][e.category].append(e)
        by["city"][e.city or "province"].append(e)
    return {"overall": _summary(items), **{key: {k: _summary(v) for k, v in sorted(groups.items())} for key, groups in by.items()}}
