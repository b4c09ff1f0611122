"""Reads with their object-level rules: who reviews which certification, who sees which members."""

from django.db.models import Q

from accounts.models import CertificationRequest, RequestStatus, User
from accounts.roles import OPERATOR, OPERATOR_REVIEWER, bureau_city_of, city_bureau_role, has_role
from taxonomy.cities import City

REVIEW_PERMISSION = "accounts.review_certification"


def is_platform_reviewer(user) -> bool:
    """Operators review every certification, including province-level organisations."""
    return has_role(user, OPERATOR) or has_role(user, OPERATOR_REVIEWER)


def certification_requests_visible_to(user):
    """Requests ``user`` may open: all for operators, their city's for a city bureau, none otherwise."""
    qs = CertificationRequest.objects.select_related("organization", "applicant", "reviewer")
    if not user.is_authenticated or not user.has_perm(REVIEW_PERMISSION):
        return qs.none()
    if is_platform_reviewer(user):
        return qs
    city = bureau_city_of(user)
    if city is not None:
        return qs.filter(jurisdiction=city)
    return qs.none()


def certification_queue(user):
    return certification_requests_visible_to(user).filter(status=RequestStatus.PENDING).order_by("submitted_at")


def can_review_certification(user, req: CertificationRequest) -> bool:
    return certification_requests_visible_to(user).filter(pk=req.pk).exists()


def certification_reviewers(req: CertificationRequest) -> list[User]:
    """Who is told about a new request: the city's bureau, or the operators for province-level ones."""
    groups = [city_bureau_role(req.jurisdiction).group_name] if req.jurisdiction in City.values else [OPERATOR.group_name, OPERATOR_REVIEWER.group_name]
    return list(User.objects.filter(is_active=True, groups__name__in=groups).distinct())


def members_of(org):
    return org.members.filter(is_active=True).order_by("-org_role", "date_joined")


def latest_request(org):
    return org.certification_requests.order_by("-submitted_at", "-id").first() if org else None


def search_users(qs, term: str):
    term = (term or "").strip()
    if not term:
        return qs
    return qs.filter(Q(username__icontains=term) | Q(first_name__icontains=term) | Q(mobile=term))
