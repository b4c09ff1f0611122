"""Accounts in English: sign-in, registration, password reset, the privacy policy, the user centre,
the verification review and two-factor set-up read in English; names of people, organisations and
cities, and the policy's own text, stay Chinese and are marked lang="zh-Hans"; Chinese pages are unchanged."""

import pytest
from django.utils import translation

from accounts.models import OrgKind, Ownership
from accounts.roles import OPERATOR
from accounts.services.certification import OrganizationDetails, submit_certification
from config.tests.english import marked_chinese, unmarked_chinese

pytestmark = pytest.mark.django_db


@pytest.fixture
def pending(make_user, licence_pdf):
    """An enterprise's pending verification application, filed by 张三."""
    applicant = make_user("zhangsan", first_name="张三", mobile="13900000021")
    details = OrganizationDetails(OrgKind.ENTERPRISE, "湘江机械有限公司", "91430100MA4L0AXX1D", "changsha", licence_pdf(), ownership=Ownership.PRIVATE)
    return submit_certification(applicant, details)


def test_english_sign_in_pages_read_in_english(english):
    html = english.get("/accounts/login/").content.decode()
    assert unmarked_chinese(html) == []
    assert "Sign in to Hunan Going Global+" in html and "User name or mobile number" in html and "Forgot password" in html
    html = english.get("/accounts/login/?mode=sms").content.decode()
    assert unmarked_chinese(html) == [] and "Get code" in html and "SMS code" in html
    html = english.get("/accounts/password/reset/").content.decode()
    assert unmarked_chinese(html) == [] and "We send a code to your registered mobile number" in html and "Confirm password" in html
    assert "At least 8 characters, with at least 3 of these" in html and "None of your last 5 passwords." in html


def test_english_registration_marks_the_city_names(english):
    html = english.get("/accounts/register/").content.decode()
    assert unmarked_chinese(html) == []
    assert "Service-institution user" in html and "Unified Social Credit Code" in html and "Private enterprise" in html
    assert "I have read and agree to the Personal Information Protection Policy" in html
    assert '<option value="changsha" lang="zh-Hans">长沙市</option>' in html


def test_english_registration_errors_read_in_english(english):
    html = english.post("/accounts/register/", {"account_type": "enterprise", "username": "1x", "credit_code": "91430100MA4L0AXX1E"}).content.decode()
    assert unmarked_chinese(html) == []
    assert "The user name must be 4–30 characters" in html and "by GB 32100-2015 the 18th character should be “D”" in html
    reply = english.post("/accounts/sms/send/", {"mobile": "12345", "purpose": "register"}).json()
    assert reply == {"ok": False, "message": "Please enter an 11-digit mainland China mobile number (starting with 13–19)."}


def test_english_privacy_policy_marks_the_policy_text(english):
    html = english.get("/accounts/privacy/").content.decode()
    assert unmarked_chinese(html) == []
    assert "in force from" in html and "湘企出海+ 个人信息保护政策" in marked_chinese(html)


def test_english_user_centre_reads_in_english_and_marks_names(english, make_user, make_org):
    org = make_org("湘江机械")
    # The signed-in user's name is in English: the page header (a shared template) shows it unmarked.
    user = make_user("boss", org=org, first_name="Li Si", mobile="13900000022", email="boss@example.com")
    make_user("colleague", org=org, first_name="王五", mobile="13900000023")
    english.force_login(user)
    pages = {
        "/accounts/me/": ["Profile", "Change mobile number", "Not verified", "Send the verification email again"],
        "/accounts/me/security/": ["Account security", "Two-factor authentication", "Not needed for ordinary users.", "Sign out on all other devices"],
        "/accounts/me/organization/": ["Organisation and verification", "Verification status", "Verified", "Administrator"],
        "/accounts/me/members/": ["Invite a colleague", "Make administrator", "Send invitation"],
        "/accounts/me/data/": ["Download my data", "Your consents to the Personal Information Protection Policy"],
        "/accounts/me/cancel/": ["After cancellation:", "Cancel my account"],
    }
    for url, words in pages.items():
        html = english.get(url).content.decode()
        assert unmarked_chinese(html) == [], url
        assert all(word in html for word in words), url
    html = english.get("/accounts/me/members/").content.decode()
    assert "湘江机械" in marked_chinese(html) and "王五" in marked_chinese(html)
    assert '<dd><span lang="zh-Hans">长沙市</span></dd>' in english.get("/accounts/me/organization/").content.decode()


def test_english_verification_review_reads_in_english(english, make_user, pending):
    english.force_login(make_user("reviewer", role=OPERATOR))
    html = english.get("/accounts/certifications/").content.decode()
    assert unmarked_chinese(html) == []
    assert "Enterprise and institution verification review" in html and "Awaiting review (1)" in html and "湘江机械有限公司" in marked_chinese(html)
    html = english.get(f"/accounts/certifications/{pending.pk}/").content.decode()
    assert unmarked_chinese(html) == []
    assert "Verification application: " in html and "Enterprise going global, Private enterprise" in html and "Check character correct" in html
    assert "Submit decision" in html and "(required when rejecting; sent to the applicant)" in html
    html = english.post(f"/accounts/certifications/{pending.pk}/", {"decision": "reject", "note": "", "confirm": "on"}).content.decode()
    assert unmarked_chinese(html) == [] and "Please give the reason when rejecting" in html


def test_english_two_factor_setup_reads_in_english(english, make_user):
    english.force_login(make_user("operator", role=OPERATOR))
    html = english.get("/accounts/2fa/setup/").content.decode()
    assert unmarked_chinese(html) == []
    assert "Turn on two-factor authentication" in html and "Install an authenticator app that supports TOTP" in html


def test_services_speak_the_active_language(make_user, make_org):
    from accounts.credit_code import clean_credit_code
    from accounts.throttle import State, locked_message

    with translation.override("en"):
        with pytest.raises(Exception, match="you entered 5"):
            clean_credit_code("91430")
        assert locked_message(State(failures=5)) == "Too many failed sign-ins: this account or your network is locked for now. Please try again in 15 minutes."


def test_chinese_pages_stay_chinese(client, make_user, make_org, pending):
    html = client.get("/accounts/login/").content.decode()
    assert "<h1>登录湘企出海+</h1>" in html and "密码登录" in html and 'lang="zh-Hans"' not in html
    html = client.get("/accounts/register/").content.decode()
    assert '<option value="changsha">长沙市</option>' in html and "服务机构用户" in html and 'lang="zh-Hans"' not in html
    client.force_login(make_user("reviewer", role=OPERATOR))
    html = client.get(f"/accounts/certifications/{pending.pk}/").content.decode()
    assert "<h1>认证申请：湘江机械有限公司</h1>" in html and "走出去企业，民营企业" in html and 'lang="zh-Hans"' not in html
