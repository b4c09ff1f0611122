"""境外机构: public list and map; maintenance by each institution's own account; review of changes."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.utils.translation import gettext as _

from overseas import services
from overseas.forms import InstitutionForm, ReviewForm
from overseas.models import ChangeState, Kind
from overseas.selectors import (
    changes_visible_to,
    grouped_by_continent,
    is_reviewer,
    maintainer_org,
    map_country_names,
    map_points,
    own_changes,
    own_institutions,
    pending_changes,
    public_institutions,
)


def public_list(request):
    kind = request.GET.get("kind", "")
    institutions = list(public_institutions(kind))
    context = {"groups": grouped_by_continent(institutions), "points": map_points(institutions), "kinds": Kind.choices, "kind": kind,
               "count": len(institutions), "geo_url": static("vendor/echarts-maps/world.zh.json"), "geo_names": map_country_names()}
    return TemplateResponse(request, "overseas/list.html", context)


def detail(request, pk):
    institution = get_object_or_404(public_institutions(), pk=pk)
    return TemplateResponse(request, "overseas/detail.html", {"inst": institution})


def _org_or_403(user):
    org = maintainer_org(user)
    if org is None:
        raise PermissionDenied(_("只有已认证机构的账号可以维护境外机构信息"))
    return org


@login_required
def mine(request):
    org = _org_or_403(request.user)
    return TemplateResponse(request, "overseas/mine.html", {"org": org, "institutions": own_institutions(org), "changes": own_changes(org)[:20]})


def _propose(request, institution):
    form = InstitutionForm(request.POST or None, instance=institution)
    if request.method == "POST" and form.is_valid():
        try:
            services.propose(by=request.user, cleaned=form.cleaned_data, institution=institution, request=request)
        except ValidationError as exc:
            messages.error(request, exc.messages[0])
        else:
            messages.success(request, _("已提交审核，审核通过后对外显示"))
            return redirect("overseas:mine")
    title = _("修改：%(name)s") % {"name": institution.name} if institution else _("登记新的境外机构")
    return TemplateResponse(request, "overseas/form.html", {"form": form, "title": title})


@login_required
def propose_new(request):
    _org_or_403(request.user)
    return _propose(request, None)


@login_required
def propose_edit(request, pk):
    org = _org_or_403(request.user)
    return _propose(request, get_object_or_404(own_institutions(org), pk=pk))


@login_required
def changes(request):
    if not is_reviewer(request.user):
        raise PermissionDenied(_("只有审核人员可以查看境外机构变更"))
    return TemplateResponse(request, "overseas/changes.html", {"changes": pending_changes()})


@login_required
def change(request, pk):
    item = get_object_or_404(changes_visible_to(request.user), pk=pk)
    form = ReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.review(item, by=request.user, decision=form.cleaned_data["decision"], comment=form.cleaned_data["comment"], request=request)
        except ValidationError as exc:
            messages.error(request, exc.messages[0])
        else:
            messages.success(request, _("审核结论已保存"))
            return redirect("overseas:changes")
    can_review = is_reviewer(request.user) and item.state == ChangeState.PENDING
    return TemplateResponse(request, "overseas/change.html", {"change": item, "rows": services.diff(item), "form": form, "can_review": can_review})
