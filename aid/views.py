"""对外援助: public showcase pages; the project and trainee databases, imports and statistics inside."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from aid import importing
from aid.forms import ImportForm
from aid.models import AidKind, AidProject, AidTrainee, ImportRun
from aid.selectors import can_manage, can_view_databases, projects_visible_to, public_projects, statistics, trainees_visible_to
from aid.showcase import TEXT, kinds
from aid.spreadsheet_format import GENDERS
from audit.services import log
from labour.spreadsheet import SpreadsheetError, template_workbook
from labour.workers import mask_name, mask_passport


def index(request):
    counts = {r["kind"]: r["n"] for r in AidProject.objects.values("kind").annotate(n=Count("id"))}
    cards = [{"value": v, "label": label, "headline": h, "count": counts.get(v, 0)} for v, label, h, _body in kinds()]
    return TemplateResponse(request, "aid/index.html", {"cards": cards, "can_view": can_view_databases(request.user)})


def showcase(request, kind):
    if kind not in AidKind.values:
        raise Http404(_("没有这种援助方式"))
    projects = public_projects(kind)
    stats = statistics(projects, AidTrainee.objects.filter(kind=kind))
    page = Paginator(projects, 20).get_page(request.GET.get("page"))
    headline, body = TEXT[kind]
    chart = {"by_country": stats["by_country"], "by_year": stats["by_year"]}
    return TemplateResponse(request, "aid/showcase.html", {"kind": kind, "label": AidKind(kind).label, "headline": headline, "body": body,
                                                         "stats": stats, "chart": chart, "page_obj": page, "others": kinds()})


def _viewer_or_403(user):
    if not can_view_databases(user):
        raise PermissionDenied(_("援外数据库仅对省商务厅和市州商务局开放"))


def _filtered(request, qs, text_fields):
    q = request.GET.get("q", "").strip()
    if q:
        cond = Q()
        for f in text_fields:
            cond |= Q(**{f"{f}__icontains": q})
        qs = qs.filter(cond)
    for f in ("kind", "year", "city"):
        value = request.GET.get(f, "")
        if value:
            qs = qs.filter(**{f: value}) if f != "year" or value.isdigit() else qs.none()
    return qs


@login_required
def projects(request):
    _viewer_or_403(request.user)
    qs = _filtered(request, projects_visible_to(request.user), ["name", "code", "implementer", "country__name_zh"])
    page = Paginator(qs, 30).get_page(request.GET.get("page"))
    return TemplateResponse(request, "aid/projects.html", {"page_obj": page, "kinds": AidKind.choices, "can_manage": can_manage(request.user), "q": request.GET})


@login_required
def trainees(request):
    _viewer_or_403(request.user)
    qs = _filtered(request, trainees_visible_to(request.user), ["course_name", "course_code", "organiser", "country__name_zh"])
    page = Paginator(qs, 30).get_page(request.GET.get("page"))
    rows = [{"t": t, "name": mask_name(t.name), "gender": _gender(t.gender), "passport": mask_passport(t.passport_no)} for t in page.object_list]
    return TemplateResponse(request, "aid/trainees.html", {"page_obj": page, "rows": rows, "kinds": AidKind.choices, "can_manage": can_manage(request.user), "q": request.GET})


def _gender(value):
    """The stored 男 / 女 in the page's language."""
    male, female = GENDERS[1:]
    return {male: _("男"), female: _("女")}.get(value, value)


@login_required
def stats(request):
    _viewer_or_403(request.user)
    data = statistics(projects_visible_to(request.user), trainees_visible_to(request.user))
    return TemplateResponse(request, "aid/stats.html", {"stats": data})


@login_required
def import_view(request):
    if not can_manage(request.user):
        raise PermissionDenied(_("只有省商务厅管理员可以导入援外数据"))
    form = ImportForm(request.POST or None, request.FILES or None)
    run = None
    if request.method == "POST" and form.is_valid():
        try:
            run = importing.import_file(form.cleaned_data["dataset"], form.cleaned_data["file"], by=request.user, skip_invalid=form.cleaned_data["skip_invalid"])
        except SpreadsheetError as exc:
            form.add_error("file", str(exc))
        else:
            log("aid.import", request=request, target=run, outcome="success" if run.applied else "failure",
                detail={"dataset": run.dataset, "created": run.created, "updated": run.updated, "unchanged": run.unchanged, "errors": len(run.errors)})
            if run.applied:
                messages.success(request, _("导入完成：新增 %(created)s 条，更新 %(updated)s 条，无变化 %(unchanged)s 条，跳过错误行 %(skipped)s 行")
                                 % {"created": run.created, "updated": run.updated, "unchanged": run.unchanged, "skipped": len(run.errors)})
                if not run.errors:
                    return redirect("aid:import")
            else:
                messages.error(request, ngettext("文件中有 %(n)s 行存在错误，未导入任何数据。请修改后重新上传，或勾选“仅导入有效行”。",
                                             "文件中有 %(n)s 行存在错误，未导入任何数据。请修改后重新上传，或勾选“仅导入有效行”。", len(run.errors)) % {"n": len(run.errors)})
    history = ImportRun.objects.select_related("by")[:10]
    return TemplateResponse(request, "aid/import.html", {"form": form, "run": run, "history": history}, status=400 if form.errors else 200)


@login_required
def template(request, dataset):
    if not can_manage(request.user) or dataset not in importing.DATASETS:
        raise PermissionDenied(_("无权下载"))
    columns = importing.DATASETS[dataset][1]
    response = HttpResponse(template_workbook(list(columns)), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="aid-{dataset}-template.xlsx"'
    return response
