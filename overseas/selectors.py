"""Reading overseas institutions: the public list, an account's own, and the reviewers' queue."""

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from accounts.roles import OPERATOR_REVIEWER, has_role
from filings.selectors import is_department
from overseas.models import ChangeState, InstitutionChange, Kind, OverseasInstitution
from taxonomy.models import Country

CONTINENTS = [("asia", _("亚洲")), ("africa", _("非洲")), ("europe", _("欧洲")), ("americas", _("美洲")), ("oceania", _("大洋洲")), ("other", _("其他"))]


def maintainer_org(user):
    """The certified organisation whose account maintains institutions, or None."""
    return user.certified_organization if user.is_authenticated else None


def is_reviewer(user) -> bool:
    return is_department(user) or (user.is_authenticated and has_role(user, OPERATOR_REVIEWER))


def public_institutions(kind=None):
    qs = OverseasInstitution.objects.filter(published=True).select_related("country")
    return qs.filter(kind=kind) if kind in Kind.values else qs


def grouped_by_continent(institutions):
    groups = {code: [] for code, _label in CONTINENTS}
    for inst in institutions:
        groups.setdefault(inst.country.continent, []).append(inst)
    return [(label, groups[code]) for code, label in CONTINENTS if groups.get(code)]


def map_points(institutions):
    from django.urls import reverse

    return [{"name": i.name, "lat": float(i.latitude), "lng": float(i.longitude), "kind_label": f"{i.get_kind_display()} · {i.country.display_name}",
             "url": reverse("overseas:detail", args=[i.pk])} for i in institutions]


def map_country_names():
    """``{ISO code: English name}`` on English pages, for the world map whose outline file names
    countries in Chinese; None on Chinese pages (the file's own names serve)."""
    if not (get_language() or "").startswith("en"):
        return None
    return dict(Country.objects.values_list("code", "name_en"))


def own_institutions(org):
    return OverseasInstitution.objects.filter(owner=org).select_related("country")


def own_changes(org):
    return InstitutionChange.objects.filter(organization=org).select_related("institution")


def pending_changes():
    return InstitutionChange.objects.filter(state=ChangeState.PENDING).select_related("institution", "organization")


def changes_visible_to(user):
    if is_reviewer(user):
        return InstitutionChange.objects.select_related("institution", "organization")
    org = maintainer_org(user)
    return own_changes(org) if org else InstitutionChange.objects.none()
