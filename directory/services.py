"""Saving a directory profile: permission, the segmented search words, the audit entry."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from audit.services import log
from directory import chinese_text
from directory.models import EnterpriseProfile
from directory.selectors import can_edit_profile


def rebuild_search_text(profile) -> None:
    org = profile.organization
    parts = [
        org.name,
        profile.summary,
        profile.description,
        profile.business,
        " ".join(c.name_zh for c in profile.countries.all()),
        " ".join(i.name_zh for i in org.industries.all()),
        " ".join(f"{c.title} {c.description}" for c in profile.cases.all()),
    ]
    profile.search_text = chinese_text.index_text(*parts)
    EnterpriseProfile.objects.filter(pk=profile.pk).update(search_text=profile.search_text)


@transaction.atomic
def save_profile(org, *, by, form, cases_formset, request=None) -> EnterpriseProfile:
    """Save the profile form and its cases; only the enterprise's admin members may."""
    if not can_edit_profile(by, org):
        raise PermissionDenied(_("只有本企业的管理员可以编辑名录资料"))
    created = form.instance.pk is None
    form.instance.organization = org
    profile = form.save()
    org.industries.set(form.cleaned_data["industries"])
    cases_formset.instance = profile
    cases_formset.save()
    rebuild_search_text(profile)
    log("directory.profile_create" if created else "directory.profile_update", actor=by, request=request, target=profile)
    return profile
