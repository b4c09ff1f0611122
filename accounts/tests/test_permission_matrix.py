"""The permission matrix: every role × every admin area and every named URL of the platform.

Each named URL of the project's apps (found by walking the URL resolver) must be classified in
``URLS`` (no arguments) or ``OBJECT_URLS`` (with arguments) below; an unclassified URL fails
``test_every_url_is_classified``, so a new endpoint cannot ship without an access decision.
When a capability adds or changes a URL, extend these tables.

Users are the demo accounts of ``accounts/demo.py`` (one per role, plus an enterprise, an
institution and an individual) signed in with ``force_login``; ``anon`` is a visitor. Outcomes:

* ``200`` (or another status code): the response status;
* ``"L"``: redirected to sign in (the platform login, or an admin login that forwards to it);
* ``"R:/path"``: redirected elsewhere (e.g. to the user's own record, or the admin home for a
  section the role may not open).

Object URLs are requested with an id that does not exist: anonymous visitors must never get
the page, nobody may cause a server error; the object-level rules themselves are tested in
each app's own tests.
"""

import logging

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

pytestmark = pytest.mark.django_db

STAFF = [
    "admin",
    "dept_admin",
    "dept_reviewer",
    "bank_editor",
    "bank_reviewer",
    "bank_adviser",
    "operator",
    "operator_reviewer",
    "sysadmin",
    "secadmin",
    "auditor",
    "changsha_bureau",
    "shaoyang_bureau",
]
ORG_USERS = ["enterprise", "shaoyang_ent", "institution"]
SIGNED_IN = [*STAFF, *ORG_USERS, "individual"]
EVERYONE = ["anon", *SIGNED_IN]


def public(code=200):
    return dict.fromkeys(EVERYONE, code)


def signed_in(code=200, anon="L"):
    return {"anon": anon, **dict.fromkeys(SIGNED_IN, code)}


def only(*users, code=200, other=403, anon="L"):
    unknown = set(users) - set(SIGNED_IN)
    assert not unknown, unknown
    return {"anon": anon, **{u: (code if u in users else other) for u in SIGNED_IN}}


def with_(base, **overrides):
    return {**base, **overrides}


PROVINCE_AND_CITY = ("admin", "dept_admin", "dept_reviewer", "changsha_bureau", "shaoyang_bureau")
ENTERPRISES = ("enterprise", "shaoyang_ent")
CERTIFIED_ORGS = ("enterprise", "shaoyang_ent", "institution")

