"""经贸对接 in a real browser: a buyer posts a demand, it is reviewed and matched, the buyer sees
the suggested offer with its reasons, sends an intent; the seller accepts; both see contacts."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True)


def consented(user):
    from accounts.privacy import current_policy, record_consent

    policy = current_policy()
    if policy is not None:
        record_consent(user, policy)
    return user


@pytest.fixture
def people(make_org, make_user):
    from accounts.roles import OPERATOR_REVIEWER
    from matching.services import listings as services

    seller = consented(make_user("seller", org=make_org("湖南浏览器测试重工有限公司"), email="sales@example.cn", mobile="13800000011"))
    buyer = consented(make_user("buyer", org=make_org("长沙浏览器测试贸易有限公司"), email="buyer@example.cn", mobile="13800000012"))
    reviewer = make_user("reviewer", role=OPERATOR_REVIEWER)
    offer = services.save_listing(
        by=seller, countries=["KE"], industries=["C"], submit=True,
        data={"kind": "offer_product", "title": "挖掘机、装载机整机出口", "contact_preference": "any", "contact_name": "李经理",
              "contact_phone": "0731-55501234", "contact_email": "sales@example.cn", "amount_min_usd": 500_000, "amount_max_usd": 5_000_000,
              "valid_until": timezone.localdate() + timedelta(days=90),
              "description": "工程机械制造商，出口全系列挖掘机和装载机，在肯尼亚设有备件仓库和售后服务网点，可培训操作手。"},
    )
    services.approve(offer, by=reviewer)
    return {"seller": seller, "buyer": buyer, "reviewer": reviewer, "offer": offer}


def test_post_a_demand_get_a_match_send_an_intent_accept_and_see_contacts(page, people, login_as, shot, axe_violations):
    from matching.models import Listing
    from matching.services import listings as services
    from matching.tasks import match_listing

    buyer, seller, offer = people["buyer"], people["seller"], people["offer"]

    # 1. The buyer posts a demand through the form.
    login_as(page, buyer)
    page.goto("/matching/post/")
    page.get_by_label("类型").select_option("need_product")
    page.get_by_label("标题").fill("肯尼亚项目采购挖掘机十台")
    page.get_by_label("详细说明").fill("内罗毕道路项目需要采购二十吨级挖掘机十台，要求厂家在肯尼亚有备件和售后服务。")
    page.get_by_role("combobox", name="国家(地区)").fill("肯尼亚")  # searchable pickers: type, then choose
    page.locator(".ts-dropdown .option", has_text="肯尼亚").click()
    page.get_by_role("combobox", name="行业（GB/T 4754 门类）").fill("制造业")
    page.locator(".ts-dropdown .option", has_text="制造业").click()
    page.get_by_label("金额下限（美元）").fill("1000000")
    page.get_by_label("金额上限（美元）").fill("2000000")
    page.get_by_label("有效期至").fill((timezone.localdate() + timedelta(days=60)).isoformat())
    page.get_by_label("联系人").fill("王经理")
    page.get_by_label("联系电话").fill("0731-55505678")
    page.get_by_label("联系邮箱").fill("buyer@example.cn")
    shot(page, "matching_post_form")
    page.get_by_role("button", name="提交审核").click()
    expect(page.get_by_text("已提交审核")).to_be_visible()
    demand = Listing.objects.get(title="肯尼亚项目采购挖掘机十台")

    # 2. A reviewer publishes it; the worker matches it (run here in-process) and pushes the match.
    services.approve(demand, by=people["reviewer"])
    match_listing.call(demand.pk)
    page.goto(f"/matching/listings/{demand.pk}/")
    matches = page.locator("#matches")
    expect(matches.get_by_role("link", name=offer.title)).to_be_visible()
    expect(matches.locator(".match-reasons")).to_contain_text("同在肯尼亚")
    expect(matches.locator(".match-reasons")).to_contain_text("金额相符")
    shot(page, "matching_suggestions")
    assert axe_violations(page) == []
    page.goto("/notifications/")
    expect(page.get_by_text(re.compile("新的匹配")).first).to_be_visible()

    # 3. The buyer opens the suggestion and sends an intent; contacts are still hidden.
    page.goto(f"/matching/listings/{demand.pk}/")
    page.locator("#matches").get_by_role("link", name="发送意向").first.click()
    page.get_by_label("意向说明").fill("我方项目急需挖掘机，希望了解交货期和售后安排。")
    page.get_by_role("button", name="发送意向").click()
    expect(page.get_by_text("意向已发送")).to_be_visible()
    expect(page.get_by_test_id("contacts")).to_have_count(0)
    assert "0731-55501234" not in page.content()
    intent_url = page.url

    # 4. The seller accepts; both now see each other's contacts.
    page.context.clear_cookies()
    login_as(page, seller)
    page.goto(intent_url)
    assert "0731-55505678" not in page.content()
    page.get_by_role("button", name="接受意向").click()
    expect(page.get_by_test_id("contacts")).to_contain_text("0731-55505678")
    page.context.clear_cookies()
    login_as(page, buyer)
    page.goto(intent_url)
    expect(page.get_by_test_id("contacts")).to_contain_text("0731-55501234")
    shot(page, "matching_contacts_revealed")
    assert axe_violations(page) == []
