"""No request, however hostile, gets a server error: every route, as every demo role.

The rule (issue 14): whatever a visitor or a signed-in user puts in a URL, a query string or a
form, the answer is a page, a clear error, a redirect or a 404 — never a 500. This test makes that
class of bug impossible to ship again by requesting the whole site with hostile values.

How it works, per (role, group of routes) so that xdist spreads the work:

1. The demo content (``manage.py load_demo``) is loaded once per module and worker and rolled
   back at the end, so real objects exist; each demo role signs in with ``force_login``.
2. Explore: the group's routes without parameters (and the role's workbench) are requested; the
   links and forms they show give real object ids for the routes with parameters and the names
   of the parameters each view reads. Links into the group are followed two levels deep.
3. Unknown objects: every id of every route is requested with an id that does not exist (by GET
   and POST) and with one beyond 64 bits, the other ids real: 404 expected, never 500.
4. Hostile values: Hypothesis draws, for each route the role can open, path values (real and
   unknown), a method (GET/POST), an htmx header or not, and query or form values for the
   parameters found plus a generic set (``sweep.GENERIC_PARAMS``): quotes, backslashes, null
   bytes, 10,000 characters, huge and negative numbers, ``1e309``, ``NaN``, ``[]``, full-width
   punctuation, impossible dates, unknown ids, random text. The run is derandomized with no
   example database, so every run sends the same requests; each role and route has its own seed,
   so the roles that share a page send it different values. ``SWEEP_EXAMPLES`` (default 2)
   sets the hostile requests per route and role; ``SWEEP_PROFILE=file`` writes each test's
   request count and CPU time there, for tuning it.

Any response ≥ 500, or an exception a view lets escape, fails the test with a line per failure
naming the role, method, URL, parameters and the raising line of project code.

Scope (``sweep.site_routes``): every route of the project and of the libraries it mounts, the
Django admin of the project's own models and the project's own Wagtail admin views; Wagtail
pages are swept from the page tree, one or two live pages of each page type. Out: the rest of
the Wagtail and Django admin (the frameworks' own screens) and static/media serving.
"""

import io
import logging
import os
import time
import traceback
import zlib

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from hypothesis import HealthCheck, Phase, given
from hypothesis import seed as hypothesis_seed
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from accounts.tests.test_permission_matrix import SIGNED_IN
from config.tests import sweep

