"""Changing filings: one function per workflow transition, plus drafts, attachments and reports.

Each function checks the actor and the state, changes the filing, writes a ``FilingEvent``
and an audit entry and notifies the people who act next, in one transaction.
"""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.roles import DEPT_ADMIN, DEPT_REVIEWER, city_bureau_role
from audit.services import log
from filings import materials
from filings.attachments import validate_upload
from filings.models import Filing, FilingAttachment, FilingEvent, FilingReport, Kind, ReportKind, ReportState, State
from filings.money import MissingRate, to_usd
from filings.numbering import number, year_prefix
from filings.selectors import actors_for, enterprise_of
from filings.workflow import EDITABLE_STATES, TRANSITIONS, Actor
from notifications.services import notify


class InvalidTransition(ValidationError):
    """The filing is not in a state the transition starts from, or a required comment is missing."""


# --- who hears about it -------------------------------------------------------------------

def enterprise_members(filing):
    return list(get_user_model().objects.filter(organization_id=filing.organization_id, is_active=True))


def city_reviewers(filing):
    if filing.is_province_level:
        return []
    group = city_bureau_role(filing.jurisdiction).group_name
    return list(get_user_model().objects.filter(groups__name=group, is_active=True).distinct())


def department_reviewers():
    names = [DEPT_REVIEWER.group_name, DEPT_ADMIN.group_name]
    return list(get_user_model().objects.filter(groups__name__in=names, is_active=True).distinct())


def reviewers_for(filing):
    """The people who act on ``filing`` in its current state."""
    if filing.state in (State.SUBMITTED, State.CITY_REVIEW):
        return city_reviewers(filing)
    if filing.state == State.PROVINCIAL_REVIEW:
        return department_reviewers()
    return []


def _detail_url(filing):
    return reverse("filings:detail", args=[filing.pk])


# --- drafts ---------------------------------------------------------------------------------

def _require_enterprise(filing, by):
    if Actor.ENTERPRISE not in actors_for(by, filing):
        raise PermissionDenied(_("只有申报企业的成员可以修改本备案"))


def create_filing(*, by, kind, data: dict, request=None) -> Filing:
    """Create a draft for ``by``'s certified enterprise from cleaned form ``data``."""
    org = enterprise_of(by)
    if org is None:
        raise PermissionDenied(_("只有已认证企业的成员可以申报项目"))
    filing = Filing(organization=org, kind=kind, jurisdiction=org.jurisdiction, ownership=org.ownership, created_by=by, state=State.DRAFT)
    _assign(filing, data)
    filing.chinese_party = filing.chinese_party or org.name
    filing.state_changed_at = timezone.now()
    with transaction.atomic():
        filing.save()
        log("filing.create", actor=by, request=request, target=filing, detail={"kind": kind})
    return filing


def update_filing(filing, *, by, data: dict, request=None) -> Filing:
    """Save the enterprise's edits of a draft or returned filing."""
    _require_enterprise(filing, by)
    if filing.state not in EDITABLE_STATES:
        raise InvalidTransition(_("备案处于“%(state)s”状态，不能修改") % {"state": filing.get_state_display()})
    _assign(filing, data)
    with transaction.atomic():
        filing.save()
        log("filing.update", actor=by, request=request, target=filing)
    return filing


def _assign(filing, data):
    for field, value in data.items():
        setattr(filing, field, value)
    filing.amount_usd = to_usd(filing.amount, filing.currency)


# --- transitions ----------------------------------------------------------------------------

def _transition(filing, name, *, by, comment="", request=None):
    transition = TRANSITIONS[name]
    given = filing
    try:
        with transaction.atomic():
            # Who may act depends on the state, so it is decided on the locked row: a filing forwarded
            # by someone else a moment ago is no longer the city reviewer's to return.
            filing = Filing.objects.select_for_update().select_related("organization").get(pk=filing.pk)
            if not transition.actors & actors_for(by, filing):
                raise PermissionDenied(_("您无权对该备案执行“%(action)s”") % {"action": transition.label})
            if filing.state not in transition.sources:
                raise InvalidTransition(_("备案处于“%(state)s”状态，不能%(action)s") % {"state": filing.get_state_display(), "action": transition.label})
            comment = (comment or "").strip()
            if transition.comment_required and not comment:
                raise InvalidTransition(_("%(action)s须填写意见或理由") % {"action": transition.label})
            source = filing.state
            filing.state = transition.target_for(filing)
            now = timezone.now()
            filing.state_changed_at = now
            if name == "submit":
                _check_complete(filing)
                filing.submitted_at = filing.submitted_at or now
            if name == "file":
                filing.filed_at = now
                _save_with_number(filing, now)
            else:
                filing.save()
            FilingEvent.objects.create(filing=filing, action=name, from_state=source, to_state=filing.state, actor=by, comment=comment)
            log(f"filing.{name}", actor=by, request=request, target=filing, detail={"from": source, "to": filing.state, "comment": comment})
            _notify(filing, transition, by, comment, source)
    except PermissionDenied:
        # Logged after the rollback so the refusal is kept.
        log(f"filing.{name}", actor=by, request=request, target=filing, outcome="denied")
        raise
    given.refresh_from_db()
    return filing


