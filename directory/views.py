"""湘企名录 pages: the public list and profile, the institution list, the enterprise's own editor."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from directory import selectors, services
from directory.forms import CaseFormSet, DirectoryFilterForm, InstitutionFilterForm, ProfileForm
from directory.models import EnterpriseProfile
from rating.selectors import latest_published_result, latest_published_results

PAGE_SIZE = 20


def index(request):
    form = DirectoryFilterForm(request.GET or None)
    filters = form.filters() if request.GET else {"q": "", "industry": "", "country": "", "city": ""}
    page_obj = Paginator(selectors.search_profiles(**filters), PAGE_SIZE).get_page(request.GET.get("page"))
    grades = latest_published_results([p.organization_id for p in page_obj])
    rows = [(profile, grades.get(profile.organization_id)) for profile in page_obj]
    context = {"form": form, "filters": filters, "page_obj": page_obj, "rows": rows, "filtered": any(filters.values())}
    return TemplateResponse(request, "directory/index.html", context)


def profile(request, org_id):
    found = selectors.profile_for_page(org_id, request.user)
    if found is None:
        raise Http404(_("该企业未在名录中公开"))
    context = {
        "profile": found,
        "org": found.organization,
        "rating": latest_published_result(found.organization),
        "contacts": selectors.visible_contacts(found, request.user),
        "hidden_contacts": selectors.hidden_contact_count(found, request.user),
        "can_edit": selectors.can_edit_profile(request.user, found.organization),
    }
    return TemplateResponse(request, "directory/profile.html", context)


@login_required
def edit(request):
    org = selectors.editable_organization(request.user)
    if org is None:
        raise PermissionDenied(_("只有已认证企业的管理员可以编辑名录资料"))
    instance = EnterpriseProfile.objects.filter(organization=org).first() or EnterpriseProfile(organization=org)
    form = ProfileForm(request.POST or None, instance=instance, organization=org)
    cases = CaseFormSet(request.POST or None, instance=instance if instance.pk else None, prefix="cases")
    if request.method == "POST" and form.is_valid() and cases.is_valid():
        services.save_profile(org, by=request.user, form=form, cases_formset=cases, request=request)
        messages.success(request, _("名录资料已保存"))
        return redirect("directory:profile", org.pk)
    completeness = selectors.profile_completeness(org) if instance.pk else 0
    return TemplateResponse(request, "directory/edit.html", {"form": form, "cases": cases, "org": org, "completeness": completeness})


def institution_list(request):
    form = InstitutionFilterForm(request.GET or None)
    filters = form.filters() if request.GET else {"q": "", "institution_type": "", "city": ""}
    page_obj = Paginator(selectors.institutions(**filters), PAGE_SIZE).get_page(request.GET.get("page"))
    return TemplateResponse(request, "directory/institutions.html", {"form": form, "page_obj": page_obj, "filtered": any(filters.values())})
