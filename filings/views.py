"""Filing pages for enterprises (my filings, forms, reports) and reviewers (queue, export, actions).

Every view reads filings through ``filings.selectors``; state changes go through ``filings.services``.
"""

from decimal import Decimal, InvalidOperation

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import F, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from audit.services import log
from config.decisions import unconfirmed
from filings import materials, services
from filings.exports import filings_workbook, mask_id, mask_name, mask_phone
from filings.forms import AttachmentForm, FilingForm, QueueFilterForm, ReportForm, TransitionForm
from filings.models import FilingAttachment, FilingReport, Kind, ReportKind
from filings.money import MissingRate, reporting_requirement, to_usd
from filings.selectors import (
    actors_for,
    awaiting_review_by,
    can_see_personal_data,
    enterprise_of,
    filings_for_org,
    filings_visible_to,
    is_department,
    is_reviewer,
    next_step,
    review_queue,
    time_in_state,
    with_last_progress,
    with_review_deadline,
)
from filings.workflow import EDITABLE_STATES, TRANSITIONS, Actor, transitions_from
from guides.selectors import required_materials
from uploads.downloads import send_private_file

# What the enterprise or reviewer is told once a transition is done (已 + the transition's label).
DONE = {
    "submit": gettext_lazy("已提交备案"),
    "start_review": gettext_lazy("已受理初审"),
    "forward": gettext_lazy("已初审通过，报省厅"),
    "file": gettext_lazy("已准予备案"),
    "return": gettext_lazy("已退回修改"),
    "reject": gettext_lazy("已不予备案"),
    "withdraw": gettext_lazy("已撤回"),
    "reopen": gettext_lazy("已重新编辑"),
    "cancel": gettext_lazy("已注销备案"),
}


def _enterprise_or_403(user):
    org = enterprise_of(user)
    if org is None:
        raise PermissionDenied(_("只有已认证企业的成员可以使用项目申报"))
    return org


def _kind_or_404(kind):
    if kind not in Kind.values:
        raise Http404(_("未知的项目类型"))
    return kind


@login_required
def my_filings(request):
    org = _enterprise_or_403(request.user)
    filings = list(with_last_progress(filings_for_org(org)))
    now = timezone.now()
    rows = [{"filing": f, "next": next_step(f, now)} for f in filings]
    return TemplateResponse(request, "filings/my_filings.html", {"org": org, "rows": rows, "kinds": Kind.choices})


def _requirement_notice(kind, amount, currency):
    try:
        return reporting_requirement(kind, to_usd(amount, currency)), ""
    except MissingRate as exc:
        return None, str(exc)


@login_required
def create(request, kind):
    _kind_or_404(kind)
    org = _enterprise_or_403(request.user)
    form = FilingForm(request.POST or None, kind=kind, initial={"chinese_party": org.name, "contact_name": request.user.display_name})
    if request.method == "POST" and form.is_valid():
        try:
            filing = services.create_filing(by=request.user, kind=kind, data=form.filing_data(), request=request)
        except MissingRate as exc:
            form.add_error("currency", str(exc))
        else:
            _flash_requirement(request, filing)
            return redirect("filings:detail", filing.pk)
    return TemplateResponse(request, "filings/form.html", {"form": form, "kind": kind, "kind_label": Kind(kind).label, **_notice_context(form, kind)})


def _notice_context(form, kind):
    """The reporting-threshold notice and the materials the guide asks for, beside the form."""
    needed = {"required_materials": [m.name for m in required_materials(kind)]}
    if form.is_bound and form.is_valid():
        requirement, error = _requirement_notice(kind, form.cleaned_data["amount"], form.cleaned_data["currency"])
        return {"requirement": requirement, "rate_error": error, **needed}
    return {"requirement": None, "rate_error": "", **needed}


def _flash_requirement(request, filing):
    requirement = reporting_requirement(filing.kind, filing.amount_usd)
    messages.success(request, _("已保存为草稿。%(requirement)s") % {"requirement": requirement.message})


@login_required
def edit(request, pk):
    filing = get_object_or_404(filings_visible_to(request.user).select_related("organization"), pk=pk)
    if Actor.ENTERPRISE not in actors_for(request.user, filing):
        raise PermissionDenied(_("只有申报企业的成员可以修改本备案"))
    if filing.state not in EDITABLE_STATES:
        messages.error(request, _("备案处于“%(state)s”状态，不能修改") % {"state": filing.get_state_display()})
        return redirect("filings:detail", filing.pk)
    form = FilingForm(request.POST or None, instance=filing, kind=filing.kind)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_filing(filing, by=request.user, data=form.filing_data(), request=request)
        except MissingRate as exc:
            form.add_error("currency", str(exc))
        else:
            _flash_requirement(request, filing)
            return redirect("filings:detail", filing.pk)
    context = {"form": form, "kind": filing.kind, "kind_label": filing.get_kind_display(), "filing": filing, **_notice_context(form, filing.kind)}
    return TemplateResponse(request, "filings/form.html", context)


