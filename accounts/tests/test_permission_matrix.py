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
    "consultation:mine_attachment": ({"pk": 999999, "attachment_id": 999999}, PROTECTED),
    "consultation:track": ({"token": "forged"}, PUBLIC),
    "consultation:track_attachment": ({"token": "forged", "attachment_id": 999999}, PUBLIC),  # the signed link is the key
    "consultation:staff_detail": ({"pk": 999999}, PROTECTED),
    "consultation:staff_attachment": ({"pk": 999999, "attachment_id": 999999}, PROTECTED),
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
# Routes without a name cannot be listed above; each must be one of these (static/media serving).
UNNAMED_ROUTES = {"^media/(?P<path>.*)$"}

WAGTAIL_STAFF = [u for u in STAFF if u != "auditor"]  # the audit administrator has no Wagtail admin
NO_SECTION = "R:/admin/"  # Wagtail sends a role without the section's permission back to the dashboard
CONTENT_STAFF = ["dept_admin", "dept_reviewer", "bank_editor", "bank_reviewer", "operator", "operator_reviewer", "changsha_bureau", "shaoyang_bureau"]
NOT_SIGNED_IN_STAFF = [*ORG_USERS, "individual"]


def wagtail(*users):
    """A Wagtail admin section: ``users`` open it, other staff are sent to the dashboard, the rest to sign in."""
    return with_(only(*users, other="L"), **{u: NO_SECTION for u in WAGTAIL_STAFF if u not in users})


def django_admin(*users):
    """A Django admin changelist: ``users`` open it, other staff get 403, the rest are sent to sign in."""
    return with_(only(*users), **dict.fromkeys(NOT_SIGNED_IN_STAFF, "L"))


# Every model registered in the Django admin (/django-admin/<app>/<model>/) → who may open its list.
# Staff work in the site's own pages; the Django admin is for the security roles, a few reference
# tables, and the superuser. ``test_every_admin_area_is_classified`` fails on an unlisted model.
DJANGO_ADMIN_MODELS = {
    "accounts.user": ("admin", "sysadmin", "secadmin"),
    "accounts.organization": ("admin", "dept_admin", "dept_reviewer", "operator", "operator_reviewer", "sysadmin", "changsha_bureau", "shaoyang_bureau"),
    "accounts.certificationrequest": ("admin", "operator", "operator_reviewer", "changsha_bureau", "shaoyang_bureau"),
    "accounts.invitation": ("admin",),
    "accounts.loginthrottle": ("admin", "secadmin"),
    "accounts.privacypolicy": ("admin", "secadmin"),
    "accounts.privacyconsent": ("admin", "secadmin"),
    "accounts.usersession": ("admin", "sysadmin"),
    "accounts.smsoutbox": ("admin",),
    "accounts.rolegrantrequest": ("admin", "secadmin"),
    "auth.group": ("admin", "secadmin"),
    "otp_totp.totpdevice": ("admin", "secadmin"),
    "oauth2_provider.application": ("admin", "secadmin"),
    "oauth2_provider.accesstoken": ("admin",),
    "oauth2_provider.refreshtoken": ("admin",),
    "oauth2_provider.idtoken": ("admin",),
    "oauth2_provider.grant": ("admin",),
    # The audit log: the audit administrator only — not even the superuser or the system administrator.
    "audit.auditentry": ("auditor",),
    "taxonomy.country": ("admin", "sysadmin"),
    "taxonomy.industry": ("admin", "sysadmin"),
    "background.periodicjob": ("admin",),
    "django_tasks_database.dbtaskresult": ("admin",),
    "taggit.tag": ("admin",),
    "wagtailimages.image": ("admin", *CONTENT_STAFF),
    "wagtaildocs.document": ("admin", *CONTENT_STAFF),
    "notifications.push": ("admin",),
    "notifications.delivery": ("admin",),
    "consultation.categorypolicy": ("admin",),
    "consultation.routingrule": ("admin",),
    "consultation.teamlead": ("admin",),
    "consultation.enquiry": ("admin",),
    "experts.expert": ("admin",),
    "events.event": ("admin", "dept_admin", "dept_reviewer", "operator", "operator_reviewer", "changsha_bureau", "shaoyang_bureau"),
    "events.registration": ("admin", "dept_admin", "dept_reviewer", "operator", "operator_reviewer", "changsha_bureau", "shaoyang_bureau"),
    "filings.filing": ("admin",),
    "filings.exchangerate": ("admin",),
    "labour.qualification": ("admin",),
    "labour.dispatchfiling": ("admin",),
    "zones.indicator": ("admin",),
    "zones.zonereport": ("admin",),
    "aid.aidproject": ("admin",),
    "aid.aidtrainee": ("admin",),
    "aid.importrun": ("admin",),
    "overseas.overseasinstitution": ("admin",),
    "overseas.institutionchange": ("admin",),
    "datacalls.datacall": ("admin",),
    "datacalls.submission": ("admin",),
    "matching.listing": ("admin",),
    "matching.apiclient": ("admin",),
    "matching.peerevent": ("admin",),
    "matching.matchnotice": ("admin",),
    "rating.ratingcycle": ("admin",),
    "rating.dimension": ("admin",),
    "rating.indicator": ("admin",),
    "rating.submission": ("admin",),
    "directory.enterpriseprofile": ("admin",),
    "consortia.consortium": ("admin",),
}

