"""Annual rating pages: the enterprise's self-report, the department's queue and scoring,
cycle management, and the public grade lists and quality-enterprise database."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from config.decisions import unconfirmed
from rating import selectors, services
from rating.computed import value_of
from rating.forms import QualityFilterForm, ReturnForm, ScoreForm, SelfReportForm
from rating.models import IndicatorKind, RatingCycle, Submission, SubmissionState

PAGE_SIZE = 50


def _enterprise_or_403(user):
    org = selectors.enterprise_of(user)
    if org is None:
        raise PermissionDenied(_("只有已认证的走出去企业可以参加年度评价"))
    return org


@login_required
def mine(request):
    org = _enterprise_or_403(request.user)
    cycle = selectors.open_cycle()
    submissions = list(Submission.objects.filter(organization=org).select_related("cycle"))
    current = next((s for s in submissions if cycle and s.cycle_id == cycle.pk), None)
    context = {"org": org, "cycle": cycle, "current": current, "submissions": submissions, "can_report": selectors.can_report_for(request.user, org)}
    return TemplateResponse(request, "rating/mine.html", context)


@login_required
def report(request, year):
    org = _enterprise_or_403(request.user)
    if not selectors.can_report_for(request.user, org):
        raise PermissionDenied(_("只有本企业的管理员可以填报年度评价"))
    cycle = get_object_or_404(RatingCycle, year=year)
    submission = Submission.objects.filter(cycle=cycle, organization=org).first()
    if submission is not None and not selectors.can_edit_submission(request.user, submission):
        return redirect("rating:detail", submission.pk)
    indicators = services.indicators_of(cycle)
    answers = {a.indicator_id: a for a in submission.answers.all()} if submission else {}
    form = SelfReportForm(indicators, request.POST or None, answers=answers)
    if request.method == "POST" and form.is_valid():
        try:
            submission = services.save_draft(cycle, org, by=request.user, values=form.values(), notes=form.notes(), request=request)
            if request.POST.get("action") == "submit":
                services.submit(submission, by=request.user, request=request)
                messages.success(request, _("已提交，省商务厅评审后将在结果公布时通知您"))
                return redirect("rating:detail", submission.pk)
        except ValidationError as exc:
            form.add_error(None, exc.messages[0])
        else:
            messages.success(request, _("草稿已保存"))
            return redirect("rating:report", year)
    computed = [(i, value_of(i.source, org)) for i in indicators if i.kind == IndicatorKind.COMPUTED]
    context = {"cycle": cycle, "org": org, "form": form, "submission": submission, "computed": computed}
    return TemplateResponse(request, "rating/report.html", context)


@login_required
def detail(request, pk, score_form=None):
    submission = get_object_or_404(selectors.submissions_visible_to(request.user), pk=pk)
    indicators = services.indicators_of(submission.cycle)
    answers = {a.indicator_id: a for a in submission.answers.all()}
    can_score = selectors.can_score_submission(request.user, submission)
    if can_score and score_form is None:
        score_form = ScoreForm(indicators, answers=answers)
    rows = [(i, answers.get(i.pk)) for i in indicators]
    context = {
        "submission": submission,
        "rows": rows,
        "show_result": selectors.can_see_result(request.user, submission),
        "can_edit": selectors.can_edit_submission(request.user, submission),
        "can_score": can_score,
        "score_form": score_form,
        "return_form": ReturnForm(),
    }
    return TemplateResponse(request, "rating/detail.html", context)


@login_required
@require_POST
def score(request, pk):
    submission = get_object_or_404(selectors.submissions_visible_to(request.user), pk=pk)
    if not selectors.can_score_submission(request.user, submission):
        raise PermissionDenied(_("您无权为该申报评分"))
    form = ScoreForm(services.indicators_of(submission.cycle), request.POST)
    if not form.is_valid():
        return detail(request, pk, score_form=form)
    try:
        total = services.score(submission, by=request.user, scores=form.scores(), comments=form.comments(), request=request)
    except ValidationError as exc:
        form.add_error(None, exc.messages[0])
        return detail(request, pk, score_form=form)
    submission.refresh_from_db()
    messages.success(request, _("评分已保存：综合得分 %(total)s，%(grade)s 级") % {"total": total, "grade": submission.grade})
    return redirect("rating:detail", pk)


@login_required
@require_POST
def return_view(request, pk):
    submission = get_object_or_404(selectors.submissions_visible_to(request.user), pk=pk)
    try:
        services.return_submission(submission, by=request.user, comment=request.POST.get("comment", ""), request=request)
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
    else:
        messages.success(request, _("已退回企业修改"))
    return redirect("rating:detail", pk)


@login_required
def review(request):
    if not selectors.is_rating_reviewer(request.user):
        raise PermissionDenied(_("只有省商务厅可以评审年度评价"))
    cycles = list(RatingCycle.objects.all())
    year = request.GET.get("year", "")
    cycle = next((c for c in cycles if str(c.year) == year), cycles[0] if cycles else None)
    state = request.GET.get("state", "")
    state = state if state in SubmissionState.values else ""
    page_obj = Paginator(selectors.review_queue(cycle, state), PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"cycles": cycles, "cycle": cycle, "state": state, "states": SubmissionState.choices, "page_obj": page_obj,
               "is_manager": selectors.is_rating_manager(request.user)}
    return TemplateResponse(request, "rating/review.html", context)


CYCLE_ACTIONS = {
    "open": (services.open_cycle, gettext_lazy("已开启填报并通知企业")),
    "close": (services.close_reporting, gettext_lazy("已结束填报")),
    "publish": (services.publish, gettext_lazy("评价结果已公布")),
}


@login_required
@require_POST
def cycle_action(request, year, action):
    if action not in CYCLE_ACTIONS:
        raise Http404
    cycle = get_object_or_404(RatingCycle, year=year)
    if action == "publish" and not selectors.is_rating_manager(request.user):
        raise PermissionDenied(_("只有省商务厅管理员可以公布评价结果"))
    if action == "publish" and unconfirmed(request, _("公布结果")):
        return redirect(reverse("rating:review") + f"?year={year}")
    run, done = CYCLE_ACTIONS[action]
    try:
        run(cycle, by=request.user, request=request)
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
    else:
        messages.success(request, done)
    return redirect(reverse("rating:review") + f"?year={year}")


def results_index(request):
    latest = selectors.published_cycles().first()
    if latest is None:
        return TemplateResponse(request, "rating/results.html", {"cycles": [], "cycle": None, "page_obj": None})
    return redirect("rating:results", latest.year)


def results(request, year):
    cycle = get_object_or_404(selectors.published_cycles(), year=year)
    page_obj = Paginator(selectors.published_grade_list(cycle), PAGE_SIZE).get_page(request.GET.get("page"))
    counts = dict.fromkeys("ABCD", 0)
    for grade in selectors.published_grade_list(cycle).values_list("grade", flat=True):
        counts[grade] = counts.get(grade, 0) + 1
    context = {"cycles": selectors.published_cycles(), "cycle": cycle, "page_obj": page_obj, "counts": counts}
    return TemplateResponse(request, "rating/results.html", context)


def quality(request):
    form = QualityFilterForm(request.GET or None)
    form.is_valid()
    data = getattr(form, "cleaned_data", {})
    rows = selectors.quality_enterprises(industry=data.get("industry"), city=data.get("city", ""))
    page_obj = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    return TemplateResponse(request, "rating/quality.html", {"form": form, "page_obj": page_obj, "filtered": bool(request.GET.get("industry") or request.GET.get("city"))})
