"""Reading rating data, with the object-level rules in one place.

* an enterprise sees only its own submissions; the department (DEPT_ADMIN/DEPT_REVIEWER) sees all;
* results are public only once their cycle is published.

``quality_score`` is the public contract matchmaking ranks with.
"""

from decimal import Decimal

from accounts.models import OrgKind
from accounts.roles import DEPT_ADMIN, DEPT_REVIEWER, has_role
from rating.models import CycleStatus, RatingCycle, Submission, SubmissionState

NEUTRAL = 0.5  # an enterprise without a published rating is neither favoured nor penalised
QUALITY_GRADES = ("A", "B")  # the quality-enterprise database (优质企业库)


def is_rating_manager(user) -> bool:
    """Opens and publishes cycles, edits the scorecard."""
    return user.is_authenticated and (user.is_superuser or has_role(user, DEPT_ADMIN))


def is_rating_reviewer(user) -> bool:
    """Scores and returns submissions; sees every enterprise's submission."""
    return user.is_authenticated and (user.is_superuser or has_role(user, DEPT_ADMIN) or has_role(user, DEPT_REVIEWER))


def enterprise_of(user):
    """The certified enterprise ``user`` belongs to, or None."""
    if not user.is_authenticated:
        return None
    org = user.certified_organization
    return org if org is not None and org.kind == OrgKind.ENTERPRISE else None


def can_report_for(user, org) -> bool:
    """Only the enterprise's admin members fill in and submit its self-report."""
    return org is not None and enterprise_of(user) == org and user.is_org_admin


def submissions_visible_to(user):
    """Submissions ``user`` may open: all for reviewers, their own enterprise's otherwise."""
    qs = Submission.objects.select_related("cycle", "organization")
    if is_rating_reviewer(user):
        return qs
    org = enterprise_of(user)
    return qs.filter(organization=org) if org is not None else qs.none()


def can_edit_submission(user, submission) -> bool:
    return (
        submission.state in (SubmissionState.DRAFT, SubmissionState.RETURNED)
        and submission.cycle.status == CycleStatus.OPEN
        and can_report_for(user, submission.organization)
    )


def can_score_submission(user, submission) -> bool:
    return (
        is_rating_reviewer(user)
        and submission.state in (SubmissionState.SUBMITTED, SubmissionState.SCORED)
        and submission.cycle.status in (CycleStatus.OPEN, CycleStatus.REVIEWING)
    )


def review_queue(cycle=None, state=""):
    """Submitted (not draft) submissions for the department's queue, oldest waiting first."""
    qs = Submission.objects.exclude(state=SubmissionState.DRAFT).select_related("cycle", "organization")
    if cycle is not None:
        qs = qs.filter(cycle=cycle)
    if state:
        qs = qs.filter(state=state)
    return qs.order_by("state", "submitted_at", "pk")


def can_see_result(user, submission) -> bool:
    """The total and grade: reviewers always; everyone else once the cycle is published."""
    return is_rating_reviewer(user) or submission.cycle.status == CycleStatus.PUBLISHED


def open_cycle():
    """The cycle enterprises can currently report to, or None."""
    return RatingCycle.objects.filter(status=CycleStatus.OPEN).order_by("-year").first()


def published_cycles():
    return RatingCycle.objects.filter(status=CycleStatus.PUBLISHED).order_by("-year")


def published_results():
    """Scored submissions of published cycles: the only results anyone outside the department sees."""
    return Submission.objects.filter(cycle__status=CycleStatus.PUBLISHED, state=SubmissionState.SCORED, total_score__isnull=False)


def published_grade_list(cycle):
    """One published year's list, best first."""
    return published_results().filter(cycle=cycle).select_related("organization").order_by("-total_score", "organization__name")


def latest_published_result(org):
    """The organisation's most recent published result, or None."""
    if org is None or org.pk is None:
        return None
    return published_results().filter(organization=org).select_related("cycle").order_by("-cycle__year").first()


def latest_published_results(org_ids) -> dict:
    """``{org_id: Submission}`` — each organisation's most recent published result."""
    latest = {}
    for result in published_results().filter(organization_id__in=set(org_ids)).select_related("cycle", "organization"):
        current = latest.get(result.organization_id)
        if current is None or result.cycle.year > current.cycle.year:
            latest[result.organization_id] = result
    return latest


def quality_enterprises(industry=None, city=None) -> list:
    """The quality-enterprise database: each enterprise's latest published result, where that is A or B."""
    results = published_results()
    if industry:
        results = results.filter(organization__industries=industry)
    if city:
        results = results.filter(organization__jurisdiction=city)
    latest = latest_published_results(results.values_list("organization_id", flat=True))
    rows = [r for r in latest.values() if r.grade in QUALITY_GRADES]
    return sorted(rows, key=lambda r: (r.grade, -r.total_score, r.organization.name))


def _as_quality(total) -> float:
    return float(min(max(total / Decimal(100), Decimal(0)), Decimal(1)))


def quality_score(org) -> float:
    """A number in [0, 1] for ranking: the latest published total ÷ 100, or 0.5 when none."""
    result = latest_published_result(org)
    return NEUTRAL if result is None else _as_quality(result.total_score)


def quality_scores(org_ids) -> dict:
    """``{org_id: quality_score}`` for many organisations in one query (ranking many listings)."""
    ids = {i for i in org_ids if i is not None}
    scores = dict.fromkeys(ids, NEUTRAL)
    latest = {}
    rows = published_results().filter(organization_id__in=ids).values_list("organization_id", "cycle__year", "total_score")
    for org_id, year, total in rows:
        if org_id not in latest or year > latest[org_id][0]:
            latest[org_id] = (year, total)
    for org_id, (_, total) in latest.items():
        scores[org_id] = _as_quality(total)
    return scores