# Named URLs without arguments → expected outcome per user.
URLS = {
    # foundation and portal
    "set_language": public("R:/"),
    "robots_txt": public(),
    "sitemap": public(),
    "portal:site_map": public(),
    "wagtailcore_login": public("L"),
    "workbench:home": signed_in(),
    # accounts
    "accounts:login": public(),
    "accounts:logout": public(),  # GET shows a confirmation; signing out needs a POST
    "accounts:captcha": public(),
    "accounts:sms_send": public(405),  # POST only, rate limited
    "accounts:password_reset": public(),
    "accounts:register": public(),
    "accounts:privacy": public(),
    "accounts:password_change": signed_in(),
    "accounts:2fa_setup": signed_in(),
    "accounts:2fa_verify": signed_in("R:/accounts/2fa/setup/"),  # nobody has a device yet
    "accounts:privacy_consent": with_(signed_in(), **dict.fromkeys(STAFF, "R:/")),
    "accounts:profile": signed_in(),
    "accounts:resend_verification": public(405),
    "accounts:change_mobile": public(405),
    "accounts:security": signed_in(),
    "accounts:end_sessions": public(405),
    "accounts:organization": signed_in(),
    "accounts:members": with_(only(*ORG_USERS, other="R:/accounts/me/organization/")),
    "accounts:my_data": signed_in(),
    "accounts:download_data": signed_in(),
    "accounts:cancel": signed_in(),
    "accounts:certification_queue": only("admin", "operator", "operator_reviewer", "changsha_bureau", "shaoyang_bureau"),
    # OpenID Connect provider
    "oauth2_provider:oidc-connect-discovery-info": public(),
    "oauth2_provider:jwks-info": public(),
    "oauth2_provider:authorize": signed_in(400),  # no client parameters given
    "oauth2_provider:token": public(405),
    "oauth2_provider:revoke-token": public(405),
    "oauth2_provider:introspect": public(403),  # needs a client token
    "oauth2_provider:user-info": public(401),  # needs a bearer token
    # search, notifications
    "search:search": public(),
    "search:suggest": public(),
    "notifications:inbox": signed_in(),
    "notifications:mark_read": signed_in(405),
    "notifications:archive": signed_in(405),
    "notifications:preferences": signed_in(),
    "notifications:push_list": only("admin", "dept_admin", "operator", "changsha_bureau", "shaoyang_bureau"),
    "notifications:push_compose": only("admin", "dept_admin", "operator", "changsha_bureau", "shaoyang_bureau"),
    "notifications:push_preview": only("admin", "dept_admin", "operator", "changsha_bureau", "shaoyang_bureau", code=405),
    # consultation, experts
    "consultation:faq": public(),
    "consultation:ask": public(),
    "consultation:forget_mobile": public(405),
    "consultation:mine": signed_in(),
    "consultation:staff_list": only(*STAFF),
    "consultation:dashboard": only(*STAFF),
    "experts:list": public(),
    # government services
    "archive:mine": with_(
        only(),
        **dict.fromkeys(PROVINCE_AND_CITY, "R:/archive/organizations/"),
        **dict.fromkeys(CERTIFIED_ORGS, "R:/archive/"),
    ),
    "archive:organizations": only(*PROVINCE_AND_CITY),
    "guides:index": public(),
    "labour:mine": only(*ENTERPRISES),
    "labour:create": only(),  # needs a labour-cooperation qualification (none in the demo accounts)
    "labour:template": only(*ENTERPRISES),
    "labour:queue": only(*PROVINCE_AND_CITY),
    "labour:qualifications": only("admin", "dept_admin", "dept_reviewer"),
    "zones:mine": only(),  # overseas-zone institutions only (none in the demo accounts)
    "zones:create": only(),
    "zones:review": only("admin", "dept_admin", "dept_reviewer"),
    "zones:scorecard": only("admin", "dept_admin"),
    "zones:results_index": public(),
    "aid:index": public(),
    "aid:projects": only(*PROVINCE_AND_CITY),
    "aid:trainees": only(*PROVINCE_AND_CITY),
    "aid:stats": only(*PROVINCE_AND_CITY),
    "aid:import": only("admin", "dept_admin"),
    "overseas:list": public(),
    "overseas:mine": only(*CERTIFIED_ORGS),
    "overseas:propose_new": only(*CERTIFIED_ORGS),
    "overseas:changes": only("admin", "dept_admin", "dept_reviewer", "operator_reviewer"),
    "filings:mine": only(*ENTERPRISES),
    "filings:queue": only(*PROVINCE_AND_CITY),
    "filings:queue_export": only(*PROVINCE_AND_CITY),
    "stats:dashboard": only(*PROVINCE_AND_CITY),
    "stats:export": only(*PROVINCE_AND_CITY),
    "stats:public": public(),
    "datacalls:index": only(*PROVINCE_AND_CITY, *ENTERPRISES),
    "datacalls:manage": only(*PROVINCE_AND_CITY),
    "datacalls:create": only("admin", "dept_admin", "changsha_bureau", "shaoyang_bureau"),
    # matchmaking, directory, rating, consortia, events
    "matching:market": public(),
    "matching:africa": public(),
    "matching:stats": public(),
    "matching:create": only(*CERTIFIED_ORGS),
    "matching:mine": signed_in(),
    "matching:review": only("admin", "operator_reviewer"),
    "matching:api_listings": public(401),  # API token of the peer platform
    "matching:api_peer_import": public(405),
    "directory:index": public(),
    "directory:edit": only(*ENTERPRISES),
    "directory:institutions": public(),
    "rating:mine": only(*ENTERPRISES),
    "rating:review": only("admin", "dept_admin", "dept_reviewer"),
    "rating:results_index": public(),
    "rating:quality": public(),
    "consortia:index": public(),
    "consortia:create": only(*ENTERPRISES),
    "consortia:mine": signed_in(),
    "events:list": public(),
    "events:mine": signed_in(),
    "events:manage": only("admin", "dept_admin", "dept_reviewer", "operator", "operator_reviewer", "changsha_bureau", "shaoyang_bureau", "institution"),
    "events:create": only("admin", "dept_admin", "operator", "operator_reviewer", "changsha_bureau", "shaoyang_bureau", "institution"),
}

