"""Labour dispatch filing in English: the enterprise's list, form and detail pages (with a worker list
check report), the reviewers' queue and review form and the department's licence register are
English; names and what the enterprise wrote stay Chinese, marked lang="zh-Hans"; the worker list's
file format (its Chinese column headers) stays the same in both languages."""

from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from accounts.roles import DEPT_ADMIN, city_bureau_role
from config.tests.english import unmarked_chinese
from labour.models import State, Worker
from labour.tests.conftest import id_number, worker_row, xlsx

pytestmark = pytest.mark.django_db


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_enterprise_pages_are_english_with_chinese_content_marked(english, labour_user, labour_org, make_dispatch):
    filing = make_dispatch(labour_org)
    Worker.objects.create(filing=filing, name="周九", gender="男", id_number=id_number(5), birth_date="1990-01-01", passport_no="E87654321", job="焊工")
    english.force_login(labour_user)

    mine = page(english, reverse("labour:mine"))
    assert unmarked_chinese(mine) == []
    assert "<h1>Labour dispatch filing</h1>" in mine and "Overseas labour cooperation licence: LW430001, valid until" in mine and "Singapore" in mine

    detail = page(english, reverse("labour:detail", args=[filing.pk]))
    assert unmarked_chinese(detail) == []
    assert "Destination country (region)" in detail and "3 (1 worker on the list)" in detail and "Dispatched workers (1)" in detail
    assert "<td>Male</td>" in detail and '<td lang="zh-Hans">周*</td>' in detail and "Upload and check" in detail

    form = page(english, reverse("labour:create"))
    assert unmarked_chinese(form) == []
    assert "<h1>New labour dispatch filing</h1>" in form and "Foreign employer" in form


def test_worker_list_check_report_is_english(english, labour_user, labour_org, make_dispatch):
    filing = make_dispatch(labour_org)
    english.force_login(labour_user)
    bad = worker_row(2, "钱七", id="430102199001011230")
    response = english.post(reverse("labour:upload", args=[filing.pk]), {"file": xlsx([worker_row(1), bad, worker_row(3, "孙八")])}, follow=True)
    html = response.content.decode()
    assert unmarked_chinese(html) == []
    assert "1 row of the list has errors, so nobody was imported" in html and "Row 3" in html
    assert "The ID card number’s check digit is wrong; please check the number" in html and "Import only the 2 valid rows" in html


def test_reviewer_pages_are_english(english, labour_user, labour_org, make_dispatch, make_user):
    filing = make_dispatch(labour_org, state=State.SUBMITTED)
    english.force_login(make_user("cs_bureau", role=city_bureau_role("changsha")))
    queue = page(english, reverse("labour:queue"))
    assert unmarked_chinese(queue) == []
    assert "<h1>Review filings of labour dispatched abroad</h1>" in queue and "Awaiting review" in queue

    detail = page(english, reverse("labour:detail", args=[filing.pk]))
    assert unmarked_chinese(detail) == []
    assert "Approve filing" in detail and "Return for revision" in detail and "Reject filing" in detail and "Submit decision" in detail


def test_licence_register_is_english(english, labour_org, make_user):
    english.force_login(make_user("dept_adm", role=DEPT_ADMIN))
    html = page(english, reverse("labour:qualifications"))
    assert unmarked_chinese(html) == []
    assert "<h1>Overseas labour cooperation licence</h1>" in html and "Licence number" in html and "LW430001" in html


def test_the_template_keeps_its_chinese_headers_in_english(english, labour_user):
    english.force_login(labour_user)
    sheet = load_workbook(BytesIO(english.get(reverse("labour:template")).content)).active
    assert [c.value for c in sheet[1]] == ["姓名", "性别", "身份证号", "护照号", "岗位", "联系电话"]


def test_the_chinese_pages_stay_chinese(client, labour_user, labour_org, make_dispatch):
    filing = make_dispatch(labour_org)
    Worker.objects.create(filing=filing, name="周九", gender="男", id_number=id_number(5), birth_date="1990-01-01", passport_no="E87654321")
    client.force_login(labour_user)
    html = page(client, reverse("labour:detail", args=[filing.pk]))
    assert 'lang="zh-Hans"' not in html
    assert "派往国家(地区)" in html and "3（名单 1 人）" in html and "外派人员名单（1 人）" in html and "<td>男</td>" in html
