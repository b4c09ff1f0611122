"""Data call pages: enterprises fill the calls addressed to them; the publisher and city bureaus
follow progress, read submissions, see the summary and export it."""

from datetime import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from accounts.roles import bureau_city_of
from audit.services import log
from datacalls import services
from datacalls.exports import call_workbook
from datacalls.forms import CallForm, FieldFormSet, make_answer_form
from datacalls.models import CallStatus, DataCall, Submission, SubmissionFile, SubmissionStatus
from datacalls.selectors import (
    TARGET_STATUS_LABELS,
    call_visible_to_enterprise,
    calls_for_org,
    calls_managed_by,
    can_edit_call,
    can_fill,
    can_publish,
    completion_by_city,
    display_value,
    is_staff_viewer,
    org_scope,
    submission_visible_to,
    summary,
    target_rows,
    target_status,
)
from filings.selectors import enterprise_of
from uploads.downloads import send_private_file

# --- enterprise side ----------------------------------------------------------------------------

@login_required
def index(request):
    org = enterprise_of(request.user)
    if org is None and not is_staff_viewer(request.user):
        raise PermissionDenied(_("数据报送面向已认证的企业，请先完成企业认证"))
    rows = []
    if org is not None:
        calls = calls_for_org(org)
        subs = {s.call_id: s for s in Submission.objects.filter(organization=org, call__in=[c.pk for c in calls])}
        for call in calls:
            status = target_status(call, subs.get(call.pk))
            rows.append({"call": call, "submission": subs.get(call.pk), "status": status, "label": TARGET_STATUS_LABELS[status],
                         "can_fill": can_fill(org, call, subs.get(call.pk))[0]})
    return TemplateResponse(request, "datacalls/index.html", {"org": org, "rows": rows, "staff": is_staff_viewer(request.user)})


@login_required
def fill(request, pk):
    call = get_object_or_404(DataCall, pk=pk)
    org = enterprise_of(request.user)
    if org is None or not call_visible_to_enterprise(request.user, call):
        raise Http404(_("没有找到面向贵单位的该项数据报送"))
    submission = Submission.objects.filter(call=call, organization=org).first()
    allowed, reason = can_fill(org, call, submission)
    if request.method == "POST":
        submit = "submit" in request.POST
        form = make_answer_form(call, submission, request.POST, request.FILES, draft=not submit)
        if not allowed:
            messages.error(request, reason)
        elif form.is_valid():
            try:
                services.save_submission(call, org, form, by=request.user, submit=submit, request=request)
            except ValidationError as exc:
                messages.error(request, exc.messages[0])
            else:
                messages.success(request, _("已提交，截止前仍可修改后重新提交") if submit else _("已暂存，提交前其他单位和主管部门看不到未提交的内容"))
                return redirect("datacalls:fill", call.pk)
        else:
            messages.error(request, _("填报内容有误，请按提示修改"))
    else:
        form = make_answer_form(call, submission)
    status = target_status(call, submission)
    files = {f.field_name: f for f in submission.files.all()} if submission else {}
    return TemplateResponse(request, "datacalls/fill.html", {
        "call": call, "form": form, "submission": submission, "allowed": allowed, "reason": reason,
        "status": status, "status_label": TARGET_STATUS_LABELS[status], "files": files,
    })


@login_required
def file_download(request, pk):
    stored = get_object_or_404(SubmissionFile.objects.select_related("submission__call"), pk=pk)
    if not submission_visible_to(request.user, stored.submission):
        raise Http404(_("文件不存在"))
    response = send_private_file(stored.file, stored.original_name)
    if enterprise_of(request.user) is None or enterprise_of(request.user).pk != stored.submission.organization_id:
        log("datacalls.file_download", actor=request.user, request=request, target=stored.submission, detail={"name": stored.original_name})
    return response


# --- staff side ---------------------------------------------------------------------------------

def _staff_or_403(user):
    if not is_staff_viewer(user):
        raise PermissionDenied(_("只有省商务厅和市州商务局工作人员可以管理数据报送"))


def _managed_call(user, pk):
    _staff_or_403(user)
    return get_object_or_404(calls_managed_by(user), pk=pk)


TODO = "todo"  # the manage list's default: calls that still need the publisher (draft or collecting)


@login_required
def manage(request):
    _staff_or_403(request.user)
    calls = calls_managed_by(request.user)
    # Opens on 待我处理: drafts to publish and calls still collecting, soonest closing first;
    # "全部" (status=) lists every call, newest first.
    status = request.GET.get("status", TODO)
    if status == TODO:
        calls = calls.filter(status__in=[CallStatus.DRAFT, CallStatus.PUBLISHED]).order_by("closes_at", "pk")
    elif status in CallStatus.values:
        calls = calls.filter(status=status).order_by("closes_at" if status != CallStatus.CLOSED else "-closes_at", "pk")
    else:
        status, calls = "", calls.order_by("-created_at")
    page = Paginator(calls, 20).get_page(request.GET.get("page"))
    return TemplateResponse(request, "datacalls/manage.html", {"page_obj": page, "can_publish": can_publish(request.user),
                                                               "statuses": CallStatus.choices, "status": status, "todo": TODO,
                                                               "city": bureau_city_of(request.user)})


def _editor(request, call):
    city = call.owner_city if call.pk else bureau_city_of(request.user)
    form = CallForm(request.POST or None, instance=call, city=city or None)
    formset = FieldFormSet(request.POST or None, instance=call, prefix="fields")
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        try:
            call = services.save_call(form, formset, by=request.user, request=request)
        except ValidationError as exc:
            messages.error(request, exc.messages[0])
        else:
            if "publish" in request.POST:
                return _publish(request, call)
            messages.success(request, _("已保存为草稿；检查无误后请发布"))
            return redirect("datacalls:results", call.pk)
    elif request.method == "POST":
        messages.error(request, _("表单有误，请按提示修改"))
    return TemplateResponse(request, "datacalls/editor.html", {"form": form, "formset": formset, "call": call if call.pk else None})


