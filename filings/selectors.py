"""Reading filings: who may see which, and who counts as which actor on one filing.

Every list, detail page, export and statistic starts from ``filings_visible_to`` so that
a list and a detail page cannot disagree about what a user may see.
"""

from datetime import timedelta

from django.conf import settings
from django.db.models import Case, DateTimeField, OuterRef, Q, QuerySet, Subquery, When
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import OrgKind
from accounts.roles import DEPT_ADMIN, DEPT_REVIEWER, bureau_city_of, has_role
from filings.models import Filing, FilingReport, ReportKind, ReportState, State
from filings.workflow import CITY_STAGE, PROVINCE_STAGE, Actor


def is_department(user) -> bool:
    """Provincial commerce department staff who review and see every city's filings."""
    return user.is_authenticated and (user.is_superuser or has_role(user, DEPT_REVIEWER) or has_role(user, DEPT_ADMIN))


def enterprise_of(user):
    """The certified enterprise ``user`` files for, or None."""
    if not user.is_authenticated:
        return None
    org = user.certified_organization
    return org if org is not None and org.kind == OrgKind.ENTERPRISE else None


def is_reviewer(user) -> bool:
    return is_department(user) or (user.is_authenticated and bureau_city_of(user) is not None)


def filings_visible_to(user) -> QuerySet:
    """Filings ``user`` may read: its own enterprise's (all states); its city's (not drafts) for a
    city bureau; every non-draft filing for the department; nothing for anyone else."""
    if not user.is_authenticated:
        return Filing.objects.none()
    scope = Q(pk__in=[])
    org = enterprise_of(user)
    if org is not None:
        scope |= Q(organization=org)
    if is_department(user):
        scope |= ~Q(state=State.DRAFT)
    else:
        city = bureau_city_of(user)
        if city is not None:
            scope |= Q(jurisdiction=city) & ~Q(state=State.DRAFT)
    return Filing.objects.filter(scope)


def review_queue(user) -> QuerySet:
    """What ``user`` reviews: the department sees all non-draft filings, a city bureau its city's."""
    if is_department(user):
        return Filing.objects.exclude(state=State.DRAFT)
    city = bureau_city_of(user) if user.is_authenticated else None
    if city is None:
        return Filing.objects.none()
    return Filing.objects.filter(jurisdiction=city).exclude(state=State.DRAFT)


def awaiting_review_by(user) -> QuerySet:
    """Filings waiting for ``user``'s own review step (待我处理): a city bureau's city's filings
    submitted or in first review, the department's those in provincial review."""
    scope = Q(pk__in=[])
    if is_department(user):
        scope |= Q(state__in=PROVINCE_STAGE)
    city = bureau_city_of(user) if user.is_authenticated else None
    if city is not None:
        scope |= Q(jurisdiction=city, state__in=CITY_STAGE)
    return Filing.objects.filter(scope)


def with_review_deadline(filings: QuerySet) -> QuerySet:
    """``filings`` annotated with ``review_deadline``: when the reviewer of the current stage is due
    (as ``next_step`` counts it), None for states no reviewer acts on. The queues sort by it."""
    since = Coalesce("state_changed_at", "updated_at")
    return filings.annotate(review_deadline=Case(
        When(state__in=CITY_STAGE, then=since + timedelta(days=settings.FILINGS_CITY_REVIEW_DAYS)),
        When(state__in=PROVINCE_STAGE, then=since + timedelta(days=settings.FILINGS_PROVINCE_REVIEW_DAYS)),
        default=None, output_field=DateTimeField(),
    ))


def filings_for_org(org) -> QuerySet:
    """Every filing of one organisation, newest first (for the enterprise archive)."""
    return Filing.objects.filter(organization=org).select_related("country", "industry").order_by("-updated_at", "-id")


def actors_for(user, filing) -> set[Actor]:
    """Which workflow actors ``user`` is on ``filing`` (see ``filings.workflow``)."""
    actors = set()
    if not user.is_authenticated:
        return actors
    org = enterprise_of(user)
    if org is not None and org.pk == filing.organization_id:
        actors.add(Actor.ENTERPRISE)
    if is_department(user):
        actors.add(Actor.PROVINCE)
        if filing.state in PROVINCE_STAGE:
            actors.add(Actor.REVIEWER)
    city = bureau_city_of(user)
    if city is not None and city == filing.jurisdiction:
        actors.add(Actor.CITY)
        if filing.state in CITY_STAGE:
            actors.add(Actor.REVIEWER)
    return actors


def can_see_personal_data(user) -> bool:
    return user.is_authenticated and user.has_perm("filings.view_personal_data")


def _progress_reports():
    """Progress reports that count (not returned), newest first, as ``next_step`` reads them."""
    return FilingReport.objects.filter(kind=ReportKind.PROGRESS).exclude(state=ReportState.RETURNED).order_by("-submitted_at")


def with_last_progress(filings: QuerySet) -> QuerySet:
    """``filings`` annotated with ``last_progress_at``, so ``next_step`` needs no query per filing."""
    return filings.annotate(last_progress_at=Subquery(_progress_reports().filter(filing=OuterRef("pk")).values("submitted_at")[:1]))


def next_step(filing, now=None) -> dict:
    """What happens next on ``filing`` and by when: ``{"text", "actor", "deadline", "overdue"}``.

    ``actor`` is ``"enterprise"`` when the enterprise must act, ``"city"``/``"province"`` when it
    waits on a reviewer, or ``""`` when nothing is due. Deadlines come from settings
    (``FILINGS_*_DAYS``). The enterprise archive shows this for each filing.
    """
    now = now or timezone.now()
    since = filing.state_changed_at or filing.updated_at or now
    days = None
    state = filing.state
    if state == State.DRAFT:
        text, actor = _("完善信息并提交备案"), "enterprise"
        deadline = filing.start_date
    elif state == State.RETURNED:
        text, actor, days = _("按退回意见修改后重新提交"), "enterprise", settings.FILINGS_RESUBMIT_DAYS
    elif state in CITY_STAGE:
        text, actor, days = _("等待市州商务局初审"), "city", settings.FILINGS_CITY_REVIEW_DAYS
    elif state in PROVINCE_STAGE:
        text, actor, days = _("等待省商务厅审核"), "province", settings.FILINGS_PROVINCE_REVIEW_DAYS
    elif state == State.FILED:
        if hasattr(filing, "last_progress_at"):  # annotated by with_last_progress
            last_at = filing.last_progress_at
        else:
            last_at = _progress_reports().filter(filing=filing).values_list("submitted_at", flat=True).first()
        since = last_at or filing.filed_at or since
        text, actor, days = _("报送项目进展报告"), "enterprise", settings.FILINGS_PROGRESS_INTERVAL_DAYS
    else:
        return {"text": _("无需操作"), "actor": "", "deadline": None, "overdue": False}
    # Calendar days in Shanghai (TIME_ZONE), not UTC: a filing changed at 07:00 in Changsha is due
    # on the day after that Changsha day, and it is overdue from Changsha's midnight.
    if days is not None:
        deadline = timezone.localdate(since + timedelta(days=days))
    overdue = deadline is not None and deadline < timezone.localdate(now)
    return {"text": text, "actor": actor, "deadline": deadline, "overdue": overdue}


def time_in_state(filing, now=None) -> timedelta:
    now = now or timezone.now()
    return now - (filing.state_changed_at or filing.updated_at or now)
