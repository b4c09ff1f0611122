"""Security headers, CSRF on every state-changing account form, per-address rate limits on every
authentication endpoint, and audit entries for password and 2FA changes."""

import pytest
from django.test import Client, override_settings
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.roles import DEPT_ADMIN
from audit.models import AuditEntry
from config.production import apply_production_settings

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/accounts/login/", "/accounts/register/", "/accounts/privacy/"])
def test_account_pages_send_the_security_headers(client, url):
    response = client.get(url)
    assert response.status_code == 200
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp and "object-src 'none'" in csp
    assert "'unsafe-inline'" not in csp.split("script-src", 1)[1].split(";", 1)[0]  # no inline scripts
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    if url != "/accounts/privacy/":  # sign-in and registration pages are never cached
        assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]


@pytest.mark.parametrize(
    "url",
    ["/", "/news/government/notices/", "/countries/", "/cities/changsha/", "/search/?q=境外投资", "/matching/",
     "/consultation/", "/events/", "/directory/", "/admin/login/", "/matching/api/v1/listings/"],
)
def test_every_kind_of_page_sends_the_security_headers(client, url):
    """Not only the sign-in pages: the portal, the services, the admin and the API carry the same headers."""
    response = client.get(url, follow=True)  # the admin sends visitors on to the one sign-in page
    assert response.status_code in (200, 401, 403), url
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_production_turns_on_hsts_secure_cookies_and_https():
    values = {"DEBUG": False, "SECRET_KEY": "k3#9Qz!" * 10, "DEFAULT_SECRET_KEY": "dev", "ALLOWED_HOSTS": ["xqch.example.cn"]}
    apply_production_settings(values)
    assert values["SECURE_HSTS_SECONDS"] >= 180 * 24 * 3600
    assert values["SECURE_SSL_REDIRECT"] and values["SESSION_COOKIE_SECURE"] and values["CSRF_COOKIE_SECURE"]
    with override_settings(SECURE_HSTS_SECONDS=values["SECURE_HSTS_SECONDS"], SECURE_HSTS_INCLUDE_SUBDOMAINS=True):
        response = Client().get("/accounts/login/", secure=True)
    assert response["Strict-Transport-Security"].startswith(f"max-age={values['SECURE_HSTS_SECONDS']}")
    assert "Strict-Transport-Security" not in Client().get("/accounts/login/")  # never over plain http


ANONYMOUS_FORMS = ["accounts:login", "accounts:register", "accounts:sms_send", "accounts:password_reset"]
SIGNED_IN_FORMS = ["accounts:logout", "accounts:password_change", "accounts:end_sessions", "accounts:cancel", "accounts:profile", "accounts:privacy_consent"]


@pytest.mark.parametrize("name", ANONYMOUS_FORMS + SIGNED_IN_FORMS)
def test_posts_without_a_csrf_token_are_refused(make_user, name):
    strict = Client(enforce_csrf_checks=True)
    if name in SIGNED_IN_FORMS:
        strict.force_login(make_user("zhang"))
    response = strict.post(reverse(name), {"login": "zhang", "password": "Xiang#2026", "mobile": "13912345678", "purpose": "login"})
    assert response.status_code == 403
    if name == "accounts:login":
        assert not AuditEntry.objects.filter(action="auth.login").exists()  # refused before any credential check


RATE_LIMITED = [
    ("accounts:login", False, {"login": "nobody", "password": "x"}),
    ("accounts:register", False, {"username": "x"}),
    ("accounts:sms_send", False, {"mobile": "1391234", "purpose": "login"}),  # invalid: nothing is sent, but it counts
    ("accounts:password_reset", False, {"mobile": "13912345678", "code": "000000"}),
    ("accounts:2fa_setup", True, {"token": "000000"}),
    ("accounts:2fa_verify", True, {"token": "000000"}),
    ("oauth2_provider:token", False, {"grant_type": "authorization_code", "code": "forged"}),
    ("oauth2_provider:revoke-token", False, {"token": "forged"}),
    ("oauth2_provider:introspect", False, {"token": "forged"}),
    ("oauth2_provider:authorize", True, {"client_id": "nobody", "allow": "1"}),
    ("accounts:password_change", True, {"old_password": "wrong", "new_password1": "x", "new_password2": "x"}),
    ("accounts:cancel", True, {"password": "wrong"}),
    ("accounts:change_mobile", True, {"mobile": "1391234", "code": "000000"}),
    ("accounts:resend_verification", True, {}),
]


@override_settings(AUTH_RATE_PER_MINUTE=3)
@pytest.mark.parametrize("name, signed_in, data", RATE_LIMITED, ids=[r[0] for r in RATE_LIMITED])
def test_every_authentication_endpoint_is_rate_limited_per_address(client, make_user, name, signed_in, data):
    if signed_in:
        client.force_login(make_user("staff", role=DEPT_ADMIN))
    statuses = [client.post(reverse(name), data).status_code for _ in range(4)]
    assert 429 not in statuses[:3], statuses
    assert statuses[3] == 429
    # Another address still has its own budget.
    assert client.post(reverse(name), data, REMOTE_ADDR="10.1.2.3").status_code != 429


def test_password_change_and_2fa_enrolment_are_audited(client, make_user):
    user = make_user("staff", role=DEPT_ADMIN)
    client.force_login(user)
    device = TOTPDevice.objects.create(user=user, name="身份验证器", confirmed=False)
    token = f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"
    assert client.post("/accounts/2fa/setup/", {"token": token}).status_code == 302
    assert AuditEntry.objects.filter(action="auth.2fa_enrol", actor_id=user.pk, outcome="success").exists()
    response = client.post("/accounts/password/change/", {"old_password": "Xiang#2026", "new_password1": "Hunan#2027ok", "new_password2": "Hunan#2027ok"})
    assert response.status_code == 302
    entry = AuditEntry.objects.filter(action="auth.password_change", actor_id=user.pk).get()
    assert entry.ip_address == "127.0.0.1" and entry.outcome == "success"
    assert "Hunan#2027ok" not in str(entry.detail) and "Xiang#2026" not in str(entry.detail)


def test_a_burst_straddling_a_minute_boundary_is_still_limited():
    from django.core.cache import cache

    from accounts.ratelimit import allow

    cache.clear()
    start = 1_800_000_000 - 2  # two seconds before a minute boundary
    results = [allow("test", "10.9.9.9", limit=3, now=start + i) for i in range(4)]
    assert results == [True, True, True, False]
    # A minute after the burst the budget is back.
    assert allow("test", "10.9.9.9", limit=3, now=start + 125)