PUBLIC, PROTECTED = "public", "protected"
# Named URLs with arguments → (arguments, public or protected).
OBJECT_URLS = {
    "wagtaildocs_serve": ((999999, "x.pdf"), PUBLIC),
    "wagtaildocs_authenticate_with_password": ({"restriction_id": 999999}, PUBLIC),
    "wagtailcore_authenticate_with_password": ({"page_view_restriction_id": 999999, "page_id": 999999}, PUBLIC),
    "column_feed": ({"page_id": 999999}, PUBLIC),
    "portal:column_atom": ({"page_id": 999999}, PUBLIC),
    "accounts:verify_email": ({"token": "forged"}, PROTECTED),  # a bad link sends visitors to the login page
    "accounts:invitation": ({"token": "forged"}, PUBLIC),
    "accounts:privacy_version": ({"version": "0.0"}, PUBLIC),
    "accounts:member_action": ({"pk": 999999, "action": "remove"}, PROTECTED),
    "accounts:revoke_invitation": ({"pk": 999999}, PROTECTED),
    "accounts:certification_detail": ({"pk": 999999}, PROTECTED),
    "accounts:certification_licence": ({"pk": 999999}, PROTECTED),
    "notifications:open": ({"pk": 999999}, PROTECTED),
    "notifications:push_detail": ({"pk": 999999}, PROTECTED),
    "consultation:mine_detail": ({"pk": 999999}, PROTECTED),
    "consultation:track": ({"token": "forged"}, PUBLIC),
    "consultation:staff_detail": ({"pk": 999999}, PROTECTED),
    "experts:detail": ({"pk": 999999}, PUBLIC),
    "archive:detail": ({"org_id": 999999}, PROTECTED),
    "guides:detail": ({"slug": "no-such-guide"}, PUBLIC),
    "labour:detail": ({"pk": 999999}, PROTECTED),
    "labour:edit": ({"pk": 999999}, PROTECTED),
    "labour:upload": ({"pk": 999999}, PROTECTED),
    "labour:export_workers": ({"pk": 999999}, PROTECTED),
    "labour:apply_import": ({"pk": 999999, "import_id": 999999}, PROTECTED),
    "labour:remove_worker": ({"pk": 999999, "worker_id": 999999}, PROTECTED),
    "labour:submit": ({"pk": 999999}, PROTECTED),
    "labour:review": ({"pk": 999999}, PROTECTED),
    "zones:publish": ({"year": 2025}, PROTECTED),
    "zones:results": ({"year": 1990}, PUBLIC),
    "zones:detail": ({"pk": 999999}, PROTECTED),
    "zones:edit": ({"pk": 999999}, PROTECTED),
    "zones:submit": ({"pk": 999999}, PROTECTED),
    "zones:score": ({"pk": 999999}, PROTECTED),
    "zones:return": ({"pk": 999999}, PROTECTED),
    "aid:showcase": ({"kind": "no-such-kind"}, PUBLIC),
    "aid:template": ({"dataset": "projects"}, PROTECTED),
    "overseas:detail": ({"pk": 999999}, PUBLIC),
    "overseas:propose_edit": ({"pk": 999999}, PROTECTED),
    "overseas:change": ({"pk": 999999}, PROTECTED),
    "filings:create": ({"kind": "investment"}, PROTECTED),
    "filings:threshold": ({"kind": "investment"}, PROTECTED),
    "filings:detail": ({"pk": 999999}, PROTECTED),
    "filings:edit": ({"pk": 999999}, PROTECTED),
    "filings:transition": ({"pk": 999999, "name": "submit"}, PROTECTED),
    "filings:attachment_add": ({"pk": 999999}, PROTECTED),
    "filings:attachment_download": ({"pk": 999999, "attachment_id": 999999}, PROTECTED),
    "filings:attachment_delete": ({"pk": 999999, "attachment_id": 999999}, PROTECTED),
    "filings:report_new": ({"pk": 999999, "kind": "progress"}, PROTECTED),
    "filings:report_review": ({"pk": 999999, "report_id": 999999}, PROTECTED),
    "datacalls:fill": ({"pk": 999999}, PROTECTED),
    "datacalls:file": ({"pk": 999999}, PROTECTED),
    "datacalls:results": ({"pk": 999999}, PROTECTED),
    "datacalls:edit": ({"pk": 999999}, PROTECTED),
    "datacalls:publish": ({"pk": 999999}, PROTECTED),
    "datacalls:close": ({"pk": 999999}, PROTECTED),
    "datacalls:extend": ({"pk": 999999}, PROTECTED),
    "datacalls:remind": ({"pk": 999999}, PROTECTED),
    "datacalls:export": ({"pk": 999999}, PROTECTED),
    "datacalls:submission": ({"pk": 999999}, PROTECTED),
    "datacalls:lock": ({"pk": 999999}, PROTECTED),
    "matching:detail": ({"pk": 999999}, PUBLIC),
    "matching:edit": ({"pk": 999999}, PROTECTED),
    "matching:listing_action": ({"pk": 999999, "action": "close"}, PROTECTED),
    "matching:attachment": ({"pk": 999999, "attachment_id": 999999}, PROTECTED),
    "matching:intent": ({"pk": 999999}, PROTECTED),
    "matching:review_action": ({"pk": 999999}, PROTECTED),
    "matching:api_listing": ({"pk": 999999}, PROTECTED),
    "directory:profile": ({"org_id": 999999}, PUBLIC),
    "rating:report": ({"year": 2025}, PROTECTED),
    "rating:cycle_action": ({"year": 2025, "action": "open"}, PROTECTED),
    "rating:results": ({"year": 1990}, PUBLIC),
    "rating:detail": ({"pk": 999999}, PROTECTED),
    "rating:score": ({"pk": 999999}, PROTECTED),
    "rating:return": ({"pk": 999999}, PROTECTED),
    "consortia:detail": ({"pk": 999999}, PUBLIC),
    "consortia:invite": ({"pk": 999999}, PROTECTED),
    "consortia:apply": ({"pk": 999999}, PROTECTED),
    "consortia:close": ({"pk": 999999}, PROTECTED),
    "consortia:answer": ({"membership_id": 999999, "decision": "accept"}, PROTECTED),
    "events:detail": ({"pk": 999999}, PUBLIC),
    "events:handbook": ({"pk": 999999}, PROTECTED),
    "events:ics": ({"pk": 999999}, PUBLIC),
    "events:cancel_registration": ({"pk": 999999}, PROTECTED),
    "events:manage_detail": ({"pk": 999999}, PROTECTED),
    "events:edit": ({"pk": 999999}, PROTECTED),
    "events:transition": ({"pk": 999999, "name": "publish"}, PROTECTED),
    "events:checkin": ({"pk": 999999}, PROTECTED),
    "events:export": ({"pk": 999999}, PROTECTED),
    "events:notify": ({"pk": 999999}, PROTECTED),
    "events:decide": ({"pk": 999999, "decision": "approve"}, PROTECTED),
}
# Served by Wagtail's page tree / static files, not by a capability's view.
NOT_CHECKED = {"wagtail_serve", None}

