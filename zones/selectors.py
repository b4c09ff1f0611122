"""Who sees which zone reports: a zone its own, the department all, the public only published results."""

from accounts.models import InstitutionType
from accounts.roles import DEPT_ADMIN, has_role
from filings.selectors import is_department
from zones.models import State, ZoneReport


def zone_of(user):
    """The certified overseas-zone organisation ``user`` acts for, or None."""
    org = user.certified_organization if user.is_authenticated else None
    return org if org is not None and org.institution_type == InstitutionType.OVERSEAS_ZONE else None


def reports_visible_to(user):
    """The reports ``user`` may read: the department all, a zone its own (whatever their state)."""
    qs = ZoneReport.objects.select_related("zone")
    if is_department(user):
        return qs
    zone = zone_of(user)
    return qs.filter(zone=zone) if zone else qs.none()


def sees_reports_of(user, zone) -> bool:
    """Whether ``user`` reads the annual reports of ``zone`` — the rule of ``reports_visible_to``
    for one zone, for what cannot be read off the reports themselves (a report not yet filed)."""
    if is_department(user):
        return True
    own = zone_of(user)
    return own is not None and own.pk == zone.pk


def can_edit(user, report) -> bool:
    zone = zone_of(user)
    return zone is not None and zone.pk == report.zone_id and report.state == State.DRAFT


def can_score(user, report) -> bool:
    return is_department(user) and report.state in (State.SUBMITTED, State.SCORED)


def published_years():
    return list(ZoneReport.objects.filter(state=State.PUBLISHED).values_list("year", flat=True).distinct().order_by("-year"))


def published_results(year):
    return ZoneReport.objects.filter(state=State.PUBLISHED, year=year).select_related("zone").prefetch_related("scores").order_by("-total_score", "zone__name")


def reports_for_org(org):
    return ZoneReport.objects.filter(zone=org).order_by("-year")


def can_manage_scorecard(user) -> bool:
    return user.is_authenticated and (user.is_superuser or has_role(user, DEPT_ADMIN))
