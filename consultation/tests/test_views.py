"""Pages and permissions: who sees which enquiry and which answer."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import F

from accounts.models import SmsCode, SmsPurpose
from accounts.roles import DEPT_ADMIN, city_bureau_role
from consultation import services
from consultation.models import Category, Enquiry
from uploads.tests.samples import PDF

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(make_user):
    asker, other = make_user("asker"), make_user("other")
    sy, cs = make_user("sy_bureau", role=city_bureau_role("shaoyang")), make_user("cs_bureau", role=city_bureau_role("changsha"))
    base = {"asker_name": "刘", "category": Category.INVESTMENT, "body": "问题"}
    e_sy = services.ask(asker=asker, subject="邵阳的问题", city="shaoyang", **base)
    e_cs = services.ask(asker=other, subject="长沙的问题", city="changsha", **base)
    return {"asker": asker, "other": other, "sy": sy, "cs": cs, "dept": make_user("dept", role=DEPT_ADMIN), "e_sy": e_sy, "e_cs": e_cs}


def test_city_bureau_sees_only_its_citys_enquiries(client, setup):
    client.force_login(setup["sy"])
    page = client.get("/consultation/staff/?status=all").content.decode()
    assert "邵阳的问题" in page and "长沙的问题" not in page
    assert client.get(f"/consultation/staff/{setup['e_cs'].pk}/").status_code == 404
    client.force_login(setup["dept"])
    page = client.get("/consultation/staff/?status=all").content.decode()
    assert "邵阳的问题" in page and "长沙的问题" in page


def test_enterprise_users_cannot_open_the_workbench(client, setup):
    client.force_login(setup["asker"])
    assert client.get("/consultation/staff/").status_code == 403
    assert client.get("/consultation/staff/dashboard/").status_code == 403


def test_asker_sees_own_private_answer_others_do_not(client, setup):
    services.reply(setup["e_sy"], by=setup["sy"], body="私下答复：请联系外经科", public=False)
    client.force_login(setup["asker"])
    assert "私下答复" in client.get(f"/consultation/mine/{setup['e_sy'].pk}/").content.decode()
    client.force_login(setup["other"])
    assert client.get(f"/consultation/mine/{setup['e_sy'].pk}/").status_code == 404
    assert "私下答复" not in client.get("/consultation/").content.decode()


def test_public_answer_appears_in_faq_without_the_asker(client, setup):
    services.add_note(setup["e_sy"], by=setup["sy"], body="内部：该企业去年已备案")
    services.reply(setup["e_sy"], by=setup["sy"], body="公开答复：按《境外投资管理办法》办理", public=True)
    page = client.get("/consultation/").content.decode()
    assert "公开答复" in page and "邵阳的问题" in page
    assert "asker" not in page and "刘" not in page.split("<main", 1)[1]
    client.force_login(setup["asker"])
    own = client.get(f"/consultation/mine/{setup['e_sy'].pk}/").content.decode()
    assert "内部：该企业去年已备案" not in own


def test_staff_replies_through_the_workbench_and_the_asker_rates(client, setup):
    client.force_login(setup["sy"])
    response = client.post(f"/consultation/staff/{setup['e_sy'].pk}/", {"action": "reply", "body": "已答复", "public": ""})
    assert response.status_code == 302
    client.force_login(setup["asker"])
    client.post(f"/consultation/mine/{setup['e_sy'].pk}/", {"action": "rate", "rating": "5", "comment": "好"})
    assert Enquiry.objects.get(pk=setup["e_sy"].pk).rating == 5


def test_logged_in_user_asks_with_a_valid_attachment_and_a_disguised_file_is_refused(client, make_user, groups):
    user = make_user("ent")
    client.force_login(user)
    fake = SimpleUploadedFile("合同.pdf", b"MZ\x90\x00not a pdf", content_type="application/pdf")
    form = {"category": "policy", "subject": "税收协定", "body": "如何享受协定待遇", "asker_name": "赵", "city": "", "attachments": fake}
    response = client.post("/consultation/ask/", form)
    assert "“合同.pdf”的内容与扩展名“.pdf”不符" in response.content.decode() and not Enquiry.objects.exists()
    form["attachments"] = SimpleUploadedFile("合同.pdf", b"%PDF-1.4\n<html><script>alert(1)</script></html>", content_type="application/pdf")
    response = client.post("/consultation/ask/", form)
    assert "“合同.pdf”不是有效的 PDF 文件" in response.content.decode() and not Enquiry.objects.exists()
    form["attachments"] = SimpleUploadedFile("合同.pdf", PDF, content_type="application/pdf")
    response = client.post("/consultation/ask/", form)
    enquiry = Enquiry.objects.get()
    assert response.status_code == 302 and enquiry.attachments.get().name == "合同.pdf" and enquiry.asker == user


def test_anonymous_asker_verifies_a_mobile_by_sms_then_follows_the_tracking_link(client, groups, recording_sms, django_capture_on_commit_callbacks):
    assert "验证手机号" in client.get("/consultation/ask/").content.decode()
    client.post("/consultation/ask/", {"mobile": "12345", "action": "send_code"})
    assert recording_sms.outbox == []
    client.post("/consultation/ask/", {"mobile": "13912345678", "action": "send_code"})
    code = re.search(r"验证码为 (\d{6})", recording_sms.outbox[-1][1]).group(1)
    wrong = client.post("/consultation/ask/", {"mobile": "13912345678", "code": "000000" if code != "000000" else "111111", "action": "verify"})
    assert "验证码错误，还可尝试" in wrong.content.decode()
    client.post("/consultation/ask/", {"mobile": "13912345678", "code": code, "action": "verify"})
    assert SmsCode.objects.get(mobile="13912345678", purpose=SmsPurpose.CONSULTATION).used_at is not None
    response = client.post("/consultation/ask/", {"category": "labour", "subject": "外派劳务", "body": "资质要求", "asker_name": "孙"})
    enquiry = Enquiry.objects.get()
    assert enquiry.asker is None and enquiry.mobile == "13912345678"
    track_url = response["Location"]
    assert track_url.startswith("/consultation/track/")
    dept = enquiry.group.user_set.first() or _member(enquiry)
    with django_capture_on_commit_callbacks(execute=True):  # the SMS leaves after the reply is committed
        services.reply(enquiry, by=dept, body="需具备对外劳务合作经营资格")
    assert any("您的咨询已答复" in text and "/consultation/track/" in text for _, text in recording_sms.outbox)
    client.logout()
    assert "需具备对外劳务合作经营资格" in client.get(track_url).content.decode()
    assert client.get(track_url[:-3] + "xx/").status_code == 403


def _member(enquiry):
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user("dept_member", is_staff=True)
    user.groups.add(enquiry.group)
    return user


def test_dashboard_counts_per_group_and_performance(client, setup):
    services.reply(setup["e_sy"], by=setup["sy"], body="答复")
    services.rate(setup["e_sy"], user=setup["asker"], rating=4)
    client.force_login(setup["dept"])
    response = client.get("/consultation/staff/dashboard/")
    perf = response.context["perf"]
    assert perf["overall"]["count"] == 2 and perf["overall"]["answered"] == 1
    assert perf["overall"]["on_time_rate"] == 100.0 and perf["overall"]["satisfaction"] == 4.0
    assert response.context["board"] == {city_bureau_role("changsha").group_name: {"open": 1, "due_soon": 0, "overdue": 0}}
    client.force_login(setup["sy"])
    assert client.get("/consultation/staff/dashboard/").context["perf"]["overall"]["count"] == 1


def test_mobile_codes_come_from_the_accounts_service_with_its_limits_and_purpose(client, groups, make_user, recording_sms):
    from datetime import timedelta

    from accounts.sms_codes import issue_code

    make_user("registered", mobile="13812340000")
    issue_code("13812340000", SmsPurpose.LOGIN)  # a sign-in code for the same number
    login_code = re.search(r"登录验证码为 (\d{6})", recording_sms.outbox[-1][1]).group(1)
    SmsCode.objects.update(created_at=F("created_at") - timedelta(minutes=2))  # past the one-a-minute limit
    client.post("/consultation/ask/", {"mobile": "13812340000", "action": "send_code"})
    consultation_code = re.search(r"咨询验证码为 (\d{6})", recording_sms.outbox[-1][1]).group(1)
    again = client.post("/consultation/ask/", {"mobile": "13812340000", "action": "send_code"})
    assert "获取验证码过于频繁" in again.content.decode()  # the accounts service's per-number limit
    assert SmsCode.objects.filter(mobile="13812340000", purpose=SmsPurpose.CONSULTATION).count() == 1
    if login_code != consultation_code:  # a sign-in code is not a consultation code
        client.post("/consultation/ask/", {"mobile": "13812340000", "code": login_code, "action": "verify"})
        assert "consultation_verified_mobile" not in client.session
    client.post("/consultation/ask/", {"mobile": "13812340000", "code": consultation_code, "action": "verify"})
    assert client.session["consultation_verified_mobile"] == "13812340000"


def test_a_question_about_a_country_and_a_page_keeps_both_and_shows_them(client, make_user, groups):
    from wagtail.models import Page

    from taxonomy.models import Country

    page = Page.objects.filter(depth__gte=3).live().first().specific
    user = make_user("asker2")
    client.force_login(user)
    form = {"category": "investment", "subject": "肯尼亚设厂", "body": "需要哪些审批？", "asker_name": "周", "city": "", "country": "KE", "page": page.pk}
    assert client.post(f"/consultation/ask/?page={page.pk}", form).status_code == 302
    enquiry = Enquiry.objects.get(subject="肯尼亚设厂")
    assert enquiry.country == Country.objects.get(code="KE") and enquiry.page_id == page.pk
    html = client.get(f"/consultation/mine/{enquiry.pk}/").content.decode()
    assert "肯尼亚" in html and page.title in html


def test_asking_an_expert_named_by_a_malformed_or_unknown_id_shows_the_plain_form(client, make_user):
    from experts.models import Expert

    lawyer = Expert.objects.create(name="周律师", title="合伙人", organization="示范律师事务所", bio="跨境并购", languages="英语")
    client.force_login(make_user("asker"))
    assert "周律师" in client.get(f"/consultation/ask/?expert={lawyer.pk}").content.decode()
    for typed in ("😀", "2026-13-45", "１２", "²", "-1", "99999999999999999999", "1e309"):
        response = client.get("/consultation/ask/", {"expert": typed})
        assert response.status_code == 200, typed  # was a ValueError (500) for text, a full-width or superscript digit
        assert "周律师" not in response.content.decode()
