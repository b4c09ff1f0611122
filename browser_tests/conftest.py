"""Browser tests: Debian's Chromium (via Playwright) against Django's live server.

Run by ``make test`` (``make test-browser``); skipped with a printed reason when Chromium
is missing. Fixtures:

* ``page``            a Playwright page whose relative URLs go to the live server
* ``login_as(page, user)``  signs ``user`` in by session cookie (the login form itself is
  covered by the accounts journey test)
* ``shot(page, name)``  saves a full-page screenshot to ``var/screenshots/<name>.png``
* ``axe_violations(page)``  serious/critical accessibility violations found by axe-core
"""

import os
import threading
from pathlib import Path

import pytest
from django.conf import settings
from django.core.handlers.wsgi import WSGIHandler
from django.test import Client

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
SCREENSHOTS = Path(settings.BASE_DIR) / "var" / "screenshots"
AXE = Path(settings.BASE_DIR) / "static" / "vendor" / "axe-core" / "axe.min.js"


def pytest_collection_modifyitems(config, items):
    for item in items:
        item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session", autouse=True)
def _one_request_at_a_time():
    """Let the live server run one Django request at a time.

    Its request threads share the test's single in-memory SQLite connection; two requests at once
    (an admin page and its /admin/jsi18n/) corrupt it ("bad parameter or other API misuse") and the
    session is lost. Responses are still streamed outside the lock.
    """
    lock = threading.Lock()
    original = WSGIHandler.__call__

    def serial(self, environ, start_response):
        with lock:
            return original(self, environ, start_response)

    WSGIHandler.__call__ = serial
    yield
    WSGIHandler.__call__ = original


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"Chromium not found at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync"])
        yield browser
        browser.close()


@pytest.fixture(autouse=True)
def _site_tree(transactional_db):
    """Live-server tests flush the database after each test; put back what migrations create."""
    from portal.bootstrap import ensure_site_tree
    from taxonomy.loading import ensure_reference_data

    ensure_reference_data()
    ensure_site_tree()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="zh-CN", viewport={"width": 1280, "height": 900}, bypass_csp=True)
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def login_as(live_server):
    def login(page, user):
        client = Client()
        client.force_login(user)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": live_server.url}])
        return page

    return login


@pytest.fixture
def shot():
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(page, name):
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)

    return take


@pytest.fixture
def axe_violations():
    def run(page, impacts=("serious", "critical")):
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
        return [v for v in result["violations"] if v["impact"] in impacts]

    return run


WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture
def wcag_violations():
    """Every axe-core violation of a WCAG 2.0/2.1 level A or AA rule, whatever its impact."""

    def run(page):
        page.add_script_tag(path=str(AXE))
        script = "async (tags) => (await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})).violations"
        return page.evaluate(script, WCAG_21_AA)

    return run