WAGTAIL_STAFF = [u for u in STAFF if u != "auditor"]  # the audit administrator has no Wagtail admin
NO_SECTION = "R:/admin/"  # Wagtail sends a role without the section's permission back to the dashboard
# Admin areas: the Wagtail admin (/admin/) and its main sections, and the Django admin (/django-admin/).
ADMIN_AREAS = {
    "/admin/": only(*WAGTAIL_STAFF, other="L"),
    # Roles with page permissions land in their part of the tree (a city bureau in its own zone).
    "/admin/pages/": with_(
        only(*WAGTAIL_STAFF, other="L"),
        **dict.fromkeys(["dept_admin", "dept_reviewer", "bank_editor", "bank_reviewer", "operator", "operator_reviewer", "changsha_bureau", "shaoyang_bureau"], "R:/admin/pages/"),
        **dict.fromkeys(["bank_adviser", "sysadmin", "secadmin"], NO_SECTION),
    ),
    "/admin/images/": with_(only(*WAGTAIL_STAFF, other="L"), **dict.fromkeys(["bank_adviser", "sysadmin", "secadmin"], NO_SECTION)),
    "/admin/documents/": with_(only(*WAGTAIL_STAFF, other="L"), **dict.fromkeys(["bank_adviser", "sysadmin", "secadmin"], NO_SECTION)),
    "/admin/users/": with_(only("admin", "sysadmin", "secadmin", other="L"), **{u: NO_SECTION for u in WAGTAIL_STAFF if u not in ("admin", "sysadmin", "secadmin")}),
    "/admin/groups/": with_(only("admin", "secadmin", other="L"), **{u: NO_SECTION for u in WAGTAIL_STAFF if u not in ("admin", "secadmin")}),
    "/admin/sites/": with_(only("admin", "sysadmin", other="L"), **{u: NO_SECTION for u in WAGTAIL_STAFF if u not in ("admin", "sysadmin")}),
    "/admin/redirects/": with_(only("admin", "sysadmin", other="L"), **{u: NO_SECTION for u in WAGTAIL_STAFF if u not in ("admin", "sysadmin")}),
    "/django-admin/": only(*STAFF, other="L"),
    "/django-admin/accounts/user/": with_(only("admin", "sysadmin", "secadmin"), **dict.fromkeys([*ORG_USERS, "individual"], "L")),
    "/django-admin/accounts/organization/": with_(
        only("admin", "dept_admin", "dept_reviewer", "operator", "operator_reviewer", "sysadmin", "changsha_bureau", "shaoyang_bureau"),
        **dict.fromkeys([*ORG_USERS, "individual"], "L"),
    ),
    "/django-admin/accounts/certificationrequest/": with_(
        only("admin", "operator", "operator_reviewer", "changsha_bureau", "shaoyang_bureau"), **dict.fromkeys([*ORG_USERS, "individual"], "L")
    ),
    "/django-admin/accounts/loginthrottle/": with_(only("admin", "secadmin"), **dict.fromkeys([*ORG_USERS, "individual"], "L")),
    "/django-admin/accounts/privacypolicy/": with_(only("admin", "secadmin"), **dict.fromkeys([*ORG_USERS, "individual"], "L")),
    "/django-admin/auth/group/": with_(only("admin", "secadmin"), **dict.fromkeys([*ORG_USERS, "individual"], "L")),
    "/django-admin/oauth2_provider/application/": with_(only("admin", "secadmin"), **dict.fromkeys([*ORG_USERS, "individual"], "L")),
    "/django-admin/otp_totp/totpdevice/": with_(only("admin", "secadmin"), **dict.fromkeys([*ORG_USERS, "individual"], "L")),
    "/django-admin/accounts/smsoutbox/": with_(only("admin"), **dict.fromkeys([*ORG_USERS, "individual"], "L")),
    # The audit log: the audit administrator only — not even the superuser or the system administrator.
    "/django-admin/audit/auditentry/": with_(only("auditor"), **dict.fromkeys([*ORG_USERS, "individual"], "L")),
}

