"""Only this site's paths are followed after a step (``accounts.redirects``), and every view that
takes ``next`` goes through it; the admin pages asked for while signed out are where staff land
after signing in, passing 2FA and changing their password."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import RequestFactory, override_settings
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.privacy import ensure_policy
from accounts.redirects import is_safe_path, safe_next, safe_path, with_next
from accounts.roles import DEPT_ADMIN
from notifications.models import Message
from notifications.services import notify

pytestmark = pytest.mark.django_db
PASSWORD = "Xiang#2026"
NEW_PASSWORD = "Hunan#Going2Global"

HOSTILE = [
    "//evil.com", "///evil.com", "////evil.com", "https://evil.com", "http://evil.com/x", "HTTPS://evil.com", "ftp://evil.com",
    "//evil.com/accounts/me/", "/\\evil.com", "\\\\evil.com", "\\/evil.com", "/\\/evil.com", "javascript:alert(1)", "JavaScript:alert(1)",
    " javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "\x00/accounts/me/", "/accounts/me/\x00", "/\x00/evil.com",
    "/\t/evil.com", "/\n/evil.com", "\t//evil.com", " //evil.com", "/%2F/evil.com", "/%2f%2fevil.com", "/%5Cevil.com", "/%5C%5Cevil.com",
    "%2F%2Fevil.com", "%2f%2fevil.com", "/%09/evil.com", "/%00/evil.com", "https:/evil.com", "https:evil.com", "evil.com", "accounts/me/",
    "@evil.com", "/\u3000/evil.com", "/\u2028/evil.com", "",
]  # fmt: skip
SAFE = ["/", "/accounts/me/", "/admin/pages/", "/search/?q=肯尼亚&kind=article", "/admin/pages/3/?p=2#top", "/notifications/?box=unread"]


def request_for(data=None, *, method="get", secure=False, host="testserver"):
    factory = RequestFactory()
    make = factory.post if method == "post" else factory.get
    return make("/somewhere/", data or {}, secure=secure, HTTP_HOST=host)


@pytest.mark.parametrize("target", HOSTILE)
def test_hostile_targets_fall_back_to_the_default(target):
    assert not is_safe_path(target)
    assert safe_path(target, default="/fallback/") == "/fallback/"
    for method in ("get", "post"):
        assert safe_next(request_for({"next": target}, method=method), default="/fallback/") == "/fallback/"


@pytest.mark.parametrize("target", SAFE)
def test_paths_of_this_site_are_kept(target):
    assert is_safe_path(target)
    assert safe_next(request_for({"next": target})) == target
    assert safe_next(request_for({"next": target}, secure=True)) == target


def test_an_absolute_url_is_refused_even_for_this_host():
    for target in ("http://testserver/accounts/me/", "https://testserver/accounts/me/", "//testserver/accounts/me/"):
        assert safe_next(request_for({"next": target}, secure=True)) == "/"


def test_no_next_gives_the_default_and_with_next_carries_a_safe_one_encoded():
    assert safe_next(request_for(), default="/workbench/") == "/workbench/"
    assert with_next("/accounts/login/", request_for()) == "/accounts/login/"
    assert with_next("/accounts/login/", request_for({"next": "//evil.com"})) == "/accounts/login/"
    url = with_next("/accounts/login/", request_for({"next": "/admin/pages/search/?q=a&p=2"}))
    assert parse_qs(urlsplit(url).query) == {"next": ["/admin/pages/search/?q=a&p=2"]}


# --- every view that takes next -----------------------------------------------------------------------------------


@pytest.fixture
def zhang(make_user):
    return make_user("zhang")


@pytest.mark.parametrize("target", ["//evil.com", "https://evil.com", "/\\evil.com", "javascript:alert(1)"])
def test_login_ignores_a_hostile_next(client, zhang, target):
    response = client.post("/accounts/login/", {"login": "zhang", "password": PASSWORD, "next": target})
    assert response.status_code == 302 and response.url == "/workbench/"


def test_login_page_does_not_echo_a_hostile_next(client):
    page = client.get("/accounts/login/", {"next": "//evil.com"}).content.decode()
    assert '<input type="hidden" name="next" value="">' in page
    assert "next=%2F%2Fevil.com" not in page.split("auth-tabs")[1]  # nor in the links to the other way of signing in


@pytest.mark.parametrize("target", ["//evil.com", "https://evil.com", "/\\evil.com"])
def test_marking_messages_read_returns_only_to_this_site(client, zhang, target):
    client.force_login(zhang)
    response = client.post("/notifications/read/", {"all": "1", "next": target})
    assert response.status_code == 302 and response.url == "/notifications/"
    assert client.post("/notifications/read/", {"all": "1", "next": "/notifications/?box=unread"}).url == "/notifications/?box=unread"


def test_a_message_link_off_this_site_is_not_followed(client, zhang):
    notify([zhang], kind="test", title="外链", body="", url="/\\evil.com")
    client.force_login(zhang)
    message = Message.objects.get(recipient=zhang)
    response = client.get(f"/notifications/{message.pk}/")
    assert response.status_code == 200  # the message is shown instead


@pytest.mark.parametrize("path", ["/admin/login/", "/django-admin/login/"])
@pytest.mark.parametrize("method", ["get", "post"])
def test_admin_login_pages_pass_on_only_a_safe_next(client, path, method):
    send = client.post if method == "post" else client.get
    kept = send(path, {"next": "/admin/pages/?p=2&q=a"} if method == "post" else None, QUERY_STRING="next=%2Fadmin%2Fpages%2F%3Fp%3D2%26q%3Da")
    assert kept.status_code == 302 and _next_of(kept.url) == "/admin/pages/?p=2&q=a"
    dropped = send(path, {"next": "//evil.com"} if method == "post" else None, QUERY_STRING="next=%2F%2Fevil.com")
    assert dropped.status_code == 302 and dropped.url == "/accounts/login/"


@override_settings(PRIVACY_CONSENT_REQUIRED=True)
def test_privacy_consent_returns_only_to_this_site(client, zhang):
    ensure_policy()
    client.force_login(zhang)
    assert client.post("/accounts/privacy/consent/", {"agree": "on", "next": "//evil.com"}).url == "/"
    assert client.post("/accounts/privacy/consent/", {"agree": "on", "next": "/accounts/me/"}).url == "/accounts/me/"


def test_password_change_returns_only_to_this_site(client, zhang):
    client.force_login(zhang)
    data = {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD, "next": "https://evil.com"}
    assert client.post("/accounts/password/change/", data).url == "/accounts/me/security/"


# --- the admin pages asked for while signed out ------------------------------------------------------------------


def _next_of(url):
    return parse_qs(urlsplit(url).query).get("next", [""])[0]


def _token(device):
    device.refresh_from_db()
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=device.drift):0{device.digits}d}"


@pytest.fixture
def editor(make_user):
    user = make_user("editor", role=DEPT_ADMIN, is_superuser=True)
    device = TOTPDevice.objects.create(user=user, name="手机", confirmed=True)
    return user, device


def _sign_in_through_every_step(client, editor, wanted, *, must_change_password=False):
    """From a signed-out visit to ``wanted`` through login, 2FA and (if asked) a password change; the final URL."""
    user, device = editor
    if must_change_password:
        user.must_change_password = True
        user.save(update_fields=["must_change_password"])
    response = client.get(wanted, follow=True)
    login_url = response.redirect_chain[-1][0]
    assert urlsplit(login_url).path == "/accounts/login/"
    assert _next_of(login_url) == wanted
    page = client.get(login_url).content.decode()
    assert 'name="next"' in page
    response = client.post(login_url, {"login": user.username, "password": PASSWORD, "next": _next_of(login_url)})
    assert response.url == wanted
    response = client.get(response.url)
    assert urlsplit(response.url).path == "/accounts/2fa/verify/" and _next_of(response.url) == wanted
    response = client.post("/accounts/2fa/verify/", {"token": _token(device), "next": _next_of(response.url)})
    assert response.url == wanted
    if must_change_password:
        response = client.get(response.url)
        assert urlsplit(response.url).path == "/accounts/password/change/" and _next_of(response.url) == wanted
        data = {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD, "next": _next_of(response.url)}
        response = client.post("/accounts/password/change/", data)
        assert response.url == wanted
    return response.url


@override_settings(STAFF_REQUIRE_2FA=True)
@pytest.mark.parametrize("wanted", ["/admin/pages/", "/admin/pages/search/?q=%E8%82%AF%E5%B0%BC%E4%BA%9A&p=1", "/django-admin/", "/django-admin/accounts/user/?q=zhang&o=1"])
def test_staff_land_on_the_admin_page_they_asked_for(client, editor, wanted):
    final = _sign_in_through_every_step(client, editor, wanted)
    assert final == wanted
    assert client.get(final).status_code == 200


@override_settings(STAFF_REQUIRE_2FA=True)
def test_the_admin_page_is_kept_through_a_required_password_change(client, editor):
    final = _sign_in_through_every_step(client, editor, "/admin/pages/", must_change_password=True)
    assert client.get(final).status_code == 200


@override_settings(STAFF_REQUIRE_2FA=True)
def test_enrolling_2fa_keeps_the_admin_page_with_its_query(client, make_user):
    user = make_user("newstaff", role=DEPT_ADMIN, is_superuser=True)
    wanted = "/admin/pages/search/?q=a&p=1"
    response = client.post(with_next("/accounts/login/", request_for({"next": wanted})), {"login": "newstaff", "password": PASSWORD, "next": wanted})
    response = client.get(response.url)
    assert urlsplit(response.url).path == "/accounts/2fa/setup/" and _next_of(response.url) == wanted
    client.get(response.url)
    device = TOTPDevice.objects.get(user=user)
    response = client.post("/accounts/2fa/setup/", {"token": _token(device), "next": _next_of(response.url)})
    assert response.url == wanted
    # A device is enrolled but this session has not used it: setup sends on to verify, next intact.
    client.logout()
    client.force_login(user)
    response = client.get(with_next("/accounts/2fa/setup/", request_for({"next": wanted})))
    assert urlsplit(response.url).path == "/accounts/2fa/verify/" and _next_of(response.url) == wanted


def test_a_password_reset_keeps_where_the_user_was_going(client, make_user, send_code, last_code, strong_password):
    make_user("wang", mobile="13912340001")
    login = client.get("/accounts/login/", {"next": "/filings/"}).content.decode()
    assert 'href="/accounts/password/reset/?next=%2Ffilings%2F"' in login
    send_code("13912340001", "reset")
    data = {"mobile": "13912340001", "code": last_code("13912340001"), "password1": strong_password, "password2": strong_password}
    response = client.post("/accounts/password/reset/?next=%2Ffilings%2F", data)
    assert response.status_code == 302 and response.url == "/accounts/login/?next=%2Ffilings%2F"
    hostile = client.post("/accounts/password/reset/?next=%2F%2Fevil.com", data)
    assert "evil" not in hostile.get("Location", "")