def _save_with_number(filing, now, attempts=5):
    """Save a filing with the next free number of its kind and year.

    Numbers are unique in the database (``filing_number_unique``); two reviewers filing at the same
    moment may both pick the same next number, and the second then takes the one after.
    """
    for attempt in range(attempts):
        filing.number = _next_number(filing, now)
        try:
            with transaction.atomic():
                filing.save()
            return
        except IntegrityError as exc:
            if attempt == attempts - 1:
                raise InvalidTransition(_("备案编号分配冲突（多人同时办理），请稍后再试")) from exc


def _check_complete(filing):
    missing = []
    if filing.kind == Kind.INVESTMENT and not filing.investment_mode:
        missing.append(_("投资方式"))
    if filing.kind in (Kind.CONTRACTING, Kind.LABOUR) and not filing.foreign_party:
        missing.append(_("外方主体"))
    if filing.kind == Kind.LABOUR and not filing.workers_sent:
        missing.append(_("派出人数"))
    if missing:
        raise InvalidTransition(_("提交前请补全：%(fields)s") % {"fields": _("、").join(missing)})
    documents = materials.missing(filing)
    if documents:
        raise InvalidTransition(_("提交前请上传办事指南要求的材料：%(materials)s") % {"materials": _("、").join(documents)})


def _next_number(filing, now):
    prefix = year_prefix(filing.kind, now.year)
    # Zero-padded, so the greatest string is the greatest number.
    last = Filing.objects.filter(number__startswith=prefix).order_by("-number").values_list("number", flat=True).first()
    taken = int(last[len(prefix) : len(prefix) + 5]) if last else 0
    return number(prefix, taken + 1)


def _notify(filing, transition, by, comment, source=None):
    state = filing.state
    title = _("%(project)s：%(what)s") % {"project": filing.project_name, "what": transition.label}
    values = {"organization": filing.organization.name, "kind": filing.get_kind_display(), "state": filing.get_state_display(), "comment": comment}
    if comment:
        body = _("%(organization)s的%(kind)s备案现为“%(state)s”。意见：%(comment)s") % values
    else:
        body = _("%(organization)s的%(kind)s备案现为“%(state)s”。") % values
    if state in (State.SUBMITTED, State.CITY_REVIEW, State.PROVINCIAL_REVIEW) and transition.name in ("submit", "forward"):
        recipients = reviewers_for(filing)
    elif transition.name == "withdraw":
        # Whoever held the filing (the department only once it reached provincial review, the city
        # bureau that handled it) and the enterprise's other members.
        held_by_department = source == State.PROVINCIAL_REVIEW or filing.is_province_level
        recipients = city_reviewers(filing) + (department_reviewers() if held_by_department else []) + enterprise_members(filing)
    elif transition.name == "cancel":
        recipients = enterprise_members(filing) + department_reviewers() + city_reviewers(filing)
    else:
        recipients = enterprise_members(filing)
    recipients = [u for u in {u.pk: u for u in recipients}.values() if u.pk != by.pk]
    if recipients:
        notify(recipients, kind=f"filing.{transition.name}", title=title, body=body, url=_detail_url(filing))


def submit_filing(filing, *, by, comment="", request=None):
    """Enterprise submits a draft or returned filing (province-level enterprises go straight to the department)."""
    return _transition(filing, "submit", by=by, comment=comment, request=request)


def start_review(filing, *, by, comment="", request=None):
    """The city bureau takes a submitted filing into preliminary review."""
    return _transition(filing, "start_review", by=by, comment=comment, request=request)


def forward_filing(filing, *, by, comment="", request=None):
    """The city bureau passes its preliminary review and sends the filing to the department."""
    return _transition(filing, "forward", by=by, comment=comment, request=request)


def return_filing(filing, *, by, comment, request=None):
    """The current reviewer sends the filing back to the enterprise with reasons."""
    return _transition(filing, "return", by=by, comment=comment, request=request)


def reject_filing(filing, *, by, comment, request=None):
    """The current reviewer refuses the filing, with reasons."""
    return _transition(filing, "reject", by=by, comment=comment, request=request)


def file_filing(filing, *, by, comment="", request=None):
    """The department files the project and gives it a filing number."""
    return _transition(filing, "file", by=by, comment=comment, request=request)


def withdraw_filing(filing, *, by, comment="", request=None):
    """The enterprise withdraws a filing under review."""
    return _transition(filing, "withdraw", by=by, comment=comment, request=request)


