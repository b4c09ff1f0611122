"""A labour-dispatch worker list with one bad row, in Chromium: the per-row error is shown,
nothing is imported, then the user imports the valid rows and sees them masked."""

from datetime import date, timedelta
from io import BytesIO

import pytest
from openpyxl import Workbook
from playwright.sync_api import expect
from stdnum.cn import ric

from labour.models import DispatchFiling, Qualification
from labour.workers import COLUMNS


def _id(i):
    body = f"43010219900101{i:02d}{1 + 2 * i}"
    return body + ric.calc_check_digit(body + "0")


@pytest.mark.django_db(transaction=True)
def test_upload_with_one_bad_row_shows_error_then_valid_rows_are_imported(page, login_as, shot, axe_violations, make_org, make_user, tmp_path):
    org = make_org("湘江劳务合作有限公司")
    Qualification.objects.create(organization=org, certificate_no="LW1", valid_until=date.today() + timedelta(days=300))
    user = make_user("labour_ent", org=org)
    filing = DispatchFiling.objects.create(organization=org, jurisdiction=org.jurisdiction, country_id="SG", employer="Marina Builders", project_name="新加坡住宅项目",
                                           job_category="钢筋工", planned_workers=3, start_date=date(2026, 5, 1), end_date=date(2028, 4, 30), contact_name="王", contact_phone="1")
    wb = Workbook()
    ws = wb.active
    ws.append(list(COLUMNS))
    good1, good2 = _id(1), _id(2)
    ws.append(["陈志强", "男", good1, "E12345678", "钢筋工", "13800000001"])
    ws.append(["刘建华", "男", good1[:-1] + ("0" if good1[-1] != "0" else "1"), "E22345678", "钢筋工", ""])
    ws.append(["王海波", "男", good2, "EA1234567", "焊工", ""])
    path = tmp_path / "名单.xlsx"
    buffer = BytesIO()
    wb.save(buffer)
    path.write_bytes(buffer.getvalue())

    login_as(page, user)
    page.goto(f"/labour/{filing.pk}/")
    page.set_input_files("input[type=file]", str(path))
    page.get_by_role("button", name="上传并检查").click()

    report = page.locator("#import-report")
    expect(report).to_contain_text("第 3 行")
    expect(report).to_contain_text("校验位")
    expect(page.locator("#workers-title")).to_contain_text("0 人")
    shot(page, "labour-import-errors")
    assert axe_violations(page) == []

    page.get_by_role("button", name="仅导入 2 行有效数据").click()
    expect(page.locator("#workers-title")).to_contain_text("2 人")
    table = page.locator("table.data").last
    expect(table).to_contain_text(f"{good1[:4]}**********{good1[-4:]}")
    expect(table).not_to_contain_text(good1)
    expect(table).to_contain_text("陈**")
    shot(page, "labour-imported")
