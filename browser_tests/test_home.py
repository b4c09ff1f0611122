"""The home page as a visitor sees it."""

import pytest


@pytest.mark.django_db(transaction=True)
def test_home_page_renders_in_chinese_with_footer_and_no_wcag_violations(page, shot, wcag_violations):
    page.goto("/")
    assert page.locator("html").get_attribute("lang") == "zh-CN"
    assert page.get_by_role("search").is_visible()
    assert "湘ICP备" in page.locator("footer").inner_text()
    shot(page, "home")
    violations = wcag_violations(page)
    assert violations == [], [(v["id"], v["impact"], v["help"], [n["target"] for n in v["nodes"][:3]]) for v in violations]


@pytest.mark.django_db(transaction=True)
def test_elder_mode_enlarges_text_and_is_remembered(page):
    page.goto("/")
    before = page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")
    page.get_by_role("button", name="长者模式").click()
    after = page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")
    assert after > before
    page.reload()
    assert page.evaluate("document.documentElement.classList.contains('elder')")

