"""The enterprise archive in Chromium: the enterprise sees its dispatch filing with the next step
and deadline, opens it, and reaches the matching service guide; the public overseas map renders."""

from datetime import date, timedelta

import pytest
from playwright.sync_api import expect

from labour.models import DispatchFiling, Qualification
from overseas.models import OverseasInstitution


@pytest.mark.django_db(transaction=True)
def test_enterprise_archive_shows_next_step_and_leads_to_guide(page, login_as, shot, axe_violations, make_org, make_user):
    org = make_org("湘中示范劳务公司", city="loudi")
    Qualification.objects.create(organization=org, certificate_no="LW9", valid_until=date.today() + timedelta(days=100))
    user = make_user("loudi_ent", org=org)
    start = date.today() + timedelta(days=20)
    DispatchFiling.objects.create(organization=org, jurisdiction="loudi", country_id="AE", employer="Gulf Demo", project_name="迪拜酒店装修项目",
                                  job_category="木工", planned_workers=5, start_date=start, end_date=start + timedelta(days=365), contact_name="刘", contact_phone="1")
    login_as(page, user)
    page.goto("/archive/")
    todo = page.locator("#next-title").locator("..")
    expect(todo).to_contain_text("迪拜酒店装修项目")
    expect(todo).to_contain_text("导入人员名单并提交备案")
    expect(todo).to_contain_text(start.isoformat())
    shot(page, "archive-enterprise")
    assert axe_violations(page) == []
    page.get_by_role("link", name="对外劳务合作与外派劳务备案").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("对外劳务合作与外派劳务备案")
    page.get_by_role("link", name="办理外派劳务备案").click()
    expect(page.locator("table.data")).to_contain_text("迪拜酒店装修项目")


@pytest.mark.django_db(transaction=True)
def test_public_overseas_list_draws_the_map(page, shot, axe_violations, make_org):
    owner = make_org("示范商会", kind="institution")
    OverseasInstitution.objects.create(owner=owner, kind="chamber", name="肯尼亚湖南商会（示范）", country_id="KE", city_name="内罗毕",
                                       latitude="-1.28638", longitude="36.81722", description="示范")
    page.goto("/overseas/")
    expect(page.locator("h2", has_text="非洲")).to_be_visible()
    expect(page.locator(".gs-map canvas")).to_have_count(1)
    shot(page, "overseas-map")
    assert axe_violations(page) == []
