"""Who may open which enterprise's archive: its members, its city's bureau, the department."""

from django.db.models import Q

from accounts.models import Organization
from accounts.roles import bureau_city_of
from filings.selectors import is_department


def can_view(user, org) -> bool:
    if not user.is_authenticated:
        return False
    if user.organization_id == org.pk and org.is_certified:
        return True
    if is_department(user):
        return True
    city = bureau_city_of(user)
    return city is not None and city == org.jurisdiction


def is_archive_reviewer(user) -> bool:
    return is_department(user) or (user.is_authenticated and bureau_city_of(user) is not None)


def organizations_visible_to(user, q=""):
    """The organisations whose archives a reviewer may browse."""
    if is_department(user):
        qs = Organization.objects.all()
    else:
        city = bureau_city_of(user) if user.is_authenticated else None
        if city is None:
            return Organization.objects.none()
        qs = Organization.objects.filter(jurisdiction=city)
    if q:
        qs = qs.filter(Q(name__icontains=q) | Q(credit_code__iexact=q))
    return qs.order_by("name")
