"""Fixtures shared by every app's tests."""

import pytest

from accounts.models import CertificationStatus, Organization, OrgKind, OrgRole, User, UserType
from accounts.roles import ensure_groups


@pytest.fixture(autouse=True)
def _fresh_shared_state(monkeypatch):
    """Every test starts in the default language, with an empty cache, no remembered site and no remembered page-cache version.

    Each test's database is rolled back, so a version remembered from an earlier test would name a
    row that no longer exists; and a version re-read on a timer would make query counts depend on
    how fast the machine is. Tests that exercise the re-read move the clock themselves.
    """
    from django.conf import settings
    from django.core.cache import cache
    from django.utils import translation

    from portal import page_cache, site_lookup

    # LocaleMiddleware activates a request's language in the thread and never deactivates it, so
    # an English request in one test would otherwise leave later tests' messages in English.
    translation.activate(settings.LANGUAGE_CODE)
    cache.clear()
    site_lookup.forget()  # a remembered site may have been rolled back with its test
    page_cache.forget_version()
    monkeypatch.setattr(page_cache, "VERSION_CHECK_SECONDS", 3600.0)
    yield
    page_cache.forget_version()
    translation.deactivate()


@pytest.fixture
def english(client):
    """The test client reading the site in English (the language cookie a visitor's switch sets)."""
    from django.conf import settings

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.fixture
def groups(db):
    return ensure_groups()


@pytest.fixture
def make_user(db, groups):
    """``make_user("name", role=DEPT_ADMIN, org=org)`` → a saved user, password ``Xiang#2026``."""

    def make(username, *, role=None, org=None, staff=None, **fields):
        is_staff = staff if staff is not None else role is not None
        user = User.objects.create_user(
            username=username,
            password="Xiang#2026",
            is_staff=is_staff,
            user_type=fields.pop("user_type", UserType.STAFF if is_staff else (UserType.ENTERPRISE if org else UserType.INDIVIDUAL)),
            organization=org,
            org_role=OrgRole.ADMIN if org else "",
            **fields,
        )
        if role is not None:
            user.groups.add(groups[role.code])
        return user

    return make


@pytest.fixture
def make_org(db):
    counter = {"n": 0}

    def make(name="测试企业", *, city="changsha", kind=OrgKind.ENTERPRISE, certified=True, **fields):
        from stdnum.cn import uscc

        counter["n"] += 1
        base = f"91430100{counter['n']:04d}MA4TQ"
        org = Organization.objects.create(
            name=name,
            kind=kind,
            credit_code=base + uscc.calc_check_digit(base),
            jurisdiction=city,
            status=CertificationStatus.CERTIFIED if certified else CertificationStatus.NONE,
            **fields,
        )
        return org

    return make