# Admin areas: the Wagtail admin (/admin/) and its sections, and the Django admin (/django-admin/).
ADMIN_AREAS = {
    "/admin/": only(*WAGTAIL_STAFF, other="L"),
    # Roles with page permissions land in their part of the tree (a city bureau in its own zone).
    "/admin/pages/": with_(wagtail("admin"), **dict.fromkeys(CONTENT_STAFF, "R:/admin/pages/")),
    "/admin/images/": wagtail("admin", *CONTENT_STAFF),
    "/admin/documents/": wagtail("admin", *CONTENT_STAFF),
    "/admin/collections/": wagtail("admin"),
    # The service guides (a snippet) are kept by the department's admin and the platform's editors.
    "/admin/snippets/": wagtail("admin", "dept_admin", "operator", "operator_reviewer"),
    "/admin/snippets/guides/serviceguide/": wagtail("admin", "dept_admin", "operator", "operator_reviewer"),
    "/admin/snippets/sitesearch/synonym/": wagtail("admin"),
    "/admin/forms/": wagtail("admin", *CONTENT_STAFF),
    "/admin/users/": wagtail("admin", "sysadmin", "secadmin"),
    "/admin/groups/": wagtail("admin", "secadmin"),
    "/admin/sites/": wagtail("admin", "sysadmin"),
    "/admin/redirects/": wagtail("admin", "sysadmin"),
    "/admin/workflows/list/": wagtail("admin"),
    "/admin/workflows/tasks/index/": wagtail("admin"),
    # Locked pages: the roles that may unlock (reviewers, the department admin, the city bureaus).
    "/admin/reports/locked/": wagtail("admin", "dept_admin", "dept_reviewer", "bank_reviewer", "operator_reviewer", "changsha_bureau", "shaoyang_bureau"),
    "/admin/reports/workflow/": wagtail("admin", *CONTENT_STAFF),
    "/admin/reports/workflow_tasks/": wagtail("admin", *CONTENT_STAFF),
    "/admin/reports/aging-pages/": wagtail("admin", *CONTENT_STAFF),
    "/admin/reports/page-types-usage/": wagtail("admin", *CONTENT_STAFF),
    # Wagtail's content-change history, filtered by Wagtail to what each role may edit (it is not
    # the security audit log, which only the audit administrator reads).
    "/admin/reports/site-history/": wagtail(*WAGTAIL_STAFF),
    "/admin/portal/expired/": wagtail("admin", "dept_admin", "operator", "operator_reviewer"),
    "/admin/search-report/report/": wagtail("admin"),
    "/admin/account/": wagtail(*WAGTAIL_STAFF),
    "/django-admin/": only(*STAFF, other="L"),
    **{f"/django-admin/{label.replace('.', '/')}/": django_admin(*users) for label, users in DJANGO_ADMIN_MODELS.items()},
}
# First path segments of the Wagtail admin that are not areas of their own: choosers, APIs,
# previews and helpers used from inside the sections above (each checks the user's permissions),
# the login/logout/password pages (forwarded to the platform's), and the settings menu (no
# settings models are registered).
WAGTAIL_HELPER_SEGMENTS = {
    "",
    "^.*",
    "api",
    "block-preview",
    "bulk",
    "choose-anchor-link",
    "choose-email-link",
    "choose-external-link",
    "choose-page",
    "choose-phone-link",
    "dismissibles",
    "editing-sessions",
    "embeds",
    "failwhale",
    "jsi18n",
    "login",
    "logout",
    "password_reset",
    "settings",
    "sprite",
    "tag-autocomplete",
    "test404",
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
    if expected == NO_SECTION:  # exactly the dashboard, not a page inside the admin
        return got == NO_SECTION
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


def test_every_admin_area_is_classified():
    from django.contrib import admin

    registered = {model._meta.label_lower for model in admin.site._registry}
    assert not registered - set(DJANGO_ADMIN_MODELS), f"add these Django admin models to DJANGO_ADMIN_MODELS: {sorted(registered - set(DJANGO_ADMIN_MODELS))}"
    assert not set(DJANGO_ADMIN_MODELS) - registered, f"no longer in the Django admin: {sorted(set(DJANGO_ADMIN_MODELS) - registered)}"
    wagtail_admin = next(p for p in get_resolver().url_patterns if isinstance(p, URLResolver) and str(p.pattern) == "admin/")
    segments = {str(p.pattern).split("/", 1)[0] for p in wagtail_admin.url_patterns}
    classified = {area.split("/")[2] for area in ADMIN_AREAS if area.startswith("/admin/")}
    missing = sorted(segments - classified - WAGTAIL_HELPER_SEGMENTS)
    assert not missing, f"classify these Wagtail admin sections in ADMIN_AREAS (or WAGTAIL_HELPER_SEGMENTS): {missing}"


def test_every_url_is_classified():
    names = {name for name, _ in project_patterns()}
    missing = sorted(n for n in names - set(URLS) - set(OBJECT_URLS) - NOT_CHECKED)
    assert not missing, f"classify these URLs in accounts/tests/test_permission_matrix.py: {missing}"
    stale = sorted((set(URLS) | set(OBJECT_URLS)) - names)
    assert not stale, f"these classified URLs no longer exist: {stale}"
    unnamed = sorted(route for name, route in project_patterns() if name is None and route not in UNNAMED_ROUTES)
    assert not unnamed, f"give these routes a name and classify them: {unnamed}"
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
