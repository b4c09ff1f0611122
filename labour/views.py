"""外派劳务备案 pages: the enterprise's filings and worker lists, the reviewers' queue and decisions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from accounts.roles import bureau_city_of
from audit.services import log
from filings.selectors import enterprise_of, is_department
from labour import services
from labour.forms import DispatchForm, QualificationForm, ReviewForm, UploadForm
from labour.models import Qualification, State, WorkerImport
from labour.selectors import can_edit, can_review, dispatches_for_org, dispatches_visible_to, qualification_of, review_queue
from labour.spreadsheet import SpreadsheetError, template_workbook
from labour.workers import COLUMNS, TEMPLATE_EXAMPLE, gender_label, mask_id_number, mask_name, mask_passport


def _enterprise_or_403(user):
    org = enterprise_of(user)
    if org is None:
        raise PermissionDenied(_("只有已认证企业的成员可以办理外派劳务备案"))
    return org


@login_required
def mine(request):
    org = _enterprise_or_403(request.user)
    return TemplateResponse(request, "labour/mine.html", {"org": org, "qualification": qualification_of(org), "filings": dispatches_for_org(org)})


@login_required
def create(request):
    _enterprise_or_403(request.user)
    form = DispatchForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        filing = services.create_filing(by=request.user, data=form.cleaned_data, request=request)
        messages.success(request, _("已保存草稿，请导入外派人员名单"))
        return redirect("labour:detail", filing.pk)
    if qualification_of(enterprise_of(request.user)) is None:
        raise PermissionDenied(_("本企业没有有效的对外劳务合作经营资格，不能办理外派劳务备案"))
    return TemplateResponse(request, "labour/form.html", {"form": form, "title": _("新建外派劳务备案")})


def _visible_or_404(user, pk):
    return get_object_or_404(dispatches_visible_to(user), pk=pk)


@login_required
def edit(request, pk):
    filing = _visible_or_404(request.user, pk)
    if not can_edit(request.user, filing):
        raise PermissionDenied(_("该备案当前不能修改"))
    form = DispatchForm(request.POST or None, instance=filing)
    if request.method == "POST" and form.is_valid():
        services.update_filing(filing, by=request.user, data=form.cleaned_data, request=request)
        messages.success(request, _("已保存"))
        return redirect("labour:detail", filing.pk)
    return TemplateResponse(request, "labour/form.html", {"form": form, "title": _("修改外派劳务备案"), "filing": filing})


def _masked(workers):
    return [{"pk": w.pk, "name": mask_name(w.name), "gender": gender_label(w.gender), "id_number": mask_id_number(w.id_number),
             "passport_no": mask_passport(w.passport_no), "job": w.job} for w in workers]


@login_required
def detail(request, pk, upload_form=None, pending=None, status=200):
    filing = _visible_or_404(request.user, pk)
    if pending is None and request.GET.get("import"):
        pending = WorkerImport.objects.filter(filing=filing, pk=request.GET["import"], applied_at__isnull=True).first()
    page = Paginator(filing.workers.all(), 50).get_page(request.GET.get("page"))
    context = {
        "filing": filing, "workers": _masked(page.object_list), "page_obj": page, "worker_count": page.paginator.count,
        "can_edit": can_edit(request.user, filing), "can_review": can_review(request.user, filing),
        "upload_form": upload_form or UploadForm(), "review_form": ReviewForm(), "pending": pending,
    }
    return TemplateResponse(request, "labour/detail.html", context, status=status)


@login_required
@require_POST
def upload(request, pk):
    filing = _visible_or_404(request.user, pk)
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return detail(request, pk, upload_form=form, status=400)
    try:
        pending = services.check_upload(filing, form.cleaned_data["file"], by=request.user, request=request)
    except SpreadsheetError as exc:
        form.add_error("file", str(exc))
        return detail(request, pk, upload_form=form, status=400)
    if pending.errors:
        errors, valid = len(pending.errors), len(pending.valid_rows)
        messages.error(request, ngettext(
            "名单中有 %(errors)s 行存在错误，未导入任何人员。请修改后重新上传，或选择只导入 %(valid)s 行有效数据。",
            "名单中有 %(errors)s 行存在错误，未导入任何人员。请修改后重新上传，或选择只导入 %(valid)s 行有效数据。", errors) % {"errors": errors, "valid": valid})
        return redirect(reverse("labour:detail", args=[filing.pk]) + f"?import={pending.pk}#import-report")
    result = services.apply_import(pending, by=request.user, request=request)
    messages.success(request, _("导入完成：新增 %(created)s 人，更新 %(updated)s 人") % result)
    return redirect("labour:detail", filing.pk)


@login_required
@require_POST
def apply_import(request, pk, import_id):
    filing = _visible_or_404(request.user, pk)
    pending = get_object_or_404(WorkerImport, pk=import_id, filing=filing)
    try:
        result = services.apply_import(pending, by=request.user, request=request)
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
        return redirect("labour:detail", filing.pk)
    messages.success(request, ngettext("已导入有效行：新增 %(created)s 人，更新 %(updated)s 人，跳过 %(skipped)s 行错误数据",
                                       "已导入有效行：新增 %(created)s 人，更新 %(updated)s 人，跳过 %(skipped)s 行错误数据", result["skipped"]) % result)
    return redirect("labour:detail", filing.pk)


@login_required
@require_POST
def remove_worker(request, pk, worker_id):
    filing = _visible_or_404(request.user, pk)
    services.remove_worker(get_object_or_404(filing.workers, pk=worker_id), by=request.user, request=request)
    messages.success(request, _("已删除该人员"))
    return redirect("labour:detail", filing.pk)


@login_required
@require_POST
def submit(request, pk):
    filing = _visible_or_404(request.user, pk)
    try:
        services.submit(filing, by=request.user, request=request)
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
    else:
        messages.success(request, _("已提交，等待商务主管部门审核"))
    return redirect("labour:detail", filing.pk)


@login_required
@require_POST
def review(request, pk):
    filing = _visible_or_404(request.user, pk)
    form = ReviewForm(request.POST)
    if form.is_valid():
        try:
            services.review(filing, by=request.user, decision=form.cleaned_data["decision"], comment=form.cleaned_data["comment"], request=request)
        except ValidationError as exc:
            messages.error(request, exc.messages[0])
        else:
            messages.success(request, _("审核结论已保存并通知企业"))
    return redirect("labour:detail", filing.pk)


@login_required
def queue(request):
    qs = review_queue(request.user)
    if not (is_department(request.user) or bureau_city_of(request.user)):
        raise PermissionDenied(_("只有市州商务局和省商务厅可以审核外派劳务备案"))
    state = request.GET.get("state", State.SUBMITTED)
    if state in State.values:
        qs = qs.filter(state=state)
    page = Paginator(qs.order_by("submitted_at", "id"), 30).get_page(request.GET.get("page"))
    return TemplateResponse(request, "labour/queue.html", {"page_obj": page, "states": State.choices, "state": state})


@login_required
def template(request):
    _enterprise_or_403(request.user)
    response = HttpResponse(template_workbook(list(COLUMNS), TEMPLATE_EXAMPLE), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = 'attachment; filename="workers-template.xlsx"'
    return response


@login_required
def qualifications(request):
    """The department's register of labour-cooperation qualifications."""
    if not is_department(request.user):
        raise PermissionDenied(_("只有省商务厅可以查看对外劳务合作经营资格"))
    form = QualificationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.record_qualification(by=request.user, organization=form.organization, certificate_no=form.cleaned_data["certificate_no"],
                                      valid_until=form.cleaned_data["valid_until"], request=request)
        messages.success(request, _("已登记：%(organization)s") % {"organization": form.organization.name})
        return redirect("labour:qualifications")
    rows = Qualification.objects.select_related("organization").order_by("valid_until")
    return TemplateResponse(request, "labour/qualifications.html", {"form": form, "rows": rows}, status=400 if form.errors else 200)


@login_required
def export_workers(request, pk):
    """The worker list as XLSX: full data for the filing enterprise and for staff holding the
    personal-data permission; masked for other reviewers. Every export is audited."""
    from filings.selectors import can_see_personal_data
    from labour.spreadsheet import workbook_bytes

    filing = _visible_or_404(request.user, pk)
    org = enterprise_of(request.user)
    full = (org is not None and org.pk == filing.organization_id) or can_see_personal_data(request.user)
    rows = []
    for w in filing.workers.all():
        if full:
            rows.append([w.name, w.gender, w.id_number, w.passport_no, w.job, w.phone])
        else:
            rows.append([mask_name(w.name), w.gender, mask_id_number(w.id_number), mask_passport(w.passport_no), w.job, ""])
    log("labour.export", request=request, target=filing, detail={"rows": len(rows), "masked": not full})
    response = HttpResponse(workbook_bytes(list(COLUMNS), rows), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="workers-{filing.pk}.xlsx"'
    return response