@login_required
@require_GET
def threshold(request, kind):
    """htmx fragment: whether reporting is required for the amount being typed."""
    _kind_or_404(kind)
    _enterprise_or_403(request.user)
    requirement, error = None, ""
    try:
        amount = Decimal(request.GET.get("amount", "").replace(",", "").strip())
    except InvalidOperation:
        amount = None
    if amount is not None and amount > 0:
        requirement, error = _requirement_notice(kind, amount, request.GET.get("currency", "USD"))
    return TemplateResponse(request, "filings/_threshold.html", {"requirement": requirement, "rate_error": error})


@login_required
def detail(request, pk):
    filing = get_object_or_404(filings_visible_to(request.user).select_related("organization", "country", "industry"), pk=pk)
    actors = actors_for(request.user, filing)
    is_owner = Actor.ENTERPRISE in actors
    actions = [t for t in transitions_from(filing.state) if t.actors & actors]
    contact = {"name": filing.contact_name, "phone": filing.contact_phone, "id_number": filing.contact_id_number}
    if not is_owner and not can_see_personal_data(request.user):
        contact = {"name": mask_name(contact["name"]), "phone": mask_phone(contact["phone"]), "id_number": mask_id(contact["id_number"])}
    context = {
        "filing": filing,
        "actions": actions,
        "is_owner": is_owner,
        "can_edit": is_owner and filing.state in EDITABLE_STATES,
        "can_review_reports": Actor.PROVINCE in actors,
        "contact": contact,
        "events": filing.events.select_related("actor"),
        "attachments": filing.attachments.all(),
        "reports": filing.reports.select_related("submitted_by", "reviewed_by"),
        "next": next_step(filing),
        "requirement": reporting_requirement(filing.kind, filing.amount_usd),
        "time_in_state": time_in_state(filing),
        "transition_form": TransitionForm(),
        "attachment_form": AttachmentForm(kind=filing.kind),
        "materials": materials.checklist(filing),
        "report_kinds": ReportKind.choices,
    }
    return TemplateResponse(request, "filings/detail.html", context)


@login_required
@require_POST
def transition(request, pk, name):
    filing = get_object_or_404(filings_visible_to(request.user), pk=pk)
    service = services.TRANSITION_SERVICES.get(name)
    if service is None:
        raise Http404(_("未知操作"))
    form = TransitionForm(request.POST)
    comment = form.cleaned_data["comment"] if form.is_valid() else ""
    transition = TRANSITIONS[name]
    if transition.irreversible and transition.actors & actors_for(request.user, filing) and unconfirmed(request, transition.label):
        return redirect("filings:detail", pk)  # the page's checkbox is required; a post that skipped it changes nothing
    try:
        service(filing, by=request.user, comment=comment, request=request)
    except services.InvalidTransition as exc:
        messages.error(request, " ".join(exc.messages))
    except MissingRate as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, DONE[name])
    if filing_still_visible(request.user, pk):
        return redirect("filings:detail", pk)
    return redirect("filings:queue")


def filing_still_visible(user, pk):
    return filings_visible_to(user).filter(pk=pk).exists()


@login_required
@require_POST
def attachment_add(request, pk):
    filing = get_object_or_404(filings_visible_to(request.user), pk=pk)
    form = AttachmentForm(request.POST, request.FILES, kind=filing.kind)
    if not form.is_valid():
        problems = _("；").join(e for errors in form.errors.values() for e in errors)
        messages.error(request, _("附件未上传：%(problems)s") % {"problems": problems})
        return redirect("filings:detail", pk)
    try:
        services.add_attachment(filing, by=request.user, upload=form.cleaned_data["file"], label=form.cleaned_data["label"], request=request)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("附件已上传"))
    return redirect("filings:detail", pk)


@login_required
@require_POST
def attachment_delete(request, pk, attachment_id):
    filing = get_object_or_404(filings_visible_to(request.user), pk=pk)
    attachment = get_object_or_404(FilingAttachment, pk=attachment_id, filing=filing)
    try:
        services.remove_attachment(attachment, by=request.user, request=request)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("附件已删除"))
    return redirect("filings:detail", pk)