def reopen_filing(filing, *, by, comment="", request=None):
    """The enterprise turns a withdrawn filing back into a draft."""
    return _transition(filing, "reopen", by=by, comment=comment, request=request)


def cancel_filing(filing, *, by, comment, request=None):
    """The enterprise or the department cancels a filed project (terminated, not carried out)."""
    return _transition(filing, "cancel", by=by, comment=comment, request=request)


TRANSITION_SERVICES = {
    "submit": submit_filing,
    "start_review": start_review,
    "forward": forward_filing,
    "return": return_filing,
    "reject": reject_filing,
    "file": file_filing,
    "withdraw": withdraw_filing,
    "reopen": reopen_filing,
    "cancel": cancel_filing,
}


# --- attachments ----------------------------------------------------------------------------

def add_attachment(filing, *, by, upload, label, request=None) -> FilingAttachment:
    """Attach a validated document to a draft or returned filing."""
    _require_enterprise(filing, by)
    if filing.state not in EDITABLE_STATES:
        raise InvalidTransition(_("只有草稿或退回修改的备案可以上传附件"))
    validate_upload(upload)
    with transaction.atomic():
        attachment = FilingAttachment.objects.create(filing=filing, label=label, file=upload, original_name=upload.name[:200], size=upload.size, uploaded_by=by)
        log("filing.attachment_add", actor=by, request=request, target=filing, detail={"name": attachment.original_name})
    return attachment


def remove_attachment(attachment, *, by, request=None):
    filing = attachment.filing
    _require_enterprise(filing, by)
    if filing.state not in EDITABLE_STATES:
        raise InvalidTransition(_("只有草稿或退回修改的备案可以删除附件"))
    with transaction.atomic():
        log("filing.attachment_remove", actor=by, request=request, target=filing, detail={"name": attachment.original_name})
        attachment.file.delete(save=False)
        attachment.delete()


# --- change and progress reports ------------------------------------------------------------

def submit_report(filing, *, by, kind, data: dict, request=None) -> FilingReport:
    """The enterprise reports a change to, or the progress of, a filed project."""
    _require_enterprise(filing, by)
    if filing.state != State.FILED:
        raise InvalidTransition(_("只有已备案项目可以报送变更或进展报告"))
    if kind == ReportKind.CHANGE and data.get("new_amount") is None and data.get("new_end_date") is None:
        raise InvalidTransition(_("变更报告须至少填写变更后金额或结束日期之一"))
    with transaction.atomic():
        report = FilingReport.objects.create(filing=filing, kind=kind, submitted_by=by, **data)
        log(f"filing.report_{kind}", actor=by, request=request, target=filing, detail={"report": report.pk})
        recipients = department_reviewers() + city_reviewers(filing)
        if recipients:
            title = _("%(project)s：%(what)s") % {"project": filing.project_name, "what": report.get_kind_display()}
            notify(recipients, kind=f"filing.report_{kind}", title=title, body=report.summary[:200], url=_detail_url(filing))
    return report


def review_report(report, *, by, accept: bool, comment="", request=None) -> FilingReport:
    """The department accepts (a change report's new figures then apply) or returns a report."""
    filing = report.filing
    if Actor.PROVINCE not in actors_for(by, filing):
        raise PermissionDenied(_("只有省商务厅可以确认变更/进展报告"))
    if report.state != ReportState.SUBMITTED:
        raise InvalidTransition(_("该报告已处理"))
    if not accept and not comment.strip():
        raise InvalidTransition(_("退回报告须填写理由"))
    with transaction.atomic():
        report.state = ReportState.ACCEPTED if accept else ReportState.RETURNED
        report.reviewed_by, report.reviewed_at, report.review_comment = by, timezone.now(), comment.strip()
        report.save()
        if accept and report.kind == ReportKind.CHANGE:
            if report.new_amount is not None:
                filing.amount = report.new_amount
                try:
                    filing.amount_usd = to_usd(report.new_amount, filing.currency)
                except MissingRate as exc:
                    raise InvalidTransition(str(exc)) from exc
            if report.new_end_date is not None:
                filing.end_date = report.new_end_date
            filing.save()
        log("filing.report_review", actor=by, request=request, target=filing, detail={"report": report.pk, "accepted": accept})
        title = _("%(project)s：%(report)s已确认") if accept else _("%(project)s：%(report)s已退回")
        title %= {"project": filing.project_name, "report": report.get_kind_display()}
        notify(enterprise_members(filing), kind="filing.report_review", title=title, body=comment, url=_detail_url(filing))
    return report


def pending_reports_for(user):
    """Reports waiting for the department (for the queue page)."""
    from filings.selectors import is_department

    if not is_department(user):
        return FilingReport.objects.none()
    return FilingReport.objects.filter(Q(state=ReportState.SUBMITTED)).select_related("filing", "filing__organization")
