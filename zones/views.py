"""Zone annual assessment pages: the zone's own reports, the department's scoring, public results."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from config.decisions import unconfirmed
from filings.selectors import is_department
from zones import services
from zones.forms import IndicatorFormSet, ReportForm, ReturnForm, ScoreForm
from zones.models import Indicator, State, ZoneReport
from zones.selectors import can_edit, can_manage_scorecard, can_score, published_results, published_years, reports_for_org, reports_visible_to, zone_of


def _zone_or_403(user):
    zone = zone_of(user)
    if zone is None:
        raise PermissionDenied(_("只有已认证的境外经贸合作区账号可以填报年度考核材料"))
    return zone


@login_required
def mine(request):
    zone = _zone_or_403(request.user)
    return TemplateResponse(request, "zones/mine.html", {"zone": zone, "reports": reports_for_org(zone)})


@login_required
def create(request):
    _zone_or_403(request.user)
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "year"}
        try:
            report = services.save_report(by=request.user, year=form.cleaned_data["year"], data=data, request=request)
        except ValidationError as exc:
            form.add_error("year", exc.messages[0])
        else:
            messages.success(request, _("已保存，确认无误后请提交"))
            return redirect("zones:detail", report.pk)
    return TemplateResponse(request, "zones/form.html", {"form": form, "title": _("填报年度考核材料")})


@login_required
def edit(request, pk):
    report = get_object_or_404(reports_visible_to(request.user), pk=pk)
    if not can_edit(request.user, report):
        raise PermissionDenied(_("该年度考核材料当前不能修改"))
    form = ReportForm(request.POST or None, instance=report)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "year"}
        services.save_report(by=request.user, year=report.year, data=data, report=report, request=request)
        messages.success(request, _("已保存"))
        return redirect("zones:detail", report.pk)
    return TemplateResponse(request, "zones/form.html", {"form": form, "title": _("修改 %(year)s 年度考核材料") % {"year": report.year}, "report": report})


@login_required
def detail(request, pk, score_form=None):
    report = get_object_or_404(reports_visible_to(request.user), pk=pk)
    indicators = list(Indicator.objects.filter(active=True))
    if score_form is None and can_score(request.user, report):
        score_form = ScoreForm(indicators, existing={s.indicator_id: s for s in report.scores.all()})
    context = {"report": report, "scores": report.scores.all(), "can_edit": can_edit(request.user, report), "can_score": can_score(request.user, report),
               "score_form": score_form, "return_form": ReturnForm()}
    return TemplateResponse(request, "zones/detail.html", context)


@login_required
@require_POST
def submit(request, pk):
    report = get_object_or_404(reports_visible_to(request.user), pk=pk)
    services.submit(report, by=request.user, request=request)
    messages.success(request, _("已提交省商务厅评分"))
    return redirect("zones:detail", report.pk)


@login_required
@require_POST
def score(request, pk):
    report = get_object_or_404(reports_visible_to(request.user), pk=pk)
    if not can_score(request.user, report):
        raise PermissionDenied(_("您无权为该考核材料评分"))
    form = ScoreForm(list(Indicator.objects.filter(active=True)), request.POST)
    if not form.is_valid():
        return detail(request, pk, score_form=form)
    try:
        total = services.score(report, by=request.user, scores=form.scores(), comments=form.comments(), request=request)
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
    else:
        messages.success(request, _("评分已保存：综合得分 %(total)s") % {"total": total})
    return redirect("zones:detail", report.pk)


@login_required
@require_POST
def return_view(request, pk):
    report = get_object_or_404(reports_visible_to(request.user), pk=pk)
    form = ReturnForm(request.POST)
    try:
        services.return_report(report, by=request.user, comment=form.data.get("comment", ""), request=request)
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
    else:
        messages.success(request, _("已退回园区修改"))
    return redirect("zones:detail", report.pk)


@login_required
def review_list(request):
    if not is_department(request.user):
        raise PermissionDenied(_("只有省商务厅可以评审园区考核"))
    years = sorted(set(ZoneReport.objects.exclude(state=State.DRAFT).values_list("year", flat=True)), reverse=True)
    year = int(request.GET["year"]) if request.GET.get("year", "").isdigit() else (years[0] if years else None)
    reports = ZoneReport.objects.filter(year=year).exclude(state=State.DRAFT).select_related("zone") if year else []
    return TemplateResponse(request, "zones/review.html", {"years": years, "year": year, "reports": reports})


@login_required
@require_POST
def publish(request, year):
    if not is_department(request.user):
        raise PermissionDenied(_("只有省商务厅可以公布考核结果"))
    if unconfirmed(request, _("公布 %(year)s 年度考核结果") % {"year": year}):
        return redirect(reverse("zones:review") + f"?year={year}")
    try:
        count = services.publish_year(year, by=request.user, request=request)
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
    else:
        messages.success(request, ngettext("已公布 %(year)s 年度 %(count)s 个园区的考核结果", "已公布 %(year)s 年度 %(count)s 个园区的考核结果", count) % {"year": year, "count": count})
    return redirect(reverse("zones:review") + f"?year={year}")


def results_index(request):
    years = published_years()
    if years:
        return redirect("zones:results", years[0])
    return TemplateResponse(request, "zones/results.html", {"years": [], "year": None, "reports": []})


def results(request, year):
    years = published_years()
    if year not in years:
        raise Http404(_("该年度的考核结果尚未公布"))
    reports = list(published_results(year))
    chart = [{"label": r.zone.name, "n": float(r.total_score)} for r in reports]
    return TemplateResponse(request, "zones/results.html", {"years": years, "year": year, "reports": reports, "chart": chart})


@login_required
def scorecard(request):
    """The department edits the indicators and their weights (also possible in Django admin)."""
    if not can_manage_scorecard(request.user):
        raise PermissionDenied(_("只有省商务厅管理员可以修改考核指标"))
    formset = IndicatorFormSet(request.POST or None, queryset=Indicator.objects.all())
    if request.method == "POST" and formset.is_valid():
        services.save_scorecard(formset, by=request.user, request=request)
        messages.success(request, _("考核指标已保存；已评分的结果保留评分时的权重"))
        return redirect("zones:scorecard")
    total = sum(i.weight for i in Indicator.objects.filter(active=True))
    return TemplateResponse(request, "zones/scorecard.html", {"formset": formset, "total": total})