@login_required
def attachment_download(request, pk, attachment_id):
    filing = get_object_or_404(filings_visible_to(request.user), pk=pk)
    attachment = get_object_or_404(FilingAttachment, pk=attachment_id, filing=filing)
    response = send_private_file(attachment.file, attachment.original_name)
    log("filing.attachment_download", actor=request.user, request=request, target=filing, detail={"name": attachment.original_name})
    return response


@login_required
def report_new(request, pk, kind):
    if kind not in ReportKind.values:
        raise Http404(_("未知的报告类型"))
    filing = get_object_or_404(filings_visible_to(request.user), pk=pk)
    if Actor.ENTERPRISE not in actors_for(request.user, filing):
        raise PermissionDenied(_("只有申报企业的成员可以报送"))
    form = ReportForm(request.POST or None, kind=kind)
    if request.method == "POST" and form.is_valid():
        try:
            services.submit_report(filing, by=request.user, kind=kind, data=form.report_data(), request=request)
        except services.InvalidTransition as exc:
            form.add_error(None, " ".join(exc.messages))
        else:
            messages.success(request, _("%(report)s已报送") % {"report": ReportKind(kind).label})
            return redirect("filings:detail", pk)
    return TemplateResponse(request, "filings/report_form.html", {"form": form, "filing": filing, "kind_label": ReportKind(kind).label})


@login_required
@require_POST
def report_review(request, pk, report_id):
    filing = get_object_or_404(filings_visible_to(request.user), pk=pk)
    report = get_object_or_404(FilingReport, pk=report_id, filing=filing)
    accept = request.POST.get("decision") == "accept"
    try:
        services.review_report(report, by=request.user, accept=accept, comment=request.POST.get("comment", ""), request=request)
    except services.InvalidTransition as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("报告已确认") if accept else _("报告已退回"))
    return redirect("filings:detail", pk)


def _queue_filtered(request, default_state=""):
    """The reviewer's filings filtered by the query string; ``default_state`` applies when the
    query names no state (the queue page opens on 待我处理, the export keeps every state)."""
    if not is_reviewer(request.user):
        raise PermissionDenied(_("只有市州商务局和省商务厅工作人员可以查看备案队列"))
    department = is_department(request.user)
    params = request.GET.copy()
    params.setdefault("state", default_state)
    form = QueueFilterForm(params, show_city=department)
    filings = review_queue(request.user).select_related("organization", "country", "industry")
    if form.is_valid():
        data = form.cleaned_data
        if data["q"]:
            q = data["q"]
            filings = filings.filter(Q(project_name__icontains=q) | Q(organization__name__icontains=q) | Q(number__icontains=q) | Q(organization__credit_code__iexact=q))
        if data["state"] == QueueFilterForm.TODO:
            filings = filings & awaiting_review_by(request.user)
        elif data["state"]:
            filings = filings.filter(state=data["state"])
        if data["kind"]:
            filings = filings.filter(kind=data["kind"])
        if department and data.get("city"):
            filings = filings.filter(jurisdiction=data["city"])
    ids = [int(i) for i in request.GET.getlist("ids") if i.isdigit()]
    if ids:
        filings = filings.filter(pk__in=ids)
    # Soonest reviewer deadline first (overdue at the top); records no reviewer acts on follow, newest first.
    return form, with_review_deadline(filings).order_by(F("review_deadline").asc(nulls_last=True), "-state_changed_at", "-id")


@login_required
def queue(request):
    form, filings = _queue_filtered(request, default_state=QueueFilterForm.TODO)
    page = Paginator(with_last_progress(filings), 30).get_page(request.GET.get("page"))
    now = timezone.now()
    rows = [{"filing": f, "days": time_in_state(f, now).days, "next": next_step(f, now)} for f in page.object_list]
    context = {
        "form": form, "page_obj": page, "rows": rows, "reports": services.pending_reports_for(request.user)[:20],
        "query": form.data.urlencode(), "state": form.data.get("state", ""), "todo": QueueFilterForm.TODO,
        "todo_count": (review_queue(request.user) & awaiting_review_by(request.user)).count(),
    }
    return TemplateResponse(request, "filings/queue.html", context)


@login_required
def queue_export(request):
    _, filings = _queue_filtered(request)
    unmasked = can_see_personal_data(request.user)
    content = filings_workbook(filings, unmasked=unmasked)
    log("filing.export", actor=request.user, request=request, detail={"rows": filings.count(), "unmasked": unmasked, "query": request.GET.urlencode()[:500]})
    response = HttpResponse(content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="filings-{timezone.localdate():%Y%m%d}.xlsx"'
    return response
