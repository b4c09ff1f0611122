"""Changes to the annual rating: open, self-report, submit, return, score, publish.

Each function checks permission and state, changes the data in one transaction, writes an
audit entry and notifies the people concerned.
"""

from decimal import Decimal, InvalidOperation

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.models import CertificationStatus, OrgKind, OrgRole
from accounts.roles import DEPT_ADMIN, DEPT_REVIEWER
from audit.services import log
from notifications.services import notify
from rating import computed, scoring
from rating.models import Answer, CycleStatus, Indicator, IndicatorKind, Submission, SubmissionState
from rating.selectors import can_edit_submission, can_report_for, can_score_submission, is_rating_manager


def _department_users():
    names = [DEPT_ADMIN.group_name, DEPT_REVIEWER.group_name]
    return list(get_user_model().objects.filter(groups__name__in=names, is_active=True).distinct())


def _org_members(org):
    return list(org.members.filter(is_active=True))


def indicators_of(cycle):
    return list(Indicator.objects.filter(dimension__cycle=cycle).select_related("dimension"))


def _auto_score(indicator, value):
    if value is None:
        return None
    return scoring.scaled_score(value, zero_at=indicator.zero_at, full_at=indicator.full_at, max_score=indicator.max_score)


@transaction.atomic
def open_cycle(cycle, *, by, request=None):
    """Open a prepared cycle for self-reporting and tell every certified enterprise's admins."""
    if not is_rating_manager(by):
        raise PermissionDenied(_("只有省商务厅管理员可以开启年度评价"))
    if cycle.status != CycleStatus.DRAFT:
        raise ValidationError(_("只有筹备中的评价年度可以开启"))
    if not indicators_of(cycle):
        raise ValidationError(_("该年度还没有评价指标，请先配置维度和指标"))
    cycle.full_clean()
    cycle.status = CycleStatus.OPEN
    cycle.save(update_fields=["status"])
    log("rating.cycle_open", actor=by, request=request, target=cycle)
    admins = get_user_model().objects.filter(
        is_active=True, org_role=OrgRole.ADMIN, organization__kind=OrgKind.ENTERPRISE, organization__status=CertificationStatus.CERTIFIED
    )
    notify(
        list(admins),
        kind="rating.cycle_opened",
        title=_("%(year)s 年度走出去优质企业评价开始填报") % {"year": cycle.year},
        body=_("填报时间 %(start)s 至 %(end)s。") % {"start": f"{cycle.opens_on:%Y-%m-%d}", "end": f"{cycle.closes_on:%Y-%m-%d}"},
        url=reverse("rating:mine"),
    )


def close_reporting(cycle, *, by, request=None):
    """End self-reporting; reviewers finish scoring before publication."""
    if not is_rating_manager(by):
        raise PermissionDenied(_("只有省商务厅管理员可以结束填报"))
    if cycle.status != CycleStatus.OPEN:
        raise ValidationError(_("只有填报中的评价年度可以结束填报"))
    cycle.status = CycleStatus.REVIEWING
    cycle.save(update_fields=["status"])
    log("rating.cycle_close", actor=by, request=request, target=cycle)


def _parse_value(raw, indicator):
    if raw in (None, ""):
        return None
    try:
        value = Decimal(str(raw))
    except InvalidOperation:
        raise ValidationError(_("“%(indicator)s”须填写数字") % {"indicator": indicator.name}) from None
    if not value.is_finite() or abs(value) >= Decimal("1e12"):
        raise ValidationError(_("“%(indicator)s”的数值超出范围") % {"indicator": indicator.name})
    return value


@transaction.atomic
def save_draft(cycle, org, *, by, values: dict, notes: dict | None = None, request=None) -> Submission:
    """Save the enterprise's self-report (``values``: indicator id → number) as a draft."""
    if not can_report_for(by, org):
        raise PermissionDenied(_("只有本企业的管理员可以填报年度评价"))
    if cycle.status != CycleStatus.OPEN:
        raise ValidationError(_("该评价年度当前不在填报期"))
    today = timezone.localdate()
    if not (cycle.opens_on <= today <= cycle.closes_on):
        raise ValidationError(_("填报时间为 %(start)s 至 %(end)s") % {"start": f"{cycle.opens_on:%Y-%m-%d}", "end": f"{cycle.closes_on:%Y-%m-%d}"})
    submission, _created = Submission.objects.select_for_update().get_or_create(cycle=cycle, organization=org, defaults={"created_by": by})
    if not can_edit_submission(by, submission):
        raise ValidationError(_("已提交的申报不能修改"))
    notes = notes or {}
    for indicator in indicators_of(cycle):
        if indicator.kind != IndicatorKind.SELF_NUMERIC and indicator.pk not in notes:
            continue
        value = _parse_value(values.get(indicator.pk), indicator) if indicator.kind == IndicatorKind.SELF_NUMERIC else None
        Answer.objects.update_or_create(
            submission=submission,
            indicator=indicator,
            defaults={"value": value, "note": (notes.get(indicator.pk) or "")[:2000], "auto_score": _auto_score(indicator, value)},
        )
    submission.save(update_fields=["updated_at"])
    log("rating.save", actor=by, request=request, target=submission)
    return submission


