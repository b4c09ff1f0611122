"""我的工作台 on a 390 px phone, in normal and elder mode: the enterprise's own to-dos come first as
stacked cards, the overdue one on top; nothing sticks out sideways; no serious accessibility issue."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from filings.models import State
from filings.tests.factories import create_filing

PHONE = {"width": 390, "height": 844}
OVERFLOW = "() => document.documentElement.scrollWidth"


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("elder", [False, True])
def test_enterprise_workbench_on_a_phone(browser, live_server, login_as, shot, axe_violations, make_org, make_user, elder):
    org = make_org("湘江工作台示范机械有限公司", city="changsha")
    user = make_user("wb_phone", org=org)
    create_filing(org, project_name="越南年产十万吨饲料厂（第二期扩建）", state=State.RETURNED, state_changed_at=timezone.now() - timedelta(days=20))
    create_filing(org, project_name="老挝万象水泥厂", start_date=timezone.localdate() + timedelta(days=40))
    create_filing(org, project_name="柬埔寨西港工业园", state=State.SUBMITTED)

    context = browser.new_context(base_url=live_server.url, locale="zh-CN", viewport=PHONE, is_mobile=True, has_touch=True, bypass_csp=True)
    if elder:
        context.add_cookies([{"name": "elder_mode", "value": "1", "url": live_server.url}])
    page = context.new_page()
    try:
        login_as(page, user)
        page.goto("/workbench/")
        mine = page.locator("#wb-mine .todo")
        expect(mine).to_have_count(2)
        expect(mine.first).to_contain_text("按退回意见修改后重新提交")
        expect(mine.first).to_contain_text("已逾期")
        expect(page.locator("#wb-waiting .todo")).to_contain_text("等待：市州商务局")
        assert page.evaluate(OVERFLOW) <= PHONE["width"]
        assert page.locator("#wb-mine table").count() == 0
        shot(page, "workbench-phone-elder" if elder else "workbench-phone")
        assert axe_violations(page) == []
    finally:
        context.close()
