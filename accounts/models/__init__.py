"""Who uses the platform (users, organisations) and the records behind sign-on and its security controls."""

from accounts.models.certification import CertificationRequest, Invitation, RequestStatus
from accounts.models.oidc import ClientPolicy
from accounts.models.privacy import PrivacyConsent, PrivacyPolicy
from accounts.models.roles import GrantStatus, RoleGrantRequest
from accounts.models.security import LoginThrottle, PasswordHistory, SmsCode, SmsOutbox, SmsPurpose, ThrottleScope, UserSession
from accounts.models.users import (
    CertificationStatus,
    InstitutionType,
    Organization,
    OrgKind,
    OrgRole,
    Ownership,
    User,
    UserType,
)

__all__ = [
    "CertificationRequest",
    "CertificationStatus",
    "ClientPolicy",
    "GrantStatus",
    "Invitation",
    "InstitutionType",
    "LoginThrottle",
    "OrgKind",
    "OrgRole",
    "Organization",
    "Ownership",
    "PasswordHistory",
    "PrivacyConsent",
    "PrivacyPolicy",
    "RequestStatus",
    "RoleGrantRequest",
    "SmsCode",
    "SmsOutbox",
    "SmsPurpose",
    "ThrottleScope",
    "User",
    "UserSession",
    "UserType",
]
