"""TOTP for every staff role, idle timeouts, logout everywhere, personal data download,
cancellation without personal data left, and masking of mobile / ID numbers."""

import json
import time

import pytest
from django.test import override_settings
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.mobile import mask_id_number, mask_mobile
from accounts.models import PasswordHistory, PrivacyConsent, SmsCode, SmsOutbox, User, UserSession
from accounts.roles import ALL_ROLES, SECURITY_ADMIN, SYSTEM_ADMIN
from accounts.sessions import LAST_ACTIVITY_KEY
from accounts.sms_codes import issue_code
from audit.models import AuditEntry
from notifications.models import Message
from notifications.services import notify

pytestmark = pytest.mark.django_db


def token_for(device):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=device.drift):0{device.digits}d}"


@override_settings(STAFF_REQUIRE_2FA=True)
@pytest.mark.parametrize("role", ALL_ROLES, ids=[r.code for r in ALL_ROLES])
def test_every_staff_role_must_enrol_and_use_totp(client, make_user, role):
    staff = make_user("staff", role=role)
    client.force_login(staff)
    response = client.get("/accounts/me/")
    assert response.status_code == 302 and response.url.startswith("/accounts/2fa/setup/")
    # JSON / htmx callers get a 403 instead of a redirect.
    assert client.get("/accounts/me/", HTTP_ACCEPT="application/json").status_code == 403
    assert client.get(response.url).status_code == 200
    device = TOTPDevice.objects.get(user=staff, confirmed=False)
    assert client.post("/accounts/2fa/setup/", {"token": "000000" if token_for(device) != "000000" else "111111"}).status_code == 200
    device.refresh_from_db()
    assert device.throttling_failure_count == 1  # wrong codes are throttled by django-otp
    device.throttle_reset()
    assert client.post("/accounts/2fa/setup/", {"token": token_for(device), "next": "/accounts/me/"}).status_code == 302
    assert client.get("/accounts/me/").status_code == 200
    # A new session must pass the second factor again, with the enrolled device.
    client.logout()
    client.force_login(staff)
    response = client.get("/accounts/me/")
    assert response.url.startswith("/accounts/2fa/verify/")
    device.refresh_from_db()
    device.last_t = -1
    device.save()
    assert client.post("/accounts/2fa/verify/", {"token": token_for(device), "next": "/accounts/me/"}).status_code == 302
    assert client.get("/accounts/me/").status_code == 200


@override_settings(STAFF_REQUIRE_2FA=True)
def test_superuser_needs_totp_and_ordinary_users_do_not(client, make_user):
    root = make_user("root", staff=True, is_superuser=True)
    client.force_login(root)
    assert client.get("/accounts/me/").url.startswith("/accounts/2fa/setup/")
    client.force_login(make_user("plain"))
    assert client.get("/accounts/me/").status_code == 200


def _age_session(client, seconds):
    session = client.session
    session[LAST_ACTIVITY_KEY] = time.time() - seconds
    session.save()


@override_settings(STAFF_SESSION_IDLE_SECONDS=30 * 60, USER_SESSION_IDLE_SECONDS=2 * 3600)
def test_staff_sessions_end_after_30_idle_minutes(client, make_user):
    client.force_login(make_user("staff", role=SYSTEM_ADMIN))
    assert client.get("/accounts/me/").status_code == 200
    _age_session(client, 29 * 60)
    assert client.get("/accounts/me/").status_code == 200
    _age_session(client, 31 * 60)
    response = client.get("/accounts/me/")
    assert response.status_code == 302 and response.url.startswith("/accounts/login/")
    assert "长时间未操作" in client.get(response.url).content.decode()


@override_settings(STAFF_SESSION_IDLE_SECONDS=30 * 60, USER_SESSION_IDLE_SECONDS=2 * 3600)
def test_other_users_have_the_configured_idle_time(client, make_user):
    client.force_login(make_user("plain"))
    client.get("/accounts/me/")
    _age_session(client, 31 * 60)
    assert client.get("/accounts/me/").status_code == 200
    _age_session(client, 2 * 3600 + 60)
    assert client.get("/accounts/me/").status_code == 302