EXAMPLES = int(os.environ.get("SWEEP_EXAMPLES", "2"))  # hostile requests per route and role (each role draws others)
ROLES = ["anon", *SIGNED_IN]  # a visitor and every demo login, as the permission matrix names them
GROUPS = sweep.site_routes()
PAGE_ROLES = ["anon", "enterprise", "changsha_bureau"]  # pages differ little by role; the rest is public
REFUSED = (401, 403, 404)
LOGIN_PREFIXES = ("/accounts/login/", "/admin/login/", "/django-admin/login/", "/_util/login/")


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker):
    """The demo content, loaded once for this module (per xdist worker) and rolled back after it."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            call_command("load_demo", quiet_logins=True, stdout=io.StringIO())
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture(autouse=True)
def _quiet_request_log():
    logging.disable(logging.CRITICAL)  # every 404 and 400 would log; failures are reported below
    yield
    logging.disable(logging.NOTSET)


class Sweeper:
    """Requests one group of routes as one role and remembers every server error."""

    def __init__(self, role, routes):
        from accounts.models import User

        self.role = role
        self.routes = {r.route: r for r in routes}
        self.user = None if role == "anon" else User.objects.get(username=role)
        self.client = Client()
        self.sign_in()
        self.real = {key: {} for key in self.routes}  # route → {path parameter: {real values}}
        self.fields = {key: set() for key in self.routes}  # route → parameter names its pages use
        self.open = set()  # routes the role may open (not refused, not sent to sign in)
        self.failures = []
        self.requests = 0

    def sign_in(self):
        if self.user is not None:
            self.client.force_login(self.user)

    # --- one request

    def request(self, method, path, params=None, *, htmx=False):
        """Send one request; a 5xx or an escaped exception becomes a failure line."""
        self.requests += 1
        headers = {"HX-Request": "true"} if htmx else {}
        send = self.client.post if method == "POST" else self.client.get
        try:
            with transaction.atomic():  # a failed query must not poison the rest of the sweep
                response = send(path, params or {}, headers=headers)
        except Exception as exc:  # noqa: BLE001 - every escaped exception is what this test reports
            self.fail(method, path, params, htmx, f"{type(exc).__name__}: {str(exc)[:200]} {_where(exc)}")
            self.sign_in()
            return None
        if response.status_code >= 500:
            self.fail(method, path, params, htmx, f"status {response.status_code}")
        if self.user is not None and not response.wsgi_request.user.is_authenticated:
            self.sign_in()  # signed out by the request (logout, ended sessions): sign in again
        return response

    def fail(self, method, path, params, htmx, what):
        shown = {k: _short(v) for k, v in (params or {}).items()}
        self.failures.append(f"[{self.role}] {method} {_short(path)} {shown}{' (htmx)' if htmx else ''} → {what}")

    # --- 1. explore

    def explore(self, seeds, depth=2, per_route=2):
        """GET the seeds and follow links into the group ``depth`` levels deep, at most ``per_route`` per route."""
        queued = {}
        todo = list(seeds)
        seen = set(todo)
        for _ in range(depth + 1):
            found = []
            for path in todo:
                response = self.request("GET", path)
                if response is None:
                    continue
                match = sweep.route_of(path)
                if match and match[0] in self.routes and _opens(response):
                    self.open.add(match[0])
                for link in self.learn(sweep.page_offers(response, path)):
                    route = sweep.route_of(link)[0]
                    if link not in seen and queued.get(route, 0) < per_route:
                        seen.add(link)
                        queued[route] = queued.get(route, 0) + 1
                        found.append(link)
            todo = found

    def learn(self, offers):
        """Remember the real path values and parameter names ``offers`` show; return its paths into the group."""
        into_group = []
        for path, names in offers.items():
            match = sweep.route_of(path)
            if not match or match[0] not in self.routes:
                continue
            route, values = match
            for key, value in values.items():
                self.real[route].setdefault(key, set()).add(value)
            self.fields[route] |= names["get"] | names["post"]
            into_group.append(path)
        return into_group

    # --- 2. unknown objects

    def unknown_objects(self):
        """Each id of each route, unknown (the others real where known): 404, never 500."""
        for route in self.routes.values():
            ints = [k for k, c in route.converters.items() if type(c).__name__ == "IntConverter"]
            for key in ints:
                for unknown, methods in (("999999", ["GET", "POST"]), ("99999999999999999999", ["GET"])):
                    values = {k: _some(self.real[route.route].get(k), c) for k, c in route.converters.items()}
                    values[key] = unknown
                    for method in methods:
                        self.request(method, route.url(values))

    # --- 3. hostile values

    def hostile(self, examples=EXAMPLES):
        for route in self.routes.values():
            budget = examples if route.route in self.open else self.text_budget(route)
            if budget:
                real = self.real[route.route]
                segments = {k: sweep.segment_values(c, real.get(k)) for k, c in route.converters.items()}
                self.send_hostile(route.route, st.fixed_dictionaries(segments).map(route.url), self.fields[route.route], budget)

    def text_budget(self, route):
        """Hostile requests for a route with a text parameter no link showed (a token, a kind).

        One that opens with a made-up value gets the full budget; one that answers 404 one request
        (the value still reaches a lookup); one that asks to sign in or refuses, none.
        """
        if self.real[route.route] or all(type(c).__name__ == "IntConverter" for c in route.converters.values()):
            return 0
        response = self.request("GET", route.url({k: _some(None, c) for k, c in route.converters.items()}))
        if response is None:
            return 0
        if _opens(response):
            return EXAMPLES
        return 1 if response.status_code == 404 and not route.route.startswith("django-admin/") else 0

    def send_hostile(self, key, paths, names, examples):
        """``examples`` requests to a path drawn from ``paths`` with hostile values for ``names`` and generic parameters."""

        # A seed per role and route: every run sends the same requests, each role different ones.
        @hypothesis_seed(zlib.crc32(f"{self.role} {key}".encode()))
        @hypothesis_settings(
            max_examples=examples,
            database=None,
            deadline=None,
            phases=[Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        @given(st.data())
        def one_request(data):
            path = data.draw(paths)
            method = data.draw(st.sampled_from(["GET", "POST"]))
            self.request(method, path, data.draw(sweep.hostile_params(names)), htmx=data.draw(st.booleans()))

        one_request()

    def report(self):
        unique = list(dict.fromkeys(self.failures))
        return f"{len(unique)} server errors in {self.requests} requests:\n" + "\n".join(unique[:80])


def _opens(response):
    if response.status_code in REFUSED:
        return False
    if response.status_code in (301, 302):
        return not response.url.startswith(LOGIN_PREFIXES) and response.url != "/admin/"
    return True


def _some(real, converter):
    if real:
        return sorted(real)[0]
    return {"IntConverter": "1", "UUIDConverter": sweep.UNKNOWN_UUID}.get(type(converter).__name__, "x")


def _short(value):
    if isinstance(value, list):
        return [_short(v) for v in value]
    value = str(value)
    return value if len(value) <= 80 else f"{value[:40]!r}…({len(value)} chars)"


def _where(exc):
    """The innermost frame of project code that the exception passed through."""
    base = str(settings.BASE_DIR)
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename.startswith(base) and "/.venv/" not in f.filename and "/tests/" not in f.filename]
    if not frames:
        return ""
    f = frames[-1]
    return f"at {f.filename.removeprefix(base + '/')}:{f.lineno} in {f.name}"


_WORKBENCH = {}  # role → paths its workbench links to (the demo data is the same in every test)


def _seeds(sweeper):
    """The group's routes without parameters, and what the role's workbench links to in the group."""
    seeds = [r.url({}) for r in sweeper.routes.values() if not r.converters]
    if sweeper.user is not None:
        if sweeper.role not in _WORKBENCH:
            response = sweeper.request("GET", "/workbench/")
            _WORKBENCH[sweeper.role] = sweep.page_offers(response, "/workbench/") if response is not None else {}
        seeds += [p for p in sweeper.learn(_WORKBENCH[sweeper.role]) if p not in seeds]
    return seeds


def _profile(role, group, sweeper, started):
    """With SWEEP_PROFILE=file: one line per test with its requests and CPU seconds (for tuning the budget)."""
    target = os.environ.get("SWEEP_PROFILE")
    if target:
        with open(target, "a") as out:
            out.write(f"{role:18} {group:26} {sweeper.requests:5} {time.process_time() - started:7.2f} open={len(sweeper.open)}/{len(sweeper.routes)}\n")


@pytest.mark.parametrize("group", sorted(GROUPS))
@pytest.mark.parametrize("role", ROLES)
def test_no_server_errors(role, group, demo_site, db):
    started = time.process_time()
    sweeper = Sweeper(role, GROUPS[group])
    sweeper.explore(_seeds(sweeper))
    sweeper.unknown_objects()
    sweeper.hostile()
    _profile(role, group, sweeper, started)
    if sweeper.failures:
        pytest.fail(sweeper.report(), pytrace=False)


@pytest.mark.parametrize("role", PAGE_ROLES)
def test_no_server_errors_on_pages(role, demo_site, db):
    """Wagtail pages (served from the page tree, not a route of their own): one of each page type."""
    from wagtail.models import Page

    started = time.process_time()
    sweeper = Sweeper(role, [])
    kinds = set()
    for page in Page.objects.live().filter(depth__gt=1).specific().order_by("path"):
        if type(page) in kinds or not page.url:
            continue
        kinds.add(type(page))
        response = sweeper.request("GET", page.url)
        offers = sweep.page_offers(response, page.url) if response is not None else {}
        names = offers.get(page.url, {"get": set(), "post": set()})
        sweeper.send_hostile(page.url, st.just(page.url), names["get"] | names["post"], EXAMPLES)
    _profile(role, "pages", sweeper, started)
    assert len(kinds) > 5, f"the demo page tree has too few page types: {sorted(k.__name__ for k in kinds)}"
    if sweeper.failures:
        pytest.fail(sweeper.report(), pytrace=False)
