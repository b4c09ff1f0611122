"""An investment project from the enterprise's form to the statistics, in Chromium.

The enterprise files it (the threshold notice updates as it types), the city bureau returns it,
the enterprise corrects and resubmits, the city forwards it, the department files it, and the
statistics and the enterprise archive show it.
"""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from accounts.models import Ownership
from accounts.roles import DEPT_REVIEWER, city_bureau_role
from filings.materials import sample_pdf
from guides.selectors import required_materials


@pytest.fixture
def actors(make_user, make_org):
    org = make_org("湘江重工国际有限公司", city="changsha", ownership=Ownership.PRIVATE)
    return {
        "enterprise": make_user("xj_admin", org=org, first_name="王经理"),
        "city": make_user("cs_reviewer", role=city_bureau_role("changsha")),
        "dept": make_user("hn_reviewer", role=DEPT_REVIEWER),
    }


def act(page, label, comment=None):
    """Press one of the workflow buttons on a filing page (with a comment if given)."""
    form = page.locator("form.filing-action").filter(has=page.get_by_role("button", name=label))
    if comment is not None:
        form.locator("textarea").fill(comment)
    confirm = form.locator("input[name=confirm]")  # a final decision is confirmed first
    if confirm.count():
        confirm.check()
    form.get_by_role("button", name=label).click()
    expect(page.locator(".messages")).to_contain_text(f"已{label}")


@pytest.mark.django_db(transaction=True)
def test_enterprise_files_city_returns_enterprise_corrects_province_files_statistics_show_it(page, login_as, shot, axe_violations, actors):
    # The enterprise fills the investment form; the notice says reporting is required at USD 1 million.
    login_as(page, actors["enterprise"])
    page.goto("/filings/new/investment/")
    page.select_option("#id_investment_mode", "new")
    page.fill("#id_project_name", "泰国罗勇工程机械组装厂")
    page.select_option("#id_country", "TH")
    page.select_option("#id_industry", "C")
    page.fill("#id_foreign_party", "Rayong Machinery Co., Ltd.")
    page.select_option("#id_currency", "USD")
    page.fill("#id_amount", "800000")
    expect(page.locator("#threshold-notice")).to_contain_text("可自愿报送")
    page.fill("#id_amount", "3500000")
    expect(page.locator("#threshold-notice")).to_contain_text("须报送")
    page.fill("#id_start_date", "2026-09-01")
    page.check("#id_financing_sources_0")
    page.fill("#id_contact_name", "王经理")
    page.fill("#id_contact_phone", "13907310000")
    assert axe_violations(page) == []
    shot(page, "filings-form")
    page.get_by_role("button", name="保存草稿").click()
    expect(page.locator("h1")).to_have_text("泰国罗勇工程机械组装厂")
    detail_url = page.url
    # Submitting without the guide's required materials is refused, naming them; then each is uploaded.
    page.locator("form.filing-action").get_by_role("button", name="提交备案").click()
    expect(page.locator(".messages")).to_contain_text("提交前请上传办事指南要求的材料")
    for name in [m.name for m in required_materials("investment")]:
        page.select_option("#id_material", name)
        page.set_input_files("#id_file", {"name": "scan.pdf", "mimeType": "application/pdf", "buffer": sample_pdf(name)})
        page.get_by_role("button", name="上传").click()
        expect(page.locator(".messages")).to_contain_text("附件已上传")
    expect(page.locator(".material-checklist")).not_to_contain_text("待上传")
    shot(page, "filings-materials")
    act(page, "提交备案")
    expect(page.locator("#filing-state")).to_have_text("已提交")

    # The city bureau finds it in its queue, takes it into review and returns it with a reason.
    login_as(page, actors["city"])
    page.goto("/filings/queue/")
    page.get_by_role("link", name="泰国罗勇工程机械组装厂").click()
    expect(page.locator(".filing-fields")).to_contain_text("139****0000")  # contact masked for reviewers
    act(page, "受理初审")
    act(page, "退回修改", comment="请补充境外企业股权结构及资金来源证明")
    expect(page.locator("#filing-state")).to_have_text("退回修改")

    # The enterprise sees the reason, corrects the amount and resubmits.
    login_as(page, actors["enterprise"])
    page.goto("/filings/")
    expect(page.locator("table.data")).to_contain_text("按退回意见修改后重新提交")
    page.goto(detail_url)
    page.get_by_role("link", name="修改").click()
    expect(page.locator(".banner")).to_contain_text("请补充境外企业股权结构")
    page.fill("#id_amount", "4200000")
    page.fill("#id_description", "补充：中方持股 70%，资金来源为自有资金。")
    page.get_by_role("button", name="保存草稿").click()
    act(page, "提交备案")

    # The city forwards it; the department files it and a number is issued.
    login_as(page, actors["city"])
    page.goto(detail_url)
    act(page, "受理初审")
    act(page, "初审通过，报省厅", comment="材料齐全")
    login_as(page, actors["dept"])
    page.goto(detail_url)
    act(page, "准予备案")
    expect(page.locator("#filing-state")).to_have_text("已备案")
    expect(page.locator("body")).to_contain_text(re.compile(r"湘境投备〔\d{4}〕00001号"))
    expect(page.locator(".filing-log li")).to_have_count(7)
    shot(page, "filings-detail-filed")

    # The statistics count it: one project, 420 万美元, in 长沙 and Thailand; the maps render.
    page.goto("/stats/")
    expect(page.locator('[data-total="filings"]')).to_have_text("1")
    expect(page.locator('[data-table="city"]')).to_contain_text("长沙市")
    expect(page.locator('[data-table="country"]')).to_contain_text("泰国")
    expect(page.locator('[data-table="city"]')).to_contain_text("420.0")
    expect(page.locator('[data-chart="city"]')).to_have_attribute("data-rendered", "map")
    expect(page.locator('[data-chart="country"]')).to_have_attribute("data-rendered", "map")
    expect(page.locator('[data-chart="month"] canvas')).to_have_count(1)
    shot(page, "stats-dashboard")
    assert axe_violations(page) == []

    # The enterprise archive lists the filed project with its number and what is due next.
    login_as(page, actors["enterprise"])
    page.goto(reverse("archive:mine"))
    expect(page.locator("main")).to_contain_text("泰国罗勇工程机械组装厂")
    expect(page.locator("main")).to_contain_text("已备案")
    expect(page.locator("main")).to_contain_text("报送项目进展报告")
    shot(page, "archive-after-filing")
