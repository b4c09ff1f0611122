"""Zone report changes: save, submit, return, score, publish. Each is audited and notifies."""

from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.roles import DEPT_ADMIN, DEPT_REVIEWER
from audit.services import log
from filings.selectors import is_department
from notifications.services import notify
from zones.models import Indicator, Score, State, ZoneReport, grade_for, weighted_total
from zones.selectors import can_edit, can_manage_scorecard, can_score, zone_of


def _department_users():
    return list(get_user_model().objects.filter(groups__name__in=[DEPT_ADMIN.group_name, DEPT_REVIEWER.group_name], is_active=True).distinct())


def save_report(*, by, year: int, data: dict, report=None, request=None) -> ZoneReport:
    zone = zone_of(by)
    if zone is None:
        raise PermissionDenied(_("只有已认证的境外经贸合作区账号可以填报"))
    if report is None:
        if ZoneReport.objects.filter(zone=zone, year=year).exists():
            raise ValidationError(_("%(year)s 年度的考核材料已经存在，请在原记录上修改") % {"year": year})
        report = ZoneReport(zone=zone, year=year)
    elif not can_edit(by, report):
        raise PermissionDenied(_("该年度考核材料当前不能修改"))
    for field, value in data.items():
        setattr(report, field, value)
    report.save()
    log("zones.save", actor=by, request=request, target=report)
    return report


def submit(report, *, by, request=None):
    if not can_edit(by, report):
        raise PermissionDenied(_("该年度考核材料当前不能提交"))
    report.state = State.SUBMITTED
    report.submitted_at = timezone.now()
    report.return_comment = ""
    report.save()
    log("zones.submit", actor=by, request=request, target=report)
    notify(_department_users(), kind="zones.submitted", title=_("园区年度考核材料待评分：%(zone)s（%(year)s）") % {"zone": report.zone.name, "year": report.year}, url=reverse("zones:detail", args=[report.pk]))


def return_report(report, *, by, comment: str, request=None):
    if not can_score(by, report) or report.state != State.SUBMITTED:
        raise PermissionDenied(_("只能退回待评分的考核材料"))
    if not comment.strip():
        raise ValidationError(_("请填写退回理由"))
    report.state = State.DRAFT
    report.return_comment = comment.strip()
    report.save()
    log("zones.return", actor=by, request=request, target=report, detail={"comment": comment})
    notify(list(report.zone.members.filter(is_active=True)), kind="zones.returned", title=_("%(year)s 年度园区考核材料被退回") % {"year": report.year}, body=comment, url=reverse("zones:detail", args=[report.pk]))


@transaction.atomic
def score(report, *, by, scores: dict, comments: dict | None = None, request=None) -> Decimal:
    """Score every active indicator (0–100); stores the weighted total and grade."""
    if not can_score(by, report):
        raise PermissionDenied(_("您无权为该考核材料评分"))
    indicators = list(Indicator.objects.filter(active=True))
    if not indicators:
        raise ValidationError(_("考核指标尚未配置"))
    comments = comments or {}
    pairs = []
    for ind in indicators:
        value = scores.get(ind.pk)
        if value is None:
            raise ValidationError(_("请为“%(indicator)s”打分") % {"indicator": ind.name})
        value = Decimal(value)
        if not 0 <= value <= 100:
            raise ValidationError(_("“%(indicator)s”的得分应在 0–100 之间") % {"indicator": ind.name})
        Score.objects.update_or_create(report=report, indicator=ind, defaults={"indicator_name": ind.name, "weight": ind.weight, "score": value, "comment": comments.get(ind.pk, "")[:300]})
        pairs.append((value, ind.weight))
    report.scores.exclude(indicator__in=indicators).delete()
    report.total_score = weighted_total(pairs)
    report.grade = grade_for(report.total_score)
    report.state = State.SCORED
    report.scored_by, report.scored_at = by, timezone.now()
    report.save()
    log("zones.score", actor=by, request=request, target=report, detail={"total": str(report.total_score)})
    return report.total_score


@transaction.atomic
def publish_year(year: int, *, by, request=None) -> int:
    """Publish every scored report of ``year``; returns how many were published."""
    if not is_department(by):
        raise PermissionDenied(_("只有省商务厅可以公布考核结果"))
    if ZoneReport.objects.filter(year=year, state=State.SUBMITTED).exists():
        raise ValidationError(_("还有未评分的考核材料，全部评分后才能公布"))
    reports = list(ZoneReport.objects.filter(year=year, state=State.SCORED).select_related("zone"))
    now = timezone.now()
    for r in reports:
        r.state, r.published_at = State.PUBLISHED, now
        r.save(update_fields=["state", "published_at", "updated_at"])
        notify(list(r.zone.members.filter(is_active=True)), kind="zones.published", title=_("%(year)s 年度园区考核结果已公布：%(grade)s（%(total)s 分）") % {"year": year, "grade": r.grade_label, "total": r.total_score}, url=reverse("zones:results", args=[year]))
    log("zones.publish", actor=by, request=request, detail={"year": year, "count": len(reports)})
    return len(reports)


def save_scorecard(formset, *, by, request=None):
    """Save the department's edits to the scorecard (indicators and weights)."""
    if not can_manage_scorecard(by):
        raise PermissionDenied(_("只有省商务厅管理员可以修改考核指标"))
    with transaction.atomic():
        saved = formset.save()
    log("zones.scorecard", actor=by, request=request, detail={"indicators": [f"{i.name}:{i.weight}:{int(i.active)}" for i in saved]})
    return saved


REMINDER_KIND = "zones.reminder"


def remind_missing_reports(today=None) -> int:
    """From 1 January to 31 March, remind each zone that has not submitted last year's report.

    Idempotent: a zone's members get one reminder per year (checked against sent messages).
    Returns how many zones were reminded.
    """
    from accounts.models import CertificationStatus, InstitutionType, Organization
    from notifications.models import Message

    today = today or timezone.localdate()
    if today.month > 3:
        return 0
    year = today.year - 1
    title = _("请于 3 月 31 日前提交 %(year)s 年度园区考核材料") % {"year": year}
    done = ZoneReport.objects.filter(year=year).exclude(state=State.DRAFT).values("zone_id")
    zones = Organization.objects.filter(institution_type=InstitutionType.OVERSEAS_ZONE, status=CertificationStatus.CERTIFIED).exclude(pk__in=done)
    reminded = 0
    for zone in zones:
        members = [m for m in zone.members.filter(is_active=True) if not Message.objects.filter(recipient=m, kind=REMINDER_KIND, title=title).exists()]
        if members:
            notify(members, kind=REMINDER_KIND, title=title, body=_("逾期未报将影响年度考核结果。"), url=reverse("zones:mine"))
            reminded += 1
    return reminded
