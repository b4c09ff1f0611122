"""Ask → staff replies → the asker sees the reply in the inbox and rates it, in Chromium."""

import pytest

from accounts.models import User
from accounts.roles import city_bureau_role, ensure_groups
from consultation.models import Enquiry, Status


@pytest.mark.django_db(transaction=True)
def test_ask_reply_inbox_and_rate(browser, live_server, login_as, shot, axe_violations):
    groups = ensure_groups()
    asker = User.objects.create_user("journey_asker", password="Xiang#2026", first_name="邵阳企业", user_type="enterprise")
    staff = User.objects.create_user("journey_bureau", password="Xiang#2026", first_name="邵阳商务局", is_staff=True, user_type="staff")
    staff.groups.add(groups[city_bureau_role("shaoyang").code])

    def new_page(user):
        context = browser.new_context(base_url=live_server.url, locale="zh-CN", viewport={"width": 1280, "height": 900}, bypass_csp=True)
        context.set_default_timeout(10_000)
        return login_as(context.new_page(), user)

    page = new_page(asker)
    page.goto("/consultation/ask/")
    page.select_option("#id_category", "investment")
    page.fill("#id_subject", "邵阳企业赴越南投资备案")
    page.fill("#id_body", "我们计划在越南设立工厂，需要办理哪些手续？")
    page.select_option("#id_city", "shaoyang")
    assert axe_violations(page) == []
    page.click("button:has-text('提交咨询')")
    page.wait_for_url("**/consultation/mine/*/")
    assert "待答复" in page.content()
    enquiry = Enquiry.objects.get()

    staff_page = new_page(staff)
    staff_page.goto("/consultation/staff/")
    staff_page.click("text=邵阳企业赴越南投资备案")
    staff_page.fill("#reply-form textarea", "请先在项目管理服务系统提交境外投资备案，我局可上门指导。")
    staff_page.click("#reply-form button")
    staff_page.wait_for_selector("text=答复已发送")
    shot(staff_page, "consultation-staff-detail")
    staff_page.context.close()

    page.goto("/notifications/")
    assert page.locator(".inbox-link .badge").inner_text() == "1"
    page.click("text=您的咨询已答复：邵阳企业赴越南投资备案")
    page.wait_for_url(f"**/consultation/mine/{enquiry.pk}/")
    assert "我局可上门指导" in page.content()
    page.select_option("#id_rating", "5")
    page.fill("#id_comment", "答复及时")
    page.click("#rate-form button")
    page.wait_for_selector("text=感谢您的评价")
    shot(page, "consultation-asker-rated")
    enquiry.refresh_from_db()
    assert (enquiry.status, enquiry.rating) == (Status.CLOSED, 5)
    assert axe_violations(page) == []
    page.context.close()
