"""A data call from publication to the summary, in Chromium.

The department builds and publishes a call with a number, a choice and a file question; the
enterprise finds it on /datacalls/, is told what is missing (its typed figure kept), completes
and submits it; the department sees the summary and completion rate and exports the XLSX.
"""

from datetime import timedelta
from io import BytesIO
from pathlib import Path

import pytest
from django.utils import timezone
from openpyxl import load_workbook
from playwright.sync_api import expect

from accounts.roles import DEPT_ADMIN
from uploads.tests.samples import PDF


@pytest.fixture
def actors(make_user, make_org):
    org = make_org("湘江报送示范有限公司", city="changsha")
    return {"enterprise": make_user("dc_ent", org=org, first_name="李经理"), "dept": make_user("dc_admin", role=DEPT_ADMIN)}


@pytest.mark.django_db(transaction=True)
def test_department_publishes_enterprise_fills_staff_sees_summary_and_exports(page, login_as, shot, axe_violations, actors, tmp_path):
    # The department builds the call.
    login_as(page, actors["dept"])
    page.goto("/datacalls/manage/")
    page.get_by_role("link", name="发起数据报送").click()
    page.fill("#id_title", "2026 年度对外投资企业经营情况调查")
    page.fill("#id_instructions", "请填报 2025 年度境外经营情况，金额单位万美元。")
    page.fill("#id_closes_at", (timezone.localtime() + timedelta(days=14)).strftime("%Y-%m-%dT%H:%M"))
    page.fill("#id_fields-0-label", "营业收入（万美元）")
    page.select_option("#id_fields-0-field_type", "number")
    page.fill("#id_fields-1-label", "经营状况")
    page.select_option("#id_fields-1-field_type", "radio")
    page.fill("#id_fields-1-choices", "盈利\n持平\n亏损")
    page.fill("#id_fields-2-label", "年度经营报告")
    page.select_option("#id_fields-2-field_type", "file")
    page.fill("#id_fields-2-file_extensions", "pdf")
    assert axe_violations(page) == []
    shot(page, "datacalls-editor")
    page.get_by_role("button", name="保存并发布").click()
    expect(page.locator(".messages")).to_contain_text("已发布，已通知 1 家报送对象单位")
    expect(page.locator("#call-status")).to_have_text("已发布")
    results_url = page.url

    # The enterprise finds and fills it; a missing answer is reported and the typed figure stays.
    login_as(page, actors["enterprise"])
    page.goto("/datacalls/")
    expect(page.locator("table.data")).to_contain_text("未填报")
    page.get_by_role("link", name="2026 年度对外投资企业经营情况调查").click()
    page.get_by_label("营业收入（万美元）").fill("1250.5")
    page.get_by_role("button", name="提交").click()
    expect(page.locator(".errorlist").first).to_contain_text("请填写“经营状况”")
    expect(page.get_by_label("营业收入（万美元）")).to_have_value("1250.5")
    page.get_by_label("盈利").check()
    report = tmp_path / "经营报告.pdf"
    report.write_bytes(PDF)
    page.get_by_label("年度经营报告").set_input_files(str(report))
    assert axe_violations(page) == []
    shot(page, "datacalls-fill")
    page.get_by_role("button", name="提交").click()
    expect(page.locator(".messages")).to_contain_text("已提交")
    expect(page.locator("#fill-status")).to_have_text("已提交")
    page.goto("/datacalls/")
    expect(page.locator("table.data")).to_contain_text("已提交")

    # The department sees the summary and the completion rate, and exports.
    login_as(page, actors["dept"])
    page.goto(results_url)
    expect(page.locator("#completion")).to_have_text("1/1")
    expect(page.locator("#summary")).to_contain_text("合计 1,250.50")
    expect(page.locator("#summary")).to_contain_text("盈利：1（100.0%）")
    expect(page.locator("#by-city")).to_contain_text("长沙市")
    expect(page.locator("#targets")).to_contain_text("湘江报送示范有限公司")
    assert axe_violations(page) == []
    shot(page, "datacalls-results")
    with page.expect_download() as info:
        page.get_by_role("link", name="导出 Excel").click()
    wb = load_workbook(BytesIO(Path(info.value.path()).read_bytes()))
    rows = list(wb["填报明细"].iter_rows(values_only=True))
    assert rows[1][0] == "湘江报送示范有限公司" and rows[1][3] == "已提交" and rows[1][5] == 1250.5 and rows[1][6] == "盈利" and rows[1][7] == "经营报告.pdf"
