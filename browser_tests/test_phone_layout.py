"""Every page fits a 390 px phone: no sideways scrolling and no zoom-out, logged out and as each role;
and every public page passes axe-core in elder mode.

With the demo content loaded, a phone-sized Chromium (390 × 844, touch, mobile viewport) walks the
site by its links: logged out from the home page, then signed in as each demo role from the home
page, the workbench, the account centre and the inbox. Each route (one Wagtail page per column) is
checked once per role it is new to; a page fails when the document is wider than the screen or the
browser had to widen the layout viewport (zoom out) to fit it. The failure names the page and the
elements that stick out. The public pages are walked a second time with elder mode (长者模式) on:
there each page must also have no WCAG 2.1 A/AA violation by axe-core, body text of at least
18 px and no running animation. The demo content is loaded once for all of it (about two minutes).
"""

import io
import re
from collections import deque
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.urls import Resolver404, resolve

PHONE = {"width": 390, "height": 844}
# The roles of the demo, one of each kind (the second city bureau and enterprise add no new pages).
ROLES = [
    "enterprise", "individual", "institution", "changsha_bureau", "dept_reviewer", "dept_admin",
    "operator", "operator_reviewer", "bank_adviser", "bank_editor", "zone_demo", "chamber_demo",
    "sysadmin", "secadmin", "auditor",
]
STARTS = ["/", "/workbench/", "/accounts/me/", "/notifications/"]
MAX_NEW_PAGES = {"anon": 100, "elder": 60}  # per walk; a signed-in role adds up to 30 pages no role has shown yet
MAX_NEW_PAGES_SIGNED_IN = 30
# Not pages of the public site: the frameworks' admin screens, files, feeds and actions.
SKIP = re.compile(
    r"^/(admin|django-admin|static|media|_util)/|/(logout|export|download|feed|rss|atom)|\.(xlsx|xls|csv|pdf|zip|xml|ics|json|txt|png|jpg)$|/i18n/"
)
LAYOUT = """() => {
  const width = 390, doc = document.documentElement;
  const wide = [];
  if (doc.scrollWidth > width) {
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.right > width + 1 && r.width > 0 && getComputedStyle(el).position !== 'fixed') {
        wide.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '') + ' → ' + Math.round(r.right) + 'px');
        if (wide.length >= 5) break;
      }
    }
  }
  return {innerWidth: window.innerWidth, scrollWidth: doc.scrollWidth, wide: wide};
}"""


def route_key(path):
    """What makes two URLs the same page: their route, or for content pages their column."""
    try:
        match = resolve(path)
    except Resolver404:
        return None
    if match.url_name == "wagtail_serve":
        parts = [p for p in path.split("/") if p]
        return "page:" + "/".join(parts[:-1]) + "/*" if len(parts) > 1 else "page:" + path
    return match.route


ELDER = """() => ({
  fontSize: parseFloat(getComputedStyle(document.body).fontSize),
  moving: document.getAnimations().filter(a => a.playState === 'running').length,
})"""


class PhoneWalk:
    def __init__(self, page, base_url, wcag_violations):
        self.page = page
        self.wcag_violations = wcag_violations
        self.base = base_url
        self.host = urlsplit(base_url).netloc
        self.seen_keys = set()  # (route, role) pairs checked
        self.seen_routes = set()  # routes checked by any role
        self.failures = []
        self.visited = 0

    def links(self):
        hrefs = self.page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
        for href in hrefs:
            parts = urlsplit(href)
            if parts.netloc == self.host and parts.scheme in ("http", "https"):
                yield parts.path + (f"?{parts.query}" if parts.query else "")

    def check_elder(self, url):
        """Elder mode: no WCAG 2.1 A/AA violation found by axe-core, text at least 18 px, nothing moving."""
        found = self.page.evaluate(ELDER)
        problems = [
            f"{v['id']} ({v['impact']}): " + " | ".join(" ".join(n["target"]) for n in v["nodes"][:2])
            for v in self.wcag_violations(self.page)
        ]
        if found["fontSize"] < 18:
            problems.append(f"body text {found['fontSize']} px (at least 18 px in elder mode)")
        if found["moving"]:
            problems.append(f"{found['moving']} animations running")
        for problem in problems:
            self.failures.append(f"elder mode: {url}: {problem}")

    def walk(self, role, starts, limit, elder=False):
        queue = deque(starts)
        queued = set(starts)
        new_pages = 0
        while queue and new_pages < limit:
            url = queue.popleft()
            path = urlsplit(url).path
            key = route_key(path)
            if SKIP.search(path) or key is None or (key, role) in self.seen_keys:
                continue
            if not elder and url not in starts and key in self.seen_routes:
                continue  # another role already checked this page
            self.seen_keys.add((key, role))
            self.seen_routes.add(key)
            response = self.page.goto(self.base + url, wait_until="domcontentloaded")
            if response is None or "text/html" not in (response.headers.get("content-type") or ""):
                continue
            new_pages += 1
            self.visited += 1
            layout = self.page.evaluate(LAYOUT)
            if layout["innerWidth"] > PHONE["width"] or layout["scrollWidth"] > layout["innerWidth"]:
                self.failures.append(
                    f"{role}: {url} (HTTP {response.status}) is {layout['scrollWidth']} px wide in a {PHONE['width']} px screen"
                    f" (layout viewport {layout['innerWidth']} px); sticking out: {', '.join(layout['wide']) or '?'}"
                )
            if elder:
                self.check_elder(url)
            for link in self.links():
                if link not in queued:
                    queued.add(link)
                    queue.append(link)


@pytest.fixture
def phone(browser, live_server):
    context = browser.new_context(
        base_url=live_server.url, locale="zh-CN", viewport=PHONE, is_mobile=True, has_touch=True,
        device_scale_factor=1, bypass_csp=True,
    )
    context.set_default_timeout(20_000)
    page = context.new_page()
    yield page
    context.close()


def test_every_page_fits_a_390px_phone_for_every_role(phone, live_server, login_as, wcag_violations):
    from accounts.models import User

    call_command("load_demo", quiet_logins=True, stdout=io.StringIO())
    walk = PhoneWalk(phone, live_server.url, wcag_violations)
    walk.walk("anon", ["/", "/search/?q=肯尼亚 投资"], MAX_NEW_PAGES["anon"])
    # The public pages again in elder mode (适老化), each also checked by axe-core.
    phone.context.add_cookies([{"name": "elder_mode", "value": "1", "url": live_server.url}])
    walk.walk("anon, elder mode", ["/", "/search/?q=肯尼亚 投资"], MAX_NEW_PAGES["elder"], elder=True)
    phone.context.clear_cookies()
    for role in ROLES:
        phone.context.clear_cookies()
        login_as(phone, User.objects.get(username=role))
        walk.walk(role, STARTS, MAX_NEW_PAGES_SIGNED_IN)
    assert walk.visited > 150, f"the walk reached only {walk.visited} pages; the crawl is broken"
    assert not walk.failures, f"{len(walk.failures)} of {walk.visited} pages do not fit a phone:\n" + "\n".join(walk.failures)
