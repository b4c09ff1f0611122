"""After signing in without ?next=, every role lands on 我的工作台."""

import pytest

from accounts.roles import DEPT_ADMIN, city_bureau_role

pytestmark = pytest.mark.django_db


def _sign_in(client, username, **extra):
    return client.post("/accounts/login/", {"login": username, "password": "Xiang#2026", **extra})


@pytest.mark.parametrize("role", ["enterprise", "individual", "city_bureau", "department"])
def test_sign_in_lands_on_the_workbench(client, make_user, make_org, role):
    user = {
        "enterprise": lambda: make_user("ent", org=make_org("湘江机械")),
        "individual": lambda: make_user("person"),
        "city_bureau": lambda: make_user("cs", role=city_bureau_role("changsha")),
        "department": lambda: make_user("boss", role=DEPT_ADMIN),
    }[role]()
    response = _sign_in(client, user.username)
    assert response.status_code == 302 and response.url == "/workbench/"


def test_staff_reach_the_workbench_through_two_factor(client, make_user, settings):
    settings.STAFF_REQUIRE_2FA = True
    make_user("boss", role=DEPT_ADMIN)
    landing = _sign_in(client, "boss")
    assert landing.url == "/workbench/"
    second = client.get(landing.url)
    assert second.status_code == 302 and "/accounts/2fa/" in second.url and "next=%2Fworkbench%2F" in second.url


def test_a_safe_next_still_wins(client, make_user):
    make_user("person")
    assert _sign_in(client, "person", next="/accounts/me/").url == "/accounts/me/"
