"""Who sees what in 抱团出海: the opportunity is public, the team is for members only."""

from accounts.models import CertificationStatus
from consortia.models import Consortium, ConsortiumStatus, Membership, MemberState


def acting_org(user):
    """The certified organisation ``user`` acts for as an admin member, or None."""
    if not user.is_authenticated or not user.is_org_admin:
        return None
    return user.certified_organization


def public_consortia(*, country="", industry=""):
    qs = Consortium.objects.filter(status=ConsortiumStatus.OPEN).select_related("lead", "country", "industry").prefetch_related("roles")
    if country:
        qs = qs.filter(country_id=country)
    if industry:
        qs = qs.filter(industry_id=industry)
    return qs


def membership_of(user, consortium):
    if not user.is_authenticated or user.organization_id is None:
        return None
    return Membership.objects.filter(consortium=consortium, organization_id=user.organization_id).first()


def is_member(user, consortium) -> bool:
    """Members are the users of organisations that have joined (the lead included)."""
    membership = membership_of(user, consortium)
    return membership is not None and membership.state == MemberState.ACCEPTED


def is_lead_admin(user, consortium) -> bool:
    return acting_org(user) is not None and user.organization_id == consortium.lead_id


def team(user, consortium):
    """The accepted members with their roles — only for members; an empty list otherwise."""
    if not is_member(user, consortium):
        return []
    return list(consortium.memberships.filter(state=MemberState.ACCEPTED).select_related("organization", "role"))


def pending(user, consortium):
    """Invitations and applications awaiting an answer — for the lead's admins only."""
    if not is_lead_admin(user, consortium):
        return []
    states = [MemberState.INVITED, MemberState.APPLIED]
    return list(consortium.memberships.filter(state__in=states).select_related("organization", "role"))


def consortia_of(user):
    """Consortia the user's organisation leads, joined, was invited to or applied to."""
    if not user.is_authenticated or user.organization_id is None:
        return Membership.objects.none()
    return Membership.objects.filter(organization_id=user.organization_id).select_related("consortium", "consortium__country", "role").order_by("-created_at")


def can_join(org) -> bool:
    return org is not None and org.status == CertificationStatus.CERTIFIED