@transaction.atomic
def submit(submission, *, by, request=None):
    """Submit for review: every self-reported figure present, platform figures computed now."""
    if not can_edit_submission(by, submission):
        raise PermissionDenied(_("该申报当前不能提交"))
    answers = {a.indicator_id: a for a in submission.answers.all()}
    missing = [i.name for i in indicators_of(submission.cycle) if i.kind == IndicatorKind.SELF_NUMERIC and (i.pk not in answers or answers[i.pk].value is None)]
    if missing:
        raise ValidationError(_("以下指标尚未填写：%(indicators)s") % {"indicators": _("、").join(missing)})
    for indicator in indicators_of(submission.cycle):
        if indicator.kind == IndicatorKind.COMPUTED:
            value = computed.value_of(indicator.source, submission.organization)
            Answer.objects.update_or_create(
                submission=submission, indicator=indicator, defaults={"value": value, "auto_score": _auto_score(indicator, value)}
            )
    submission.state = SubmissionState.SUBMITTED
    submission.submitted_at = timezone.now()
    submission.return_comment = ""
    submission.save()
    log("rating.submit", actor=by, request=request, target=submission)
    notify(
        _department_users(),
        kind="rating.submission_received",
        title=_("优质企业评价申报待评审：%(organization)s（%(year)s）") % {"organization": submission.organization.name, "year": submission.cycle.year},
        url=reverse("rating:detail", args=[submission.pk]),
    )


@transaction.atomic
def return_submission(submission, *, by, comment: str, request=None):
    if not can_score_submission(by, submission) or submission.state != SubmissionState.SUBMITTED:
        raise PermissionDenied(_("只能退回待评审的申报"))
    comment = (comment or "").strip()
    if not comment:
        raise ValidationError(_("请填写退回理由"))
    submission.state = SubmissionState.RETURNED
    submission.return_comment = comment[:2000]
    submission.save()
    log("rating.return", actor=by, request=request, target=submission, detail={"comment": comment[:200]})
    notify(
        _org_members(submission.organization),
        kind="rating.returned",
        title=_("%(year)s 年度优质企业评价申报被退回修改") % {"year": submission.cycle.year},
        body=comment,
        url=reverse("rating:detail", args=[submission.pk]),
    )


def _check_score(indicator, score):
    if score is None:
        raise ValidationError(_("请为“%(indicator)s”打分") % {"indicator": indicator.name})
    if not (Decimal(0) <= score <= indicator.max_score):
        raise ValidationError(_("“%(indicator)s”的得分须在 0 至 %(max)s 之间") % {"indicator": indicator.name, "max": indicator.max_score})


@transaction.atomic
def score(submission, *, by, scores: dict, comments: dict | None = None, request=None) -> Decimal:
    """Record the reviewer's scores and compute the total and grade.

    ``scores`` maps indicator id → score; an automatically scored indicator keeps its automatic
    score when left out, and changing it needs a comment saying why.
    """
    if not can_score_submission(by, submission):
        raise PermissionDenied(_("您无权为该申报评分"))
    comments = comments or {}
    cycle = submission.cycle
    items = []
    for indicator in indicators_of(cycle):
        answer, _created = Answer.objects.get_or_create(submission=submission, indicator=indicator)
        given = scores.get(indicator.pk)
        comment = (comments.get(indicator.pk) or "").strip()
        if given is None and indicator.kind != IndicatorKind.REVIEWER:
            given = answer.auto_score
        given = None if given is None else Decimal(given)
        _check_score(indicator, given)
        if answer.auto_score is not None and given != answer.auto_score and not comment:
            raise ValidationError(_("调整“%(indicator)s”的自动得分须填写评审意见") % {"indicator": indicator.name})
        answer.score, answer.comment = given, comment[:1000]
        answer.save(update_fields=["score", "comment"])
        items.append((given, indicator.max_score, indicator.weight))
    submission.total_score = scoring.weighted_total(items)
    submission.grade = scoring.grade_for(submission.total_score, a_min=cycle.grade_a_min, b_min=cycle.grade_b_min, c_min=cycle.grade_c_min)
    submission.state = SubmissionState.SCORED
    submission.reviewer, submission.scored_at = by, timezone.now()
    submission.save()
    log("rating.score", actor=by, request=request, target=submission, detail={"total": str(submission.total_score), "grade": submission.grade})
    return submission.total_score


@transaction.atomic
def publish(cycle, *, by, request=None) -> int:
    """Publish a cycle: its scored results become public and feed matchmaking. Returns the count."""
    if not is_rating_manager(by):
        raise PermissionDenied(_("只有省商务厅管理员可以公布评价结果"))
    if cycle.status not in (CycleStatus.OPEN, CycleStatus.REVIEWING):
        raise ValidationError(_("该评价年度不能公布"))
    waiting = cycle.submissions.filter(state=SubmissionState.SUBMITTED).count()
    if waiting:
        raise ValidationError(ngettext("还有 %(n)s 份申报未评分，全部评分后才能公布", "还有 %(n)s 份申报未评分，全部评分后才能公布", waiting) % {"n": waiting})
    results = list(cycle.submissions.filter(state=SubmissionState.SCORED).select_related("organization"))
    cycle.status, cycle.published_at = CycleStatus.PUBLISHED, timezone.now()
    cycle.save(update_fields=["status", "published_at"])
    log("rating.publish", actor=by, request=request, target=cycle, detail={"year": cycle.year, "count": len(results)})
    for result in results:
        notify(
            _org_members(result.organization),
            kind="rating.result_published",
            title=_("%(year)s 年度优质企业评价结果已公布：%(grade)s 级（%(total)s 分）") % {"year": cycle.year, "grade": result.grade, "total": result.total_score},
            url=reverse("rating:results", args=[cycle.year]),
        )
    return len(results)
