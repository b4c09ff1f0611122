"""`make screenshots`: desktop and phone pictures of the key pages, into docs/screens/.

Builds a separate SQLite database with the demo content (var/screens/, so the developer's own
database is untouched), serves it with `runserver` on a free port, and photographs each page of
PAGES in Chromium at 1280 × 900 (desktop) and 390 × 844 (phone, touch), signed in as the page's
demo role. The first screen is what a user judges a page by, so each picture is the viewport, not
the whole page. Writes docs/screens/README.md, the index of the pictures.

    make screenshots                      # everything, about four minutes
    python scripts/screenshots.py --reuse # keep the database made by an earlier run
"""

import argparse
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

BASE = Path(__file__).resolve().parent.parent
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs an event loop; the ORM calls here are plain blocking ones
WORK = BASE / "var" / "screens"
OUT = BASE / "docs" / "screens"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
DEVICES = {
    "desktop": {"viewport": {"width": 1280, "height": 900}},
    "phone": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2},
}
ENV = {
    "DATABASE_URL": f"sqlite:///{WORK / 'db.sqlite3'}",
    "MEDIA_ROOT": str(WORK / "media"),
    "PRIVATE_MEDIA_ROOT": str(WORK / "private"),
    "STAFF_REQUIRE_2FA": "0",  # the pictures are of the pages, not of the second factor
    "PORTAL_PAGE_CACHE_SECONDS": "0",
    "REDIS_URL": "",
    "DJANGO_SETTINGS_MODULE": "config.settings",
}


def pages():
    """(file name, title, path, role or None) for each key page, found in the demo content."""
    from events.models import Event
    from filings.models import Filing
    from matching.models import Listing
    from portal.models import CountryPage

    kenya = CountryPage.objects.get(country_id="KE").url
    event = Event.objects.filter(status="published").order_by("starts_at").first()
    listing = Listing.objects.filter(status="published").order_by("-id").first()
    filing = Filing.objects.filter(organization__members__username="enterprise").order_by("-id").first()
    return [
        ("01-home", "首页", "/", None),
        ("02-country", "国别页（肯尼亚）", kenya, None),
        ("03-search", "站内搜索：肯尼亚 投资", "/search/?q=肯尼亚+投资", None),
        ("04-market", "供需对接市场（肯尼亚）", "/matching/?country=KE", None),
        ("05-listing", "对接信息详情", f"/matching/listings/{listing.pk}/" if listing else "/matching/", None),
        ("06-event", "活动详情", f"/events/{event.pk}/" if event else "/events/", None),
        ("07-guide", "办事指南", "/guides/", None),
        ("08-workbench", "企业工作台", "/workbench/", "enterprise"),
        ("09-filing", "我的项目备案", f"/filings/{filing.pk}/" if filing else "/filings/mine/", "enterprise"),
        ("10-review-queue", "省厅备案审核队列", "/filings/queue/", "dept_reviewer"),
        ("11-inbox", "消息中心", "/notifications/", "enterprise"),
        ("12-home-english", "Home in English", "/", None),
    ]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def prepare_database(python, reuse):
    if reuse and (WORK / "db.sqlite3").exists():
        return
    shutil.rmtree(WORK, ignore_errors=True)
    WORK.mkdir(parents=True)
    env = {**os.environ, **ENV}
    subprocess.run([python, "manage.py", "migrate", "--noinput", "-v0"], cwd=BASE, env=env, check=True)
    subprocess.run([python, "manage.py", "load_demo"], cwd=BASE, env=env, check=True, stdout=subprocess.DEVNULL)


def wait_for(url, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=5)  # noqa: S310 (our own http://127.0.0.1 server)
            return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"the server did not answer at {url}")


def session_cookie(username):
    from django.conf import settings
    from django.test import Client

    from accounts.models import User
    from accounts.privacy import ensure_policy, has_consented, record_consent

    user = User.objects.get(username=username)
    policy = ensure_policy()
    if not has_consented(user, policy):  # the pictures are of the pages, not of the consent form
        record_consent(user, policy)
    client = Client()
    client.force_login(user)
    return settings.SESSION_COOKIE_NAME, client.cookies[settings.SESSION_COOKIE_NAME].value


def photograph(base_url, shots):
    from django.conf import settings
    from playwright.sync_api import sync_playwright

    OUT.mkdir(parents=True, exist_ok=True)
    index = ["# Key pages, desktop and phone", "", "Made by `make screenshots` (scripts/screenshots.py) from the demo content; the first screen of each page.", ""]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-dev-shm-usage"])
        for name, title, path, role in shots:
            row = [f"## {title}", "", f"`{path}`" + (f", signed in as `{role}`" if role else ""), ""]
            for device, options in DEVICES.items():
                english = name.endswith("english")
                context = browser.new_context(base_url=base_url, locale="en-GB" if english else "zh-CN", **options)
                cookies = [{"name": settings.LANGUAGE_COOKIE_NAME, "value": "en" if english else "zh-hans", "url": base_url}]
                if role:
                    cookie, value = session_cookie(role)
                    cookies.append({"name": cookie, "value": value, "url": base_url})
                context.add_cookies(cookies)
                page = context.new_page()
                response = page.goto(path, wait_until="networkidle")
                if response is None or response.status != 200:
                    raise SystemExit(f"{path} as {role or 'visitor'} answered {response.status if response else 'nothing'}")
                file = f"{name}-{device}.png"
                page.screenshot(path=str(OUT / file))
                context.close()
                row.append(f"![{title}, {device}]({file})")
            index += row + [""]
            print(f"  {name}: {path}")
        browser.close()
    (OUT / "README.md").write_text("\n".join(index), encoding="utf-8")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reuse", action="store_true", help="keep the demo database of an earlier run")
    args = parser.parse_args()
    if not Path(CHROMIUM).exists():
        raise SystemExit(f"Chromium not found at {CHROMIUM} (scripts/ensure_service.sh chromium installs it)")
    python = sys.executable
    prepare_database(python, args.reuse)
    os.environ.update(ENV)
    sys.path.insert(0, str(BASE))
    import django

    django.setup()
    port = free_port()
    server = subprocess.Popen(
        [python, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload", "--insecure"],
        cwd=BASE, env={**os.environ, **ENV}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        base_url = f"http://127.0.0.1:{port}"
        wait_for(base_url + "/robots.txt")
        photograph(base_url, pages())
    finally:
        server.terminate()
        server.wait()
    print(f"screenshots in {OUT.relative_to(BASE)}/")


if __name__ == "__main__":
    main()
