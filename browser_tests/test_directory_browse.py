"""湘企名录 in a real browser: browse, filter by country (the select submits itself), open a profile."""

import io
import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def directory_data():
    from directory import demo as directory_demo
    from rating import demo as rating_demo

    directory_demo.load(io.StringIO())
    rating_demo.load(io.StringIO())


def test_browse_filter_by_country_and_open_a_profile(page, directory_data, shot, axe_violations):
    page.goto("/directory/")
    expect(page.get_by_role("heading", name="湘企名录", level=1)).to_be_visible()
    expect(page.get_by_text("共找到 30 家企业")).to_be_visible()

    page.get_by_role("combobox", name="国家(地区)").fill("肯尼亚")  # the searchable picker
    page.locator(".ts-dropdown .option", has_text="肯尼亚").click()  # directory.js submits on change
    page.wait_for_url(re.compile(r"country=KE"))
    count = int(re.search(r"共找到 (\d+) 家企业", page.content()).group(1))
    assert 0 < count < 30
    shot(page, "directory_filtered_kenya")
    assert axe_violations(page) == []

    first = page.locator(".dir-item h2 a").first
    name = first.inner_text()
    first.click()
    expect(page.get_by_role("heading", name=name, level=1)).to_be_visible()
    expect(page.get_by_role("heading", name="业务所在国家(地区)")).to_be_visible()
    expect(page.locator(".dir-countries")).to_contain_text("肯尼亚")
    expect(page.get_by_role("heading", name="典型案例")).to_be_visible()
    shot(page, "directory_profile")
    assert axe_violations(page) == []
