"""Reading the directory, with who-may-see-what in one place."""

from django.db.models import Prefetch, Q

from accounts.models import CertificationStatus, Organization, OrgKind
from directory import chinese_text
from directory.models import CONTACT_FIELDS, EnterpriseCase, EnterpriseProfile, Visibility
from taxonomy.models import Country


def listed_profiles():
    """Profiles shown to the public: listed, of certified enterprises."""
    return EnterpriseProfile.objects.filter(
        listed=True, organization__kind=OrgKind.ENTERPRISE, organization__status=CertificationStatus.CERTIFIED
    ).select_related("organization")


def search_profiles(*, q="", industry="", country="", city=""):
    """Listed profiles matching every filter; ``q`` matches segmented words of name and text."""
    qs = listed_profiles()
    for word in chinese_text.query_words(q):
        qs = qs.filter(Q(search_text__icontains=word) | Q(organization__name__icontains=word))
    if industry:
        qs = qs.filter(organization__industries__code=industry)
    if country:
        qs = qs.filter(countries__code=country)
    if city:
        qs = qs.filter(organization__jurisdiction=city)
    return qs.distinct().prefetch_related("organization__industries", Prefetch("countries", queryset=Country.objects.order_by("name_zh")))


def profile_for_page(org_id, viewer):
    """The profile behind ``/directory/<org_id>/``: listed ones for everybody, the
    enterprise's own (even unlisted) for its members. None when not visible."""
    qs = EnterpriseProfile.objects.select_related("organization").prefetch_related(
        "countries", "organization__industries", Prefetch("cases", queryset=EnterpriseCase.objects.select_related("country"))
    )
    profile = qs.filter(organization_id=org_id).first()
    if profile is None:
        return None
    if is_member(viewer, profile.organization):
        return profile
    return profile if listed_profiles().filter(pk=profile.pk).exists() else None


def is_member(user, org) -> bool:
    return user.is_authenticated and org is not None and user.organization_id == org.pk


def editable_organization(user):
    """The enterprise whose profile ``user`` may edit: a certified enterprise they administer."""
    if not user.is_authenticated or not user.is_org_admin:
        return None
    org = user.certified_organization
    return org if org is not None and org.kind == OrgKind.ENTERPRISE else None


def can_edit_profile(user, org) -> bool:
    return org is not None and editable_organization(user) == org


def _viewer_level(viewer, org) -> set:
    """The visibility levels whose fields ``viewer`` may read on ``org``'s profile."""
    if is_member(viewer, org):
        return {Visibility.PUBLIC, Visibility.CERTIFIED, Visibility.HIDDEN}
    if viewer.is_authenticated and (viewer.certified_organization is not None or viewer.is_staff):
        return {Visibility.PUBLIC, Visibility.CERTIFIED}
    return {Visibility.PUBLIC}


def visible_contacts(profile, viewer) -> list:
    """``[(label, value), …]`` of the contact fields ``viewer`` may see, in display order."""
    levels = _viewer_level(viewer, profile.organization)
    shown = []
    for field, visibility_field in CONTACT_FIELDS.items():
        value = getattr(profile, field)
        if value and getattr(profile, visibility_field) in levels:
            shown.append((EnterpriseProfile._meta.get_field(field).verbose_name, value))
    return shown


def hidden_contact_count(profile, viewer) -> int:
    """How many filled-in contact fields ``viewer`` cannot see (to suggest logging in)."""
    filled = sum(1 for field in CONTACT_FIELDS if getattr(profile, field))
    return filled - len(visible_contacts(profile, viewer))


def profile_completeness(org) -> int:
    """0–100: how much of the directory profile is filled in (a computed rating indicator)."""
    profile = EnterpriseProfile.objects.filter(organization=org).first()
    if profile is None:
        return 0
    checks = [
        bool(profile.summary),
        len(profile.description) >= 50,
        bool(profile.business),
        profile.countries.exists(),
        org.industries.exists(),
        profile.founded_year is not None,
        bool(profile.employees),
        bool(profile.website),
        any(getattr(profile, f) and getattr(profile, v) != Visibility.HIDDEN for f, v in CONTACT_FIELDS.items()),
        profile.cases.exists(),
    ]
    return round(100 * sum(checks) / len(checks))


def institutions(*, q="", institution_type="", city=""):
    """Certified service institutions (服务机构) for the institution directory."""
    qs = Organization.objects.filter(kind=OrgKind.INSTITUTION, status=CertificationStatus.CERTIFIED)
    for word in chinese_text.query_words(q):
        qs = qs.filter(name__icontains=word)
    if institution_type:
        qs = qs.filter(institution_type=institution_type)
    if city:
        qs = qs.filter(jurisdiction=city)
    return qs.prefetch_related("industries").order_by("institution_type", "name")
