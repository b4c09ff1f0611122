"""The searchable country picker in a real browser, on a 390 px phone, under the site's own CSP:
type to search (Chinese or pinyin), pick two countries shown as chips, submit; and the same form
without JavaScript, where the plain select still works."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def member(make_user):
    from accounts.privacy import current_policy, record_consent

    user = make_user("picker", email="picker@example.cn")
    policy = current_policy()
    if policy is not None:
        record_consent(user, policy)
    return user


def phone_page(browser, live_server, **options):
    # No bypass_csp: the page runs under the Content-Security-Policy the site sends.
    context = browser.new_context(base_url=live_server.url, locale="zh-CN", viewport=PHONE, has_touch=True, is_mobile=True, **options)
    context.set_default_timeout(10_000)
    return context.new_page()


def axe_violations_under_csp(page):
    """Serious or critical axe-core violations; axe is loaded from our own static files, as the CSP allows."""
    page.add_script_tag(url="/static/vendor/axe-core/axe.min.js")
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [v for v in result["violations"] if v["impact"] in ("serious", "critical")]


def subscribed_countries(user):
    from notifications.models import Subscription, Topic

    return set(Subscription.objects.filter(user=user, topic=Topic.COUNTRY).values_list("value", flat=True))


def test_type_pick_two_countries_as_chips_and_submit_on_a_phone(browser, live_server, member, login_as, shot):
    page = phone_page(browser, live_server)
    problems = []
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" and "favicon" not in message.location["url"] else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    login_as(page, member)
    page.goto("/notifications/preferences/")

    picker = page.get_by_role("combobox", name="国家（地区）")
    expect(picker).to_be_visible()

    picker.fill("niboer")  # pinyin finds 尼泊尔
    expect(page.locator(".ts-dropdown .option", has_text="尼泊尔")).to_be_visible()
    page.locator(".ts-dropdown .option", has_text="尼泊尔").click()

    picker.fill("肯尼")
    option = page.locator(".ts-dropdown .option", has_text="肯尼亚")
    expect(option).to_be_visible()
    assert option.bounding_box()["height"] >= 44
    option.click()

    picker.fill("中国")  # China is not a destination abroad; its regions are
    expect(page.locator(".ts-dropdown .option", has_text="中国香港特别行政区")).to_be_visible()
    assert page.locator('.ts-dropdown .option[data-value="CN"]').count() == 0
    picker.fill("")

    chips = page.locator(".ts-control .item")
    expect(chips).to_have_count(2)
    expect(chips.nth(0)).to_contain_text("尼泊尔")
    expect(chips.nth(1)).to_contain_text("肯尼亚")
    remove = chips.nth(0).locator(".remove")
    assert remove.bounding_box()["height"] >= 44 and remove.bounding_box()["width"] >= 44
    assert page.locator(".ts-control").first.bounding_box()["height"] >= 44
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]  # nothing wider than the phone
    shot(page, "searchable_select_phone")
    assert axe_violations_under_csp(page) == []

    page.get_by_role("button", name="保存设置").click()
    expect(page.get_by_text("通知设置已保存。")).to_be_visible()
    assert subscribed_countries(member) == {"NP", "KE"}
    expect(page.locator(".ts-control .item")).to_have_count(2)  # the saved choice is shown again as chips
    assert problems == []  # no script error, nothing refused by the Content-Security-Policy


def test_without_javascript_the_plain_select_still_posts(browser, live_server, member, login_as):
    page = phone_page(browser, live_server, java_script_enabled=False)
    login_as(page, member)
    page.goto("/notifications/preferences/")

    select = page.get_by_label("国家（地区）")
    expect(select).to_have_attribute("multiple", "")
    select.select_option(["TH", "VN"])
    page.get_by_role("button", name="保存设置").click()

    expect(page.get_by_text("通知设置已保存。")).to_be_visible()
    assert subscribed_countries(member) == {"TH", "VN"}
