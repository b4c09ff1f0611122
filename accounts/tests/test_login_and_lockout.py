"""Sign-in by password and by SMS code; captcha after 3 failures; lock of account and address after 5."""

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts import captcha
from accounts.models import LoginThrottle, SmsPurpose
from accounts.sms_codes import issue_code
from audit.models import AuditEntry

pytestmark = pytest.mark.django_db
LOGIN = "/accounts/login/"


def post_login(client, login, password, ip="10.2.0.1", **extra):
    return client.post(LOGIN, {"login": login, "password": password, **extra}, REMOTE_ADDR=ip)


def solve_captcha(client):
    client.get("/accounts/captcha/", REMOTE_ADDR="10.2.0.1")
    return str(client.session[captcha.SESSION_KEY]["answer"])


def test_password_login_with_username_or_mobile(client, make_user):
    make_user("zhang", mobile="13812340000")
    response = post_login(client, "zhang", "Xiang#2026", next="/accounts/me/")
    assert response.status_code == 302 and response.url == "/accounts/me/"
    client.logout()
    assert post_login(client, "13812340000", "Xiang#2026").status_code == 302
    assert AuditEntry.objects.filter(action="auth.login", outcome="success").count() == 2


def test_unsafe_next_is_ignored(client, make_user):
    make_user("zhang")
    assert post_login(client, "zhang", "Xiang#2026", next="https://evil.example/").url == "/workbench/"


def test_wrong_password_and_unknown_user_get_the_same_message(client, make_user):
    make_user("zhang")
    wrong = post_login(client, "zhang", "nope").content.decode()
    unknown = post_login(client, "nobody", "nope", ip="10.2.0.2").content.decode()
    assert "用户名或密码错误。" in wrong and "用户名或密码错误。" in unknown


def test_inactive_user_cannot_sign_in(client, make_user):
    make_user("gone", is_active=False)
    assert post_login(client, "gone", "Xiang#2026").status_code == 200


def test_captcha_is_required_after_three_failures(client, make_user):
    make_user("zhang")
    for _ in range(3):
        post_login(client, "zhang", "nope")
    page = client.get(LOGIN, REMOTE_ADDR="10.2.0.1").content.decode()
    assert 'name="captcha"' in page
    refused = post_login(client, "zhang", "Xiang#2026", captcha="999")
    assert refused.status_code == 200 and "图形验证码错误" in refused.content.decode()
    answer = solve_captcha(client)
    assert post_login(client, "zhang", "Xiang#2026", captcha=answer).status_code == 302


def test_five_failures_lock_the_account_even_with_the_right_password(client, make_user):
    make_user("zhang")
    for i in range(5):
        answer = solve_captcha(client) if i >= 3 else ""
        post_login(client, "zhang", "nope", ip=f"10.3.0.{i}", captcha=answer)
    response = post_login(client, "zhang", "Xiang#2026", ip="10.3.1.1")
    assert response.status_code == 200
    assert "已被暂时锁定" in response.content.decode()
    assert AuditEntry.objects.filter(action="auth.lockout", detail__scope="account").exists()


def test_five_failures_lock_the_source_address_for_every_account(client, make_user):
    make_user("li")
    for i in range(5):
        answer = solve_captcha(client) if i >= 3 else ""
        post_login(client, f"guess{i}", "nope", captcha=answer)
    response = post_login(client, "li", "Xiang#2026")
    assert "已被暂时锁定" in response.content.decode()
    assert post_login(client, "li", "Xiang#2026", ip="10.9.9.9").status_code == 302


def test_unknown_names_lock_exactly_like_real_accounts(client):
    for i in range(5):
        answer = solve_captcha(client) if i >= 3 else ""
        post_login(client, "nobody", "nope", ip=f"10.4.0.{i}", captcha=answer)
    assert "已被暂时锁定" in post_login(client, "nobody", "nope", ip="10.4.1.1").content.decode()


def test_lock_expires_after_fifteen_minutes(client, make_user):
    make_user("zhang")
    for i in range(5):
        answer = solve_captcha(client) if i >= 3 else ""
        post_login(client, "zhang", "nope", ip=f"10.5.0.{i}", captcha=answer)
    past = timezone.now() - timedelta(minutes=15, seconds=1)
    LoginThrottle.objects.update(locked_until=past, first_failure_at=past - timedelta(minutes=1))
    assert post_login(client, "zhang", "Xiang#2026", ip="10.5.1.1").status_code == 302


def test_success_clears_the_accounts_failure_count(client, make_user):
    make_user("zhang")
    post_login(client, "zhang", "nope")
    post_login(client, "zhang", "Xiang#2026")
    assert not LoginThrottle.objects.filter(scope="account").exists()


def test_sms_login(client, make_user, last_code):
    make_user("wang", mobile="13812341111")
    issue_code("13812341111", SmsPurpose.LOGIN, ip="10.6.0.1")
    response = client.post(LOGIN, {"mode": "sms", "mobile": "13812341111", "code": last_code("13812341111")}, REMOTE_ADDR="10.6.0.1")
    assert response.status_code == 302
    assert client.get("/accounts/me/").status_code == 200


def test_wrong_sms_code_counts_as_a_failure(client, make_user, last_code):
    make_user("wang", mobile="13812341111")
    issue_code("13812341111", SmsPurpose.LOGIN, ip="10.6.0.1")
    response = client.post(LOGIN, {"mode": "sms", "mobile": "13812341111", "code": "000000"}, REMOTE_ADDR="10.6.0.1")
    assert response.status_code == 200
    assert LoginThrottle.objects.get(scope="account").failures == 1


def test_admin_login_pages_lead_to_the_platform_login(client):
    for path in ("/admin/login/", "/django-admin/login/"):
        response = client.get(path + "?next=/admin/pages/")
        assert response.status_code == 302 and response.url.startswith("/accounts/login/")
    assert client.post("/django-admin/login/", {"username": "x", "password": "y"}).status_code == 302


def test_login_endpoint_is_rate_limited_per_address(client, settings):
    settings.AUTH_RATE_PER_MINUTE = 3
    statuses = [post_login(client, f"u{i}", "x", ip="10.7.0.1").status_code for i in range(4)]
    assert statuses == [200, 200, 200, 429]


def test_logout_requires_post_and_is_audited(client, make_user):
    user = make_user("zhang")
    client.force_login(user)
    assert client.get("/accounts/logout/").status_code == 200
    assert client.get("/accounts/me/").status_code == 200
    client.post("/accounts/logout/")
    assert client.get("/accounts/me/").status_code == 302
    assert AuditEntry.objects.filter(action="auth.logout", actor_id=user.pk).exists()
