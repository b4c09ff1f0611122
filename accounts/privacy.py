"""The privacy policy in force and users' consent to it (PIPL art. 14: informed, versioned consent)."""

from django.utils import timezone

from accounts.models import PrivacyConsent, PrivacyPolicy
from audit.services import client_ip, log

SESSION_KEY = "_accounts_privacy_version"


def current_policy() -> PrivacyPolicy | None:
    return PrivacyPolicy.objects.filter(effective_at__lte=timezone.now()).order_by("-effective_at", "-id").first()


def has_consented(user, policy: PrivacyPolicy) -> bool:
    return PrivacyConsent.objects.filter(user=user, policy=policy).exists()


def needs_consent_for(request) -> PrivacyPolicy | None:
    """The policy ``request.user`` still has to accept, or None. Staff accounts are not asked here."""
    from accounts.sessions import is_staff_account

    user = request.user
    if not user.is_authenticated or is_staff_account(user):
        return None
    policy = current_policy()
    if policy is None or request.session.get(SESSION_KEY) == policy.version:
        return None
    if has_consented(user, policy):
        request.session[SESSION_KEY] = policy.version
        return None
    return policy


def needs_consent(request) -> bool:
    return needs_consent_for(request) is not None


def record_consent(user, policy: PrivacyPolicy, request=None) -> PrivacyConsent:
    consent, created = PrivacyConsent.objects.get_or_create(user=user, policy=policy, defaults={"ip_address": client_ip(request)})
    if created:
        log("privacy.consent", actor=user, request=request, target=policy, detail={"version": policy.version})
    if request is not None:
        request.session[SESSION_KEY] = policy.version
    return consent


def ensure_policy() -> PrivacyPolicy:
    """The first policy version, created if the table is empty (e.g. a flushed test database)."""
    from accounts.privacy_text import FIRST_VERSION, FIRST_VERSION_BODY, FIRST_VERSION_SUMMARY, FIRST_VERSION_TITLE

    policy, _ = PrivacyPolicy.objects.get_or_create(
        version=FIRST_VERSION,
        defaults={"title": FIRST_VERSION_TITLE, "summary": FIRST_VERSION_SUMMARY, "body": FIRST_VERSION_BODY, "effective_at": timezone.now()},
    )
    return policy
