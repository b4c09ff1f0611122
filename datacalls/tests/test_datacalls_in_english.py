"""Data calls in English: the enterprise's list and answer form, the staff's list, progress,
submission and editor pages speak English; what people wrote (the call's title, questions and
options, answers), organisation names and cities stay Chinese, marked lang="zh-Hans". The
Chinese pages are unchanged."""

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from config.tests.english import unmarked_chinese
from datacalls.models import Submission, SubmissionStatus
from datacalls.tests.conftest import names

pytestmark = pytest.mark.django_db


def _english(client, user):
    client.force_login(user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def _answered(call, org, **by_label):
    keys = names(call)
    return Submission.objects.create(call=call, organization=org, data={keys[k]: v for k, v in by_label.items()},
                                     status=SubmissionStatus.SUBMITTED, submitted_at=timezone.now())


def test_enterprise_pages_in_english(client, people, make_call):
    call = make_call(owner_city="changsha", instructions="请如实填写")
    html = _english(client, people["owner"]).get(reverse("datacalls:index")).content.decode()
    assert unmarked_chinese(html) == []
    assert "<h1>Data calls</h1>" in html and "Not started" in html and "Fill in" in html
    assert '<span lang="zh-Hans">长沙市</span> Commerce Bureau' in html and 'lang="zh-Hans">2026 年度经营情况调查</a>' in html

    html = client.get(reverse("datacalls:fill", args=[call.pk])).content.decode()
    assert unmarked_chinese(html) == []
    assert "Open for answers" in html and "late submissions are accepted" in html and ">Save draft<" in html and ">Submit<" in html
    assert '<label for="id_' in html and '<span lang="zh-Hans">营业收入（万美元）</span>' in html


def test_answer_errors_and_messages_in_english(client, people, make_call):
    call = make_call()
    keys = names(call)
    client = _english(client, people["owner"])
    html = client.post(reverse("datacalls:fill", args=[call.pk]), {keys["营业收入（万美元）"]: "一千二", keys["经营状况"]: "倒闭", "submit": "1"}).content.decode()
    assert unmarked_chinese(html) == []
    assert "please enter a number" in html and "the option chosen is not one of the choices" in html
    assert "Some answers need correcting" in html
    html = client.post(reverse("datacalls:fill", args=[call.pk]), {keys["营业收入（万美元）"]: "1200", keys["经营状况"]: "盈利", "submit": "1"}, follow=True).content.decode()
    assert unmarked_chinese(html) == [] and "Submitted. Until the deadline you can still make changes" in html


def test_staff_pages_in_english(client, people, make_call):
    call = make_call()
    sub = _answered(call, people["cs_org"], **{"营业收入（万美元）": "1234.5", "经营状况": "盈利", "主要困难": ["融资难", "安全风险"], "报告日期": "2026-01-05"})
    _answered(call, people["sy_org"], **{"营业收入（万美元）": "900", "经营状况": "亏损"})
    client = _english(client, people["admin"])

    html = client.get(reverse("datacalls:manage")).content.decode()
    assert unmarked_chinese(html) == []
    assert "Manage data calls" in html and "Department of Commerce" in html and "All verified enterprises" in html and "Published" in html

    html = client.get(reverse("datacalls:results", args=[call.pk])).content.decode()
    assert unmarked_chinese(html) == []
    assert "Calculated automatically from 2 submissions." in html and "Completion by city" in html and "Submitted" in html
    assert '<strong class="sum">2,134.50</strong>' in html and "average 1,067.25" in html  # amounts grouped by thousands

    html = client.get(reverse("datacalls:submission", args=[sub.pk])).content.decode()
    assert unmarked_chinese(html) == []
    assert "Lock (the enterprise can no longer make changes)" in html and 'lang="zh-Hans">融资难, 安全风险</dd>' in html

    html = client.get(reverse("datacalls:create")).content.decode()
    assert unmarked_chinese(html) == []
    assert "New data call" in html and "Fields to fill in" in html and "Cities addressed" in html and "Single choice (drop-down)" in html


def test_chinese_pages_are_unchanged(client, people, make_call):
    call = make_call(owner_city="changsha")
    client.force_login(people["owner"])
    html = client.get(reverse("datacalls:index")).content.decode()
    assert 'lang="zh-Hans"' not in html
    assert "<h1>数据报送</h1>" in html and "<td>长沙市商务局</td>" in html and "未填报" in html
    html = client.get(reverse("datacalls:fill", args=[call.pk])).content.decode()
    assert "（截止后可补报，标记为逾期）" in html and ">暂存<" in html and "营业收入（万美元）" in html and 'lang="zh-Hans"' not in html
