"""The public foreign-aid showcase in Chromium: index of the eight kinds, one kind's page with its chart."""

import pytest
from playwright.sync_api import expect

from aid.models import AidKind, AidProject


@pytest.mark.django_db(transaction=True)
def test_visitor_opens_an_aid_showcase_page_with_projects_and_chart(page, shot, axe_violations):
    for i, country in enumerate(["TZ", "TZ", "KE"]):
        AidProject.objects.create(code=f"T{i}", name=f"示范友谊医院{i}", kind=AidKind.TURNKEY, country_id=country, year=2020 + i, city="changsha", implementer="湖南示范建设集团")
    page.goto("/aid/")
    expect(page.get_by_role("heading", name="对外援助", exact=True)).to_be_visible()
    expect(page.locator(".gs-kinds li")).to_have_count(len(AidKind.values))
    page.get_by_role("link", name="援外成套项目").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("援外成套项目")
    expect(page.locator("table.data")).to_contain_text("示范友谊医院2")
    expect(page.locator("[data-key=by_country] canvas")).to_have_count(1)
    shot(page, "aid-showcase")
    assert axe_violations(page) == []