LOGIN_PREFIXES = ("/accounts/login/", "/admin/login/", "/django-admin/login/", "/_util/login/")


def outcome(response):
    if response.status_code in (301, 302):
        url = response.url
        if url.startswith(LOGIN_PREFIXES):
            return "L"
        return "R:" + url.split("?", 1)[0]
    return response.status_code


def matches(expected, got):
    if isinstance(expected, str) and expected.startswith("R:") and isinstance(got, str):
        return got.startswith(expected)
    return expected == got


def project_patterns():
    """Every (name, pattern) of the URL map outside the two admins' own URL trees."""

    def walk(resolver, prefix="", namespace=None):
        for p in resolver.url_patterns:
            if isinstance(p, URLResolver):
                ns = f"{namespace}:{p.namespace}" if namespace and p.namespace else (p.namespace or namespace)
                yield from walk(p, prefix + str(p.pattern), ns)
            elif isinstance(p, URLPattern):
                name = f"{namespace}:{p.name}" if namespace and p.name else p.name
                yield name, prefix + str(p.pattern)

    for name, route in walk(get_resolver()):
        if not route.startswith(("admin/", "django-admin/")):
            yield name, route


@pytest.fixture
def clients():
    from accounts import demo
    from accounts.models import User

    demo.load(None)
    try:
        from portal.permissions import setup as portal_setup

        portal_setup()
    except ImportError:  # pragma: no cover - portal is part of the platform
        pass
    result = {"anon": Client()}
    for username in SIGNED_IN:
        c = Client()
        c.force_login(User.objects.get(username=username))
        result[username] = c
    return result


