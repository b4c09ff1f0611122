"""A user's own account: signing in and out, password, profile, sessions, cancellation."""

import secrets
import time

from django.contrib.auth import login, logout, update_session_auth_hash
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import personal_data, sessions, throttle
from accounts.backends import BACKEND_PATH
from accounts.models import OrgRole, User, UserType
from audit.services import log


def complete_login(request, user: User, *, identifier: str, method: str):
    """Start the session after a successful password or SMS check."""
    throttle.record_success(identifier)
    login(request, user, backend=BACKEND_PATH)
    sessions.touch(request, time.time())
    log("auth.login", actor=user, request=request, target=user, detail={"method": method})


def sign_out(request):
    user = request.user if request.user.is_authenticated else None
    sessions.forget_session(request.session.session_key)
    logout(request)
    if user is not None:
        log("auth.logout", actor=user, request=request, target=user)


def change_password(request, user: User, new_password: str):
    """Set a new password (already validated by the form) and keep only this session signed in."""
    user.set_password(new_password)
    user.save()
    update_session_auth_hash(request, user)
    ended = sessions.end_sessions(user, keep_session_key=request.session.session_key)
    update_session_auth_hash(request, user)
    log("auth.password_change", actor=user, request=request, target=user, detail={"other_sessions_ended": ended})


def reset_password(user: User, new_password: str, *, request=None):
    """Password reset after an SMS code check: every session of the user ends."""
    user.set_password(new_password)
    user.save()
    sessions.end_sessions(user)
    throttle.record_success(user.username)
    log("auth.password_reset", actor=user, request=request, target=user)


def end_other_sessions(request) -> int:
    user = request.user
    count = sessions.end_sessions(user, keep_session_key=request.session.session_key)
    update_session_auth_hash(request, user)
    log("auth.logout_everywhere", actor=user, request=request, target=user, detail={"sessions": count})
    return count


def update_profile(user: User, *, name: str, email: str, request=None):
    changed = []
    if user.first_name != name:
        user.first_name, changed = name, [*changed, "name"]
    if (user.email or "") != email:
        user.email, user.email_verified, changed = email, False, [*changed, "email"]
    if changed:
        user.save(update_fields=["first_name", "email", "email_verified"])
        log("account.profile_update", actor=user, request=request, target=user, detail={"fields": changed})
        if "email" in changed and email:
            from accounts.services.registration import send_email_verification

            send_email_verification(user, request=request)
    return changed


def change_mobile(user: User, mobile: str, *, request=None):
    if User.objects.filter(mobile=mobile).exclude(pk=user.pk).exists():
        raise ValidationError(_("该手机号已被其他账号使用。"))
    user.mobile = mobile
    user.save(update_fields=["mobile"])
    log("account.mobile_change", actor=user, request=request, target=user)


@transaction.atomic
def cancel_account(user: User, *, request=None):
    """Cancel the account (PIPL art. 47): personal data is erased or anonymised, every session ends.

    Records the platform must keep (filings, audit entries) stay, pointing at the now
    anonymous account. An organisation admin with other members must hand over first.
    """
    org = user.organization
    if org is not None and user.org_role == OrgRole.ADMIN and org.members.filter(is_active=True).exclude(pk=user.pk).exists():
        raise ValidationError(_("您是单位管理员，请先将管理员移交给其他成员，再注销账号。"))
    if request is not None and request.user == user:
        sessions.forget_session(request.session.session_key)
        logout(request)
    sessions.end_sessions(user)
    personal_data.erase(user)
    user.username = f"cancelled-{user.pk}-{secrets.token_hex(4)}"
    user.first_name = user.last_name = user.email = ""
    user.mobile = None
    user.email_verified = False
    user.set_unusable_password()
    user.is_active = user.is_staff = user.is_superuser = False
    user.organization, user.org_role, user.user_type = None, "", UserType.INDIVIDUAL
    user.cancelled_at = timezone.now()
    user.last_login = None
    user.save()
    user.groups.clear()
    user.user_permissions.clear()
    log("account.cancel", actor=user, request=request, target=user)