@login_required
def create(request):
    if not can_publish(request.user):
        raise PermissionDenied(_("只有省商务厅管理员和市州商务局可以发起数据报送"))
    return _editor(request, DataCall())


@login_required
def edit(request, pk):
    call = _managed_call(request.user, pk)
    if not can_edit_call(request.user, call):
        raise PermissionDenied(_("只有发布单位可以修改该数据报送"))
    if call.status != CallStatus.DRAFT:
        messages.error(request, _("已发布的数据报送不能再修改字段，可以延长截止时间"))
        return redirect("datacalls:results", call.pk)
    return _editor(request, call)


def _act(request, call, action, success):
    """Run one staff action on ``call``; ``success`` formats its result into the confirmation."""
    try:
        result = action()
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
    else:
        messages.success(request, success(result))
    return redirect("datacalls:results", call.pk)


def _publish(request, call):
    return _act(request, call, lambda: services.publish(call, by=request.user, request=request), lambda n: ngettext("已发布，已通知 %(n)d 家报送对象单位", "已发布，已通知 %(n)d 家报送对象单位", n) % {"n": n})


@login_required
@require_POST
def publish(request, pk):
    return _publish(request, _managed_call(request.user, pk))


@login_required
@require_POST
def close(request, pk):
    call = _managed_call(request.user, pk)
    return _act(request, call, lambda: services.close(call, by=request.user, request=request), lambda _result: _("已结束该数据报送，企业不能再填报或修改"))


@login_required
@require_POST
def extend(request, pk):
    call = _managed_call(request.user, pk)
    raw = request.POST.get("closes_at", "")
    try:
        closes_at = timezone.make_aware(datetime.strptime(raw, "%Y-%m-%dT%H:%M"))
    except ValueError:
        messages.error(request, _("截止时间格式不正确：“%(value)s”") % {"value": raw})
        return redirect("datacalls:results", call.pk)
    return _act(request, call, lambda: services.extend(call, closes_at=closes_at, by=request.user, request=request),
                lambda _result: _("截止时间已改为 %(deadline)s") % {"deadline": raw.replace("T", " ")})


@login_required
@require_POST
def remind(request, pk):
    call = _managed_call(request.user, pk)
    scope = org_scope(request.user)
    return _act(request, call, lambda: services.remind_now(call, by=request.user, request=request, org_scope=scope), lambda n: ngettext("已提醒 %(n)d 家尚未提交的单位", "已提醒 %(n)d 家尚未提交的单位", n) % {"n": n})


@login_required
def results(request, pk):
    call = _managed_call(request.user, pk)
    rows = target_rows(call, request.user)
    submitted = [sub for _o, sub, st in rows if sub is not None and sub.status == SubmissionStatus.SUBMITTED]
    by_city, total = completion_by_city(rows)
    counts = dict.fromkeys(TARGET_STATUS_LABELS, 0)
    for _o, _s, st in rows:
        counts[st] += 1
    status = request.GET.get("status", "")
    shown = [r for r in rows if r[2] == status] if status in TARGET_STATUS_LABELS else rows
    page = Paginator(shown, 50).get_page(request.GET.get("page"))
    return TemplateResponse(request, "datacalls/results.html", {
        "call": call, "summary": summary(call, submitted), "by_city": by_city, "total": total, "page_obj": page,
        "labels": TARGET_STATUS_LABELS, "counts": counts, "status": status, "can_edit": can_edit_call(request.user, call),
        "fields": list(call.form_fields.all()), "city": bureau_city_of(request.user),
        "closes_local": timezone.localtime(call.closes_at).strftime("%Y-%m-%dT%H:%M"),
    })


@login_required
def export(request, pk):
    call = _managed_call(request.user, pk)
    rows = target_rows(call, request.user)
    content = call_workbook(call, rows)
    services.record_export(call, by=request.user, request=request, rows=len(rows))
    response = HttpResponse(content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="datacall-{call.pk}-{timezone.localdate():%Y%m%d}.xlsx"'
    return response


@login_required
def submission_detail(request, pk):
    submission = get_object_or_404(Submission.objects.select_related("call", "organization"), pk=pk)
    _staff_or_403(request.user)
    if not submission_visible_to(request.user, submission):
        raise Http404(_("没有找到该报送记录"))
    fields = list(submission.call.form_fields.all())
    files = {f.field_name: f for f in submission.files.all()}
    answers = [(f, display_value(f, submission.data.get(f.clean_name)), files.get(f.clean_name)) for f in fields]
    return TemplateResponse(request, "datacalls/submission.html", {
        "submission": submission, "call": submission.call, "answers": answers, "can_edit": can_edit_call(request.user, submission.call),
        "status_label": TARGET_STATUS_LABELS[target_status(submission.call, submission)],
    })


@login_required
@require_POST
def lock(request, pk):
    submission = get_object_or_404(Submission.objects.select_related("call"), pk=pk)
    if not submission_visible_to(request.user, submission):
        raise Http404(_("没有找到该报送记录"))
    locked = request.POST.get("locked") == "1"
    services.set_locked(submission, locked=locked, by=request.user, request=request)
    messages.success(request, _("已锁定，企业不能再修改") if locked else _("已解锁并通知企业"))
    return redirect("datacalls:submission", submission.pk)
