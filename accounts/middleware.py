"""Per-request security controls for signed-in users (order matters; see ``process``).

1. The Wagtail and Django admin login pages send people to the platform's one login page,
   so lockout, captcha and 2FA cannot be bypassed through them.
2. Idle sessions end: staff after ``STAFF_SESSION_IDLE_SECONDS``, others after
   ``USER_SESSION_IDLE_SECONDS``.
3. Staff must pass TOTP two-factor authentication (``STAFF_REQUIRE_2FA``) before anything else.
4. A password that must be changed (expired staff password, reset by an administrator)
   is changed before anything else.
5. Users who have not accepted the current privacy policy are asked to (``PRIVACY_CONSENT_REQUIRED``).
"""

import time

from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpResponseForbidden
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from accounts import sessions
from accounts.passwords import password_change_reason
from accounts.privacy import needs_consent
from accounts.redirects import with_next
from accounts.two_factor import has_confirmed_device

FOREIGN_LOGIN_PATHS = ("/admin/login/", "/django-admin/login/", "/_util/login/")
ALWAYS_ALLOWED = ("/static/", "/media/", "/i18n/", "/favicon.ico", "/robots.txt")
# Pages a signed-in user may reach while a control still asks something of them.
CONTROL_PAGES = (
    "/accounts/logout/",
    "/accounts/2fa/",
    "/accounts/password/change/",
    "/accounts/privacy/",
    "/accounts/captcha/",
)


def _login_redirect(request):
    """The admin's own login page was asked for: the platform's instead, keeping where to go after."""
    return redirect(with_next(reverse("accounts:login"), request))


def _wants_html(request) -> bool:
    return not (request.headers.get("HX-Request") or "application/json" in request.headers.get("Accept", ""))


def _control_redirect(request, url_name):
    if not _wants_html(request):
        return HttpResponseForbidden(_("请先完成安全验证。"))
    return redirect(f"{reverse(url_name)}?{urlencode({'next': request.get_full_path()})}")


class AccountSecurityMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.process(request)
        return response if response is not None else self.get_response(request)

    def process(self, request):
        path = request.path
        if path.startswith(FOREIGN_LOGIN_PATHS):
            return _login_redirect(request)
        if path.startswith(ALWAYS_ALLOWED) or not request.user.is_authenticated:
            return None
        now = time.time()
        if sessions.session_expired(request, now):
            sessions.forget_session(request.session.session_key)
            logout(request)
            # This middleware runs before MessageMiddleware: leave the notice in the new session.
            request.session[sessions.IDLE_NOTICE_KEY] = True
            return None
        sessions.touch(request, now)
        if path.startswith(CONTROL_PAGES):
            return None
        user = request.user
        if settings.STAFF_REQUIRE_2FA and sessions.is_staff_account(user) and not user.is_verified():
            return _control_redirect(request, "accounts:2fa_verify" if has_confirmed_device(user) else "accounts:2fa_setup")
        if password_change_reason(user):
            return _control_redirect(request, "accounts:password_change")
        if settings.PRIVACY_CONSENT_REQUIRED and needs_consent(request) and not path.startswith(("/accounts/me/data", "/accounts/me/cancel")):
            return _control_redirect(request, "accounts:privacy_consent")
        return None