@pytest.fixture(autouse=True)
def _quiet_request_log():
    logging.disable(logging.WARNING)  # thousands of expected 403/404 would each log a traceback
    yield
    logging.disable(logging.NOTSET)


def test_every_url_is_classified():
    names = {name for name, _ in project_patterns()}
    missing = sorted(n for n in names - set(URLS) - set(OBJECT_URLS) - NOT_CHECKED)
    assert not missing, f"classify these URLs in accounts/tests/test_permission_matrix.py: {missing}"
    stale = sorted((set(URLS) | set(OBJECT_URLS)) - names)
    assert not stale, f"these classified URLs no longer exist: {stale}"
    for table in (URLS, ADMIN_AREAS):
        for key, row in table.items():
            assert set(row) == set(EVERYONE), key


def test_permission_matrix(clients):
    """The city bureaus' landing pages differ (each its own zone), so "R:/admin/pages/" is a prefix."""
    failures = []
    for area, row in ADMIN_AREAS.items():
        for user, expected in row.items():
            got = outcome(clients[user].get(area))
            if not matches(expected, got):
                failures.append(f"{area} as {user}: expected {expected}, got {got}")
    for name, row in URLS.items():
        url = reverse(name)
        for user, expected in row.items():
            got = outcome(clients[user].get(url))
            if not matches(expected, got):
                failures.append(f"{name} ({url}) as {user}: expected {expected}, got {got}")
    assert not failures, f"{len(failures)} differences:\n" + "\n".join(failures)


def test_object_urls_are_closed_to_visitors_and_never_fail(clients):
    failures = []
    for name, (args, kind) in OBJECT_URLS.items():
        url = reverse(name, args=args) if isinstance(args, tuple) else reverse(name, kwargs=args)
        anon = outcome(clients["anon"].get(url))
        if kind == PROTECTED and anon not in ("L", 401, 403, 404, 405):
            failures.append(f"{name} ({url}) is open to visitors: {anon}")
        if kind == PUBLIC and anon == "L":
            failures.append(f"{name} ({url}) is public but asks visitors to sign in")
        for user in ("individual", "enterprise", "dept_admin"):
            got = clients[user].get(url).status_code
            if got >= 500:
                failures.append(f"{name} ({url}) as {user}: server error {got}")
    assert not failures, "\n".join(failures)
