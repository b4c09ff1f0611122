"""The enterprise archive: one page per organisation with everything it does on the platform."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from accounts.models import Organization
from archive.registry import next_steps, sections_for, split_next_steps
from archive.selectors import can_view, is_archive_reviewer, organizations_visible_to
from audit.services import log
from guides.selectors import live_guides


@login_required
def mine(request):
    org = request.user.certified_organization
    if org is None:
        if is_archive_reviewer(request.user):
            return redirect("archive:organizations")
        raise PermissionDenied(_("企业档案仅对已认证组织的成员开放"))
    return redirect("archive:detail", org.pk)


@login_required
def detail(request, org_id):
    org = get_object_or_404(Organization, pk=org_id)
    if not can_view(request.user, org):
        raise PermissionDenied(_("您无权查看该组织的档案"))
    if request.user.organization_id != org.pk:
        log("archive.view", request=request, target=org)
    sections = sections_for(org, request.user)
    own_steps, waiting_steps = split_next_steps(next_steps(sections))
    context = {"org": org, "sections": sections, "own_steps": own_steps, "waiting_steps": waiting_steps, "guides": live_guides(),
               "own": request.user.organization_id == org.pk}
    return TemplateResponse(request, "archive/detail.html", context)


@login_required
def organizations(request):
    if not is_archive_reviewer(request.user):
        raise PermissionDenied(_("只有市州商务局和省商务厅可以浏览企业档案"))
    q = request.GET.get("q", "").strip()
    qs = organizations_visible_to(request.user, q)
    page = Paginator(qs, 30).get_page(request.GET.get("page"))
    return TemplateResponse(request, "archive/organizations.html", {"page_obj": page, "q": q})