def test_logout_everywhere_ends_the_other_sessions(client, make_user):
    from django.test import Client

    user = make_user("zhang")
    other = Client()
    for c in (client, other):
        c.post("/accounts/login/", {"login": "zhang", "password": "Xiang#2026"})
        assert c.get("/accounts/me/").status_code == 200
    assert UserSession.objects.filter(user=user).count() == 2
    assert client.post("/accounts/me/security/sessions/end/").status_code == 302
    assert client.get("/accounts/me/").status_code == 200
    assert other.get("/accounts/me/").status_code == 302
    assert AuditEntry.objects.filter(action="auth.logout_everywhere", actor_id=user.pk).exists()


def test_logout_is_a_post_and_is_audited(client, make_user):
    user = make_user("zhang")
    client.force_login(user)
    assert client.get("/accounts/logout/").status_code == 200  # a confirmation page, no sign-out by GET
    assert client.get("/accounts/me/").status_code == 200
    client.post("/accounts/logout/")
    assert client.get("/accounts/me/").status_code == 302
    assert AuditEntry.objects.filter(action="auth.logout", actor_id=user.pk).exists()


def test_user_downloads_own_data(client, make_user):
    user = make_user("zhang", mobile="13912345678", email="z@example.cn")
    client.force_login(user)
    response = client.get("/accounts/me/data/download/")
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["accounts"]["profile"]["mobile"] == "13912345678"
    assert data["accounts"]["profile"]["username"] == "zhang"
    assert AuditEntry.objects.filter(action="privacy.export", actor_id=user.pk).exists()


def test_user_corrects_own_profile(client, make_user):
    user = make_user("zhang")
    client.force_login(user)
    client.post("/accounts/me/", {"name": "张三丰", "email": ""})
    user.refresh_from_db()
    assert user.first_name == "张三丰"


def test_cancellation_leaves_no_personal_data(client, make_user):
    user = make_user("zhang", mobile="13912345678", email="z@example.cn", first_name="张三")
    issue_code("13912345678", "login", ip="10.9.9.9")
    notify([user], kind="test", title="您好", body="测试")
    client.force_login(user)
    client.get("/accounts/me/")
    response = client.post("/accounts/me/cancel/", {"password": "Xiang#2026", "confirm": "on"})
    assert response.status_code == 302
    row = User.objects.get(pk=user.pk)
    assert not row.is_active and row.cancelled_at is not None and not row.has_usable_password()
    assert row.username.startswith("cancelled-") and row.mobile is None and row.email == "" and row.first_name == ""
    values = {str(v) for v in User.objects.filter(pk=user.pk).values().first().values()}
    assert not values & {"zhang", "13912345678", "z@example.cn", "张三"}
    assert not PasswordHistory.objects.filter(user=user).exists()
    assert not UserSession.objects.filter(user=user).exists()
    assert not SmsCode.objects.filter(mobile="13912345678").exists() and not SmsOutbox.objects.filter(mobile="13912345678").exists()
    assert not Message.objects.filter(recipient=user).exists()
    assert not PrivacyConsent.objects.filter(user=user, ip_address__isnull=False).exists()
    # The audit log is kept (a legal record) and holds no mobile number.
    assert AuditEntry.objects.filter(action="account.cancel", target_id=str(user.pk)).exists()
    assert not AuditEntry.objects.filter(detail__icontains="13912345678").exists()
    assert client.get("/accounts/me/").status_code == 302
    assert client.post("/accounts/login/", {"login": "zhang", "password": "Xiang#2026"}).status_code == 200


def test_cancellation_needs_the_password(client, make_user):
    user = make_user("zhang")
    client.force_login(user)
    assert "密码不正确" in client.post("/accounts/me/cancel/", {"password": "wrong", "confirm": "on"}).content.decode()
    assert User.objects.get(pk=user.pk).is_active


def test_masking_helpers():
    assert mask_mobile("13912345678") == "139****5678"
    assert mask_id_number("430102199001011234") == "430*************34"
    assert mask_mobile("") == "" and mask_id_number(None) == ""


def test_mobile_numbers_are_masked_in_the_admin_list_unless_the_role_needs_them(client, make_user):
    make_user("zhang", mobile="13912345678")
    client.force_login(make_user("secadmin", role=SECURITY_ADMIN))
    page = client.get("/django-admin/accounts/user/").content.decode()
    assert "139****5678" in page and "13912345678" not in page
    client.force_login(make_user("sysadmin", role=SYSTEM_ADMIN))
    assert "13912345678" in client.get("/django-admin/accounts/user/").content.decode()
