"""Who sees which dispatch filings: the enterprise its own, a city bureau its city's, the department all."""

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.roles import bureau_city_of
from filings.selectors import enterprise_of, is_department
from labour.models import DispatchFiling, Qualification, State


def qualification_of(org):
    """The enterprise's labour-cooperation qualification if it is valid today, else None."""
    if org is None:
        return None
    qual = Qualification.objects.filter(organization=org).first()
    return qual if qual is not None and qual.is_valid_on(timezone.localdate()) else None


def dispatches_visible_to(user) -> QuerySet:
    """Own enterprise's filings in every state; reviewers see submitted ones of their scope."""
    if not user.is_authenticated:
        return DispatchFiling.objects.none()
    scope = Q(pk__in=[])
    org = enterprise_of(user)
    if org is not None:
        scope |= Q(organization=org)
    not_draft = ~Q(state=State.DRAFT)
    if is_department(user):
        scope |= not_draft
    else:
        city = bureau_city_of(user)
        if city is not None:
            scope |= Q(jurisdiction=city) & not_draft
    return DispatchFiling.objects.filter(scope).select_related("organization", "country")


def review_queue(user) -> QuerySet:
    if is_department(user):
        qs = DispatchFiling.objects.exclude(state=State.DRAFT)
    else:
        city = bureau_city_of(user) if user.is_authenticated else None
        if city is None:
            return DispatchFiling.objects.none()
        qs = DispatchFiling.objects.filter(jurisdiction=city).exclude(state=State.DRAFT)
    return qs.select_related("organization", "country")


def can_edit(user, filing) -> bool:
    org = enterprise_of(user)
    return org is not None and org.pk == filing.organization_id and filing.editable


def can_review(user, filing) -> bool:
    if filing.state != State.SUBMITTED:
        return False
    return is_department(user) or (user.is_authenticated and bureau_city_of(user) == filing.jurisdiction)


def dispatches_for_org(org) -> QuerySet:
    """Every dispatch filing of one organisation (for the enterprise archive)."""
    return DispatchFiling.objects.filter(organization=org).select_related("country").order_by("-updated_at")


REVIEW_DAYS = 7  # calendar days the reviewers aim to decide in (5 working days)
RESUBMIT_DAYS = 10  # days an enterprise has to correct a returned filing


def next_step(filing) -> tuple[str, object]:
    """``(text, deadline)`` of what happens next on ``filing`` ("" when nothing is due)."""
    from datetime import timedelta

    if filing.state == State.DRAFT:
        return _("导入人员名单并提交备案"), filing.start_date
    if filing.state == State.RETURNED:
        return _("按退回意见修改后重新提交"), (filing.reviewed_at + timedelta(days=RESUBMIT_DAYS)) if filing.reviewed_at else None
    if filing.state == State.SUBMITTED:
        return _("等待商务主管部门审核"), (filing.submitted_at + timedelta(days=REVIEW_DAYS)) if filing.submitted_at else None
    return "", None
