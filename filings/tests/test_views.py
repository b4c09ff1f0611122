"""Filing pages through the test client: forms for each kind, object-level denial, threshold notice."""

from decimal import Decimal

import pytest

from filings.models import Filing, FilingEvent, Kind, State

VALID = {
    Kind.INVESTMENT: {"investment_mode": "ma", "foreign_party": "Thai Rubber Co.", "financing_sources": ["own_funds", "bank_loan"]},
    Kind.CONTRACTING: {"foreign_party": "Kenya Highways Authority", "end_date": "2028-06-30", "workers_sent": "80", "financing_sources": ["policy_finance"]},
    Kind.LABOUR: {"foreign_party": "Singapore Marine Pte Ltd", "end_date": "2027-12-31", "workers_sent": "35"},
}


def form_data(kind, **overrides):
    data = {
        "project_name": "泰国橡胶加工厂", "country": "TH", "industry": "C", "chinese_party": "", "amount": "12000000", "currency": "CNY",
        "start_date": "2026-05-01", "contact_name": "李四", "contact_phone": "0731-88886666", "contact_id_number": "",
        **VALID[kind],
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize("kind", Kind.values)
def test_enterprise_creates_a_draft_of_each_kind_with_usd_equivalent(kind, client, people, rates):
    client.force_login(people["owner"])
    response = client.post(f"/filings/new/{kind}/", form_data(kind))
    filing = Filing.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/filings/{filing.pk}/"
    assert filing.kind == kind and filing.state == State.DRAFT
    assert filing.amount_usd == Decimal("1680000.00")  # 12,000,000 CNY × 0.14
    assert filing.chinese_party == "长沙测试机械有限公司" and filing.jurisdiction == "changsha"
    page = client.get(response["Location"])
    assert "泰国橡胶加工厂" in page.content.decode()


def test_form_shows_the_right_fields_for_each_kind(client, people):
    client.force_login(people["owner"])
    investment = client.get("/filings/new/investment/").content.decode()
    labour = client.get("/filings/new/labour/").content.decode()
    assert 'name="investment_mode"' in investment and 'name="investment_mode"' not in labour
    assert "境外雇主" in labour and "中方投资额" in investment
    assert 'hx-get="/filings/threshold/investment/"' in investment


def test_invalid_form_keeps_what_was_typed_and_explains_in_chinese(client, people, rates):
    client.force_login(people["owner"])
    response = client.post("/filings/new/labour/", form_data(Kind.LABOUR, workers_sent="", contact_phone="abc", contact_id_number="123456", end_date="2020-01-01"))
    html = response.content.decode()
    assert response.status_code == 200 and not Filing.objects.exists()
    assert "泰国橡胶加工厂" in html and "Singapore Marine Pte Ltd" in html
    assert "请填写有效的手机号或固定电话" in html and "身份证号码格式或校验位不正确" in html and "结束日期不能早于开始日期" in html


@pytest.mark.parametrize(
    ("kind", "amount", "currency", "required"),
    [
        ("investment", "1000000", "USD", True),
        ("investment", "999999.99", "USD", False),
        ("investment", "7142858", "CNY", True),  # 1,000,000.12 USD
        ("contracting", "4999999", "USD", False),
        ("contracting", "5000000", "USD", True),
        ("labour", "4545455", "EUR", True),  # 5,000,000.50 USD
    ],
)
def test_threshold_notice_says_whether_reporting_is_required(kind, amount, currency, required, client, people, rates):
    client.force_login(people["owner"])
    html = client.get(f"/filings/threshold/{kind}/", {"amount": amount, "currency": currency}).content.decode()
    assert ("须报送" in html) is required and ("可自愿报送" in html) is (not required)


def test_threshold_notice_without_javascript_comes_with_the_saved_draft(client, people, rates):
    client.force_login(people["owner"])
    response = client.post("/filings/new/investment/", form_data(Kind.INVESTMENT, amount="500000", currency="USD"), follow=True)
    assert "低于 100 万美元：可自愿报送" in response.content.decode()


def test_threshold_for_a_currency_without_rate_says_so(client, people):
    client.force_login(people["owner"])
    html = client.get("/filings/threshold/investment/", {"amount": "100", "currency": "XXX"}).content.decode()
    assert "尚未配置 XXX 对美元的汇率" in html


def test_individual_users_cannot_open_the_filing_forms(client, people):
    client.force_login(people["outsider"])
    assert client.get("/filings/new/investment/").status_code == 403
    assert client.get("/filings/").status_code == 403


def test_uncertified_enterprise_cannot_file(client, make_user, make_org):
    client.force_login(make_user("pending", org=make_org("待认证企业", certified=False)))
    assert client.post("/filings/new/investment/", form_data(Kind.INVESTMENT)).status_code == 403


def test_enterprise_cannot_read_or_change_another_enterprises_filing(client, people, make_filing):
    filing = make_filing(people["other"], state=State.RETURNED)
    client.force_login(people["owner"])
    assert client.get(f"/filings/{filing.pk}/").status_code == 404
    assert client.get(f"/filings/{filing.pk}/edit/").status_code == 404
    assert client.post(f"/filings/{filing.pk}/edit/", form_data(Kind.INVESTMENT)).status_code == 404
    assert client.post(f"/filings/{filing.pk}/do/submit/").status_code == 404
    filing.refresh_from_db()
    assert filing.state == State.RETURNED and filing.project_name == "越南年产十万吨饲料厂"


def test_city_reviewer_cannot_act_on_another_citys_filing(client, people, make_filing):
    filing = make_filing(people["other"], state=State.SUBMITTED)
    client.force_login(people["city"])
    assert client.get(f"/filings/{filing.pk}/").status_code == 404
    assert client.post(f"/filings/{filing.pk}/do/start_review/").status_code == 404
    filing.refresh_from_db()
    assert filing.state == State.SUBMITTED


def test_city_reviewer_cannot_file_a_filing_of_its_own_city(client, people, make_filing):
    filing = make_filing(people["owner"], state=State.PROVINCIAL_REVIEW)
    client.force_login(people["city"])
    assert client.post(f"/filings/{filing.pk}/do/file/").status_code == 403
    filing.refresh_from_db()
    assert filing.state == State.PROVINCIAL_REVIEW


def test_reviewer_returns_with_reason_and_enterprise_sees_it_when_editing(client, people, make_filing):
    filing = make_filing(people["owner"], state=State.CITY_REVIEW)
    client.force_login(people["city"])
    client.post(f"/filings/{filing.pk}/do/return/", {"comment": "请补充外方股东信息"})
    client.force_login(people["owner"])
    html = client.get(f"/filings/{filing.pk}/edit/").content.decode()
    assert "请补充外方股东信息" in html


def test_return_without_reason_shows_an_error_and_keeps_state(client, people, make_filing):
    filing = make_filing(people["owner"], state=State.CITY_REVIEW)
    client.force_login(people["city"])
    response = client.post(f"/filings/{filing.pk}/do/return/", {"comment": ""}, follow=True)
    assert "退回修改须填写意见或理由" in response.content.decode()
    filing.refresh_from_db()
    assert filing.state == State.CITY_REVIEW and not FilingEvent.objects.exists()


def test_submitted_filing_can_no_longer_be_edited(client, people, make_filing):
    filing = make_filing(people["owner"], state=State.SUBMITTED)
    client.force_login(people["owner"])
    client.post(f"/filings/{filing.pk}/edit/", form_data(Kind.INVESTMENT, project_name="改过的名字"))
    filing.refresh_from_db()
    assert filing.project_name == "越南年产十万吨饲料厂"


def test_detail_offers_only_the_actions_the_user_may_take(client, people, make_filing):
    filing = make_filing(people["owner"], state=State.CITY_REVIEW)
    client.force_login(people["city"])
    html = client.get(f"/filings/{filing.pk}/").content.decode()
    assert 'data-action="forward"' in html and 'data-action="return"' in html and 'data-action="file"' not in html
    client.force_login(people["owner"])
    html = client.get(f"/filings/{filing.pk}/").content.decode()
    assert 'data-action="withdraw"' in html and 'data-action="forward"' not in html


def test_reviewers_see_masked_contact_details_unless_permitted(client, people, make_filing):
    filing = make_filing(people["owner"], state=State.SUBMITTED)
    client.force_login(people["city"])
    html = client.get(f"/filings/{filing.pk}/").content.decode()
    assert "13812345678" not in html and "138****5678" in html and "张*" in html
    client.force_login(people["owner"])
    assert "13812345678" in client.get(f"/filings/{filing.pk}/").content.decode()


def test_my_filings_lists_own_filings_with_next_step(client, people, make_filing):
    make_filing(people["owner"], state=State.RETURNED, project_name="本企业项目")
    make_filing(people["other"], state=State.RETURNED, project_name="别家项目")
    client.force_login(people["owner"])
    html = client.get("/filings/").content.decode()
    assert "本企业项目" in html and "别家项目" not in html and "按退回意见修改后重新提交" in html


def test_a_final_decision_asks_for_confirmation_and_without_it_nothing_changes(client, people, make_filing, rates):
    filing = make_filing(people["owner"], state=State.PROVINCIAL_REVIEW)
    client.force_login(people["dept"])
    html = client.get(f"/filings/{filing.pk}/").content.decode()
    actions = html[html.index('id="h-actions"') :].split("</section>", 1)[0]
    # The same order on every page: going ahead, sending back, refusing; final decisions stand apart.
    assert actions.index('data-action="file"') < actions.index('data-action="return"') < actions.index('data-action="reject"')
    assert actions.count('name="confirm" value="1" required') == 2  # 准予备案 and 不予备案
    assert 'class="btn irreversible" data-action="file"' in actions and 'class="btn secondary" data-action="return"' in actions

    response = client.post(f"/filings/{filing.pk}/do/file/", follow=True)
    assert "“准予备案”后不能撤销，请勾选确认后再提交" in response.content.decode()
    filing.refresh_from_db()
    assert filing.state == State.PROVINCIAL_REVIEW and not FilingEvent.objects.exists()

    client.post(f"/filings/{filing.pk}/do/file/", {"confirm": "1"})
    filing.refresh_from_db()
    assert filing.state == State.FILED
