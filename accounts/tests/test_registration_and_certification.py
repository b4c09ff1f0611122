"""Registration (individual, enterprise, institution), e-mail link, privacy consent versions,
certification by operator or city bureau with notification, one account per code, members."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.test import override_settings
from django.utils import timezone
from stdnum.cn import uscc

from accounts.models import (
    CertificationRequest,
    CertificationStatus,
    InstitutionType,
    Invitation,
    Organization,
    OrgKind,
    OrgRole,
    PrivacyConsent,
    PrivacyPolicy,
    RequestStatus,
    User,
    UserType,
)
from accounts.roles import DEPT_ADMIN, OPERATOR, city_bureau_role
from audit.models import AuditEntry
from notifications.models import Message

pytestmark = pytest.mark.django_db
REGISTER = "/accounts/register/"


def code_for(prefix="914301007MA4TQX0"):
    base = (prefix + "0" * 17)[:17]
    return base + uscc.calc_check_digit(base)


def form(mobile, code, **extra):
    data = {
        "account_type": UserType.INDIVIDUAL,
        "username": "zhangsan",
        "name": "张三",
        "mobile": mobile,
        "code": code,
        "password1": "Hunan#2026go",
        "password2": "Hunan#2026go",
        "agree": "on",
    }
    data.update(extra)
    return data


def register(client, send_code, last_code, mobile="13900000001", **extra):
    assert send_code(mobile)["ok"]
    return client.post(REGISTER, form(mobile, last_code(mobile), **extra))


def enterprise_fields(licence_pdf, code=None, city="changsha", name="湖南测试机械有限公司"):
    return {
        "account_type": UserType.ENTERPRISE,
        "org_name": name,
        "credit_code": code or code_for(),
        "jurisdiction": city,
        "ownership": "private",
        "licence": licence_pdf(),
    }


def test_individual_registers_with_an_sms_code_and_consents_to_the_policy(client, send_code, last_code):
    response = register(client, send_code, last_code)
    assert response.status_code == 302 and response.url == "/accounts/me/"
    user = User.objects.get(username="zhangsan")
    assert user.mobile == "13900000001" and user.user_type == UserType.INDIVIDUAL and user.organization is None
    assert PrivacyConsent.objects.filter(user=user).count() == 1
    assert AuditEntry.objects.filter(action="account.register", actor_id=user.pk).exists()
    assert client.get("/accounts/me/").status_code == 200  # signed in straight away


def test_wrong_sms_code_is_refused_and_the_form_keeps_what_was_typed(client, send_code, last_code):
    send_code("13900000002")
    right = last_code("13900000002")
    wrong = "000000" if right != "000000" else "111111"
    response = client.post(REGISTER, form("13900000002", wrong, name="李四"))
    page = response.content.decode()
    assert response.status_code == 200 and "验证码" in page and 'value="李四"' in page
    assert not User.objects.filter(mobile="13900000002").exists()


def test_registration_without_consent_is_refused(client, send_code, last_code):
    send_code("13900000003")
    data = form("13900000003", last_code("13900000003"))
    del data["agree"]
    assert "请阅读并同意个人信息保护政策" in client.post(REGISTER, data).content.decode()
    assert not User.objects.exists()


def test_enterprise_registration_files_a_pending_certification_and_tells_the_city_bureau(client, send_code, last_code, licence_pdf, make_user):
    bureau = make_user("cs_bureau", role=city_bureau_role("changsha"))
    other = make_user("sy_bureau", role=city_bureau_role("shaoyang"))
    response = register(client, send_code, last_code, **enterprise_fields(licence_pdf))
    assert response.status_code == 302, response.content.decode()[:3000]
    user = User.objects.get(username="zhangsan")
    org = user.organization
    assert user.user_type == UserType.ENTERPRISE and user.org_role == OrgRole.ADMIN
    assert org.status == CertificationStatus.PENDING and org.kind == OrgKind.ENTERPRISE
    req = CertificationRequest.objects.get(organization=org)
    assert req.status == RequestStatus.PENDING and req.licence
    assert Message.objects.filter(recipient=bureau, title__contains="认证申请").exists()
    assert not Message.objects.filter(recipient=other).exists()


def test_wrong_check_character_is_refused_with_the_expected_one(client, send_code, last_code, licence_pdf):
    good = code_for()
    bad = good[:17] + ("0" if good[17] != "0" else "1")
    response = register(client, send_code, last_code, **enterprise_fields(licence_pdf, code=bad))
    page = response.content.decode()
    assert response.status_code == 200 and "校验位错误" in page and f"应为“{good[17]}”" in page


def test_institution_registration_carries_its_type(client, send_code, last_code, licence_pdf):
    fields = enterprise_fields(licence_pdf, name="湖南测试律师事务所")
    fields.update(account_type=UserType.INSTITUTION, institution_type=InstitutionType.LAW_FIRM, ownership="")
    assert register(client, send_code, last_code, **fields).status_code == 302
    org = Organization.objects.get()
    assert org.kind == OrgKind.INSTITUTION and org.institution_type == InstitutionType.LAW_FIRM


def test_institution_without_a_type_is_refused(client, send_code, last_code, licence_pdf):
    fields = enterprise_fields(licence_pdf)
    fields.update(account_type=UserType.INSTITUTION, ownership="")
    assert "请选择机构类别" in register(client, send_code, last_code, **fields).content.decode()


def test_one_account_per_credit_code(client, send_code, last_code, licence_pdf, make_org):
    org = make_org("已认证企业")
    response = register(client, send_code, last_code, **enterprise_fields(licence_pdf, code=org.credit_code))
    # The code already has a certified account: refused, and pointed to the member invitation.
    assert response.status_code == 200 and "邀请您加入" in response.content.decode()
    assert not User.objects.filter(username="zhangsan").exists()


@pytest.mark.parametrize("reviewer_role", ["city", "operator"])
def test_certification_by_city_bureau_or_operator_is_notified(client, send_code, last_code, licence_pdf, make_user, reviewer_role):
    register(client, send_code, last_code, **enterprise_fields(licence_pdf))
    applicant = User.objects.get(username="zhangsan")
    req = CertificationRequest.objects.get()
    reviewer = make_user("reviewer", role=city_bureau_role("changsha") if reviewer_role == "city" else OPERATOR)
    client.force_login(reviewer)
    assert req.name in client.get("/accounts/certifications/").content.decode()
    response = client.post(f"/accounts/certifications/{req.pk}/", {"decision": "approve", "note": ""})
    assert response.status_code == 302
    applicant.refresh_from_db()
    assert applicant.organization.status == CertificationStatus.CERTIFIED
    assert Message.objects.filter(recipient=applicant, title__contains="已通过认证").exists()
    assert AuditEntry.objects.filter(action="certification.approve", actor_id=reviewer.pk).exists()


def test_other_city_and_other_staff_cannot_review(client, send_code, last_code, licence_pdf, make_user):
    register(client, send_code, last_code, **enterprise_fields(licence_pdf))
    req = CertificationRequest.objects.get()
    for name, role in (("sy", city_bureau_role("shaoyang")), ("dept", DEPT_ADMIN)):
        client.force_login(make_user(name, role=role))
        assert client.post(f"/accounts/certifications/{req.pk}/", {"decision": "approve"}).status_code in (403, 404)
    req.refresh_from_db()
    assert req.status == RequestStatus.PENDING


def test_rejection_needs_a_reason_and_is_notified(client, send_code, last_code, licence_pdf, make_user):
    register(client, send_code, last_code, **enterprise_fields(licence_pdf))
    req = CertificationRequest.objects.get()
    client.force_login(make_user("reviewer", role=OPERATOR))
    assert "不通过时请填写原因" in client.post(f"/accounts/certifications/{req.pk}/", {"decision": "reject", "note": "", "confirm": "on"}).content.decode()
    reviewer = make_user("reviewer2", role=OPERATOR)
    client.force_login(reviewer)
    client.post(f"/accounts/certifications/{req.pk}/", {"decision": "reject", "note": "营业执照不清晰", "confirm": "on"})
    req.refresh_from_db()
    assert req.status == RequestStatus.REJECTED
    assert Message.objects.filter(recipient=req.applicant, body__contains="营业执照不清晰").exists()
    entry = AuditEntry.objects.get(action="certification.reject")
    assert entry.actor_id == reviewer.pk and entry.detail == {"request": req.pk, "note": "营业执照不清晰"}


def test_member_invitation_and_joining(client, send_code, last_code, make_user, make_org):
    org = make_org("已认证企业")
    admin = make_user("boss", org=org, mobile="13900000009")
    client.force_login(admin)
    response = client.post("/accounts/me/members/", {"mobile": "13900000010"})
    assert response.status_code in (200, 302)
    invitation = Invitation.objects.get(organization=org)
    assert invitation.mobile == "13900000010"
    client.logout()
    page = client.get(f"{REGISTER}?invitation={invitation.token}").content.decode()
    assert org.name in page
    send_code("13900000010")
    response = client.post(REGISTER, form("13900000010", last_code("13900000010"), username="colleague", invitation=invitation.token, account_type=""))
    assert response.status_code == 302
    member = User.objects.get(username="colleague")
    assert member.organization == org and member.org_role == OrgRole.MEMBER and member.user_type == UserType.ENTERPRISE
    assert Message.objects.filter(recipient=admin, title__contains="已加入").exists()


def test_only_the_org_admin_invites(client, make_user, make_org):
    org = make_org("已认证企业")
    make_user("boss", org=org)
    plain = User.objects.create_user("member2", password="Xiang#2026", organization=org, org_role=OrgRole.MEMBER, user_type=UserType.ENTERPRISE)
    client.force_login(plain)
    client.post("/accounts/me/members/", {"mobile": "13900000011"})
    assert not Invitation.objects.exists()


@override_settings(EMAIL_VERIFY_MAX_AGE_DAYS=3)
def test_optional_email_is_verified_by_link(client, send_code, last_code):
    register(client, send_code, last_code, email="Zhang@Example.cn")
    user = User.objects.get(username="zhangsan")
    assert user.email == "zhang@example.cn" and not user.email_verified
    link = re.search(r"https?://\S+/accounts/email/verify/\S+/", mail.outbox[-1].body).group(0)
    path = link.split("://", 1)[1].split("/", 1)[1]
    client.get("/" + path)
    user.refresh_from_db()
    assert user.email_verified
    assert client.get("/accounts/email/verify/forged-token/").status_code == 302
    assert AuditEntry.objects.filter(action="account.email_verified").count() == 1


@override_settings(PRIVACY_CONSENT_REQUIRED=True)
def test_a_new_policy_version_is_asked_again(client, send_code, last_code):
    register(client, send_code, last_code)
    assert client.get("/accounts/me/").status_code == 200
    PrivacyPolicy.objects.create(version="2.0", summary="新增境外数据说明", body="第一段\n\n第二段", effective_at=timezone.now() - timedelta(seconds=1))
    response = client.get("/accounts/me/")
    assert response.status_code == 302 and response.url.startswith("/accounts/privacy/consent/")
    assert "2.0" in client.get(response.url).content.decode()
    client.post("/accounts/privacy/consent/", {"agree": "on"})
    assert client.get("/accounts/me/").status_code == 200
    assert PrivacyConsent.objects.filter(user__username="zhangsan", policy__version="2.0").exists()
