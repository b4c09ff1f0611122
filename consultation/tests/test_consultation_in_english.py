"""Enquiries in English: the FAQ, asking, one's own enquiries, the enquiry desk and its statistics
read in English; questions, replies, team (group) and city names stay Chinese, marked lang="zh-Hans"."""

import pytest

from accounts.roles import DEPT_ADMIN, city_bureau_role
from config.tests.english import marked_chinese, unmarked_chinese
from consultation import services
from consultation.models import Category

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(make_user):
    asker, bureau = make_user("asker"), make_user("sy_bureau", role=city_bureau_role("shaoyang"))
    enquiry = services.ask(asker=asker, asker_name="刘", category=Category.INVESTMENT, subject="邵阳的问题", body="如何办理境外投资备案？", city="shaoyang")
    services.add_note(enquiry, by=bureau, body="内部：该企业去年已备案")
    services.reply(enquiry, by=bureau, body="公开答复：按《境外投资管理办法》办理", public=True)
    services.ask(asker=asker, asker_name="刘", category=Category.FINANCE, subject="融资问题", body="贷款", city="shaoyang")
    return {"asker": asker, "bureau": bureau, "dept": make_user("dept", role=DEPT_ADMIN), "enquiry": enquiry}


def test_english_faq_and_ask_pages_read_in_english(english, setup):
    html = english.get("/consultation/").content.decode()
    assert unmarked_chinese(html) == []
    assert "<h1>Enquiries</h1>" in html and "Ask a question" in html and "Outward investment" in html
    assert "公开答复：按《境外投资管理办法》办理" in marked_chinese(html)
    verify = english.get("/consultation/ask/").content.decode()
    assert unmarked_chinese(verify) == [] and "sign in</a> to ask" in verify and "Get code" in verify
    english.force_login(setup["asker"])
    html = english.get("/consultation/ask/").content.decode()
    assert unmarked_chinese(html) == []
    assert "Send question" in html and "City concerned (optional)" in html and '<option value="shaoyang" lang="zh-Hans">邵阳市</option>' in html


def test_english_asker_pages_read_in_english(english, setup):
    english.force_login(setup["asker"])
    html = english.get("/consultation/mine/").content.decode()
    assert unmarked_chinese(html) == [] and "My enquiries" in html and "Answered" in html and "Awaiting reply" in html
    html = english.get(f"/consultation/mine/{setup['enquiry'].pk}/").content.decode()
    assert unmarked_chinese(html) == []
    assert "Rate the reply" in html and "5 – very satisfied" in html and "Routed to" not in html  # internal events stay internal


def test_english_enquiry_desk_and_statistics_read_in_english(english, setup):
    english.force_login(setup["dept"])
    html = english.get("/consultation/staff/?status=all").content.decode()
    assert unmarked_chinese(html) == [] and "Enquiry desk" in html and "Handling team" in html
    html = english.get(f"/consultation/staff/{setup['enquiry'].pk}/").content.decode()
    assert unmarked_chinese(html) == []
    assert "Timeline" in html and "Internal note" in html and "Record follow-up" in html and "Reassign" in html
    html = english.get("/consultation/staff/dashboard/").content.decode()
    assert unmarked_chinese(html) == []
    assert "Enquiry statistics" in html and "Median time to first reply" in html and "On time (%)" in html


def test_chinese_pages_stay_chinese(client, setup):
    html = client.get("/consultation/").content.decode()
    assert "<h1>互动交流</h1>" in html and "我要咨询" in html and 'lang="zh-Hans"' not in html
    client.force_login(setup["dept"])
    html = client.get("/consultation/staff/dashboard/").content.decode()
    assert "咨询办理统计" in html and "按时率（%）" in html and 'lang="zh-Hans"' not in html
