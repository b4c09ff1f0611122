"""One account everywhere, in a real browser.

An enterprise registers with an SMS code read from the development outbox and files its
certification; a Shaoyang city-bureau reviewer signs in once (password + TOTP) and certifies it,
then opens the Shaoyang city zone and the Wagtail admin with that same session; the enterprise
signs in with its new account, sees the outcome in its inbox and the city zone as itself.

Enterprise accounts have no admin access by design (the admin is for staff roles only), so the
"zone and admin with one sign-in" half is shown by the staff reviewer (docs/accounts.md).
"""

import re

import pytest
from stdnum.cn import uscc

from uploads.tests.samples import PDF

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "Xiangqi#2026"
MOBILE = "13912345678"


def credit_code():
    base = "91430500MA4QYBRW0"  # 17 characters; the 18th is computed (GB 32100-2015)
    return base + uscc.calc_check_digit(base)


@pytest.fixture
def platform(settings):
    """The page tree with the 14 city zones and the roles' page permissions, and a Shaoyang reviewer with TOTP."""
    from django_otp.plugins.otp_totp.models import TOTPDevice
    from wagtail.models import Collection

    from accounts.models import User, UserType
    from accounts.roles import city_bureau_role, ensure_groups
    from portal.bootstrap import ensure_portal_tree
    from taxonomy.cities import City

    settings.PORTAL_PAGE_CACHE_SECONDS = 0
    settings.STAFF_REQUIRE_2FA = True  # the test settings turn these off for other apps' tests
    settings.PRIVACY_CONSENT_REQUIRED = True
    if Collection.get_first_root_node() is None:  # flushed by the previous live-server test
        Collection.add_root(name="Root")
    groups = ensure_groups()
    ensure_portal_tree()
    reviewer = User.objects.create(username="sy_reviewer", first_name="邵阳审核员", is_staff=True, user_type=UserType.STAFF)
    reviewer.set_password(PASSWORD)
    reviewer.save()
    reviewer.groups.add(groups[city_bureau_role(City.SHAOYANG).code])
    device = TOTPDevice.objects.create(user=reviewer, name="身份验证器", confirmed=True)
    return {"reviewer": reviewer, "device": device}


def totp_now(device):
    from django_otp.oath import totp

    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):0{device.digits}d}"


def sign_in(page, username, password):
    page.goto("/accounts/login/")
    page.locator("#id_login").fill(username)
    page.locator("#id_password").fill(password)
    page.get_by_role("button", name="登录", exact=True).click()


def sign_out(page):
    page.locator(".topbar-tools").get_by_role("button", name="退出").click()
    page.wait_for_url(re.compile(r"/$"))


def test_enterprise_registers_is_certified_by_city_reviewer_and_one_sign_in_covers_zone_and_admin(page, platform, shot):
    from accounts.models import CertificationStatus, Organization, SmsOutbox, User

    code = credit_code()

    # 1. Register as an enterprise; the SMS code comes from the outbox.
    page.goto("/accounts/register/")
    page.get_by_label("企业用户", exact=True).check()
    page.locator("#id_username").fill("syexport")
    page.locator("#id_name").fill("李出海")
    page.locator("#id_mobile").fill(MOBILE)
    page.get_by_role("button", name="获取验证码").click()
    page.get_by_text("验证码已发送").wait_for()
    sms = SmsOutbox.objects.filter(mobile=MOBILE).latest("id")
    sms_code = re.search(r"\b(\d{6})\b", sms.text).group(1)
    page.locator("#id_code").fill(sms_code)
    page.locator("#id_password1").fill(PASSWORD)
    page.locator("#id_password2").fill(PASSWORD)
    page.locator("#id_org_name").fill("邵阳出海示范有限公司")
    page.locator("#id_credit_code").fill(code)
    page.locator("#id_jurisdiction").select_option("shaoyang")
    page.locator("#id_ownership").select_option("private")
    page.locator("#id_licence").set_input_files({"name": "licence.pdf", "mimeType": "application/pdf", "buffer": PDF})
    page.locator("#id_agree").check()
    page.get_by_role("button", name="注册", exact=True).click()
    page.wait_for_url("**/accounts/me/")
    assert "认证申请已提交" in page.content()
    org = Organization.objects.get(credit_code=code)
    assert org.status == CertificationStatus.PENDING
    assert User.objects.get(username="syexport").organization_id == org.pk
    sign_out(page)

    # 2. The Shaoyang reviewer signs in (password, then TOTP) and certifies the enterprise.
    sign_in(page, "sy_reviewer", PASSWORD)
    page.wait_for_url("**/accounts/2fa/verify/**")
    page.locator("#id_token").fill(totp_now(platform["device"]))
    page.get_by_role("button", name="验证").click()
    page.wait_for_url(re.compile(r"/$"))
    page.goto("/accounts/certifications/")
    page.get_by_role("link", name="邵阳出海示范有限公司").click()
    page.get_by_label("通过", exact=True).check()
    page.get_by_role("button", name="提交审核结论").click()
    page.wait_for_url("**/accounts/certifications/")
    org.refresh_from_db()
    assert org.status == CertificationStatus.CERTIFIED

    # 3. The same session opens the city zone and the Wagtail admin: no second sign-in.
    page.goto("/cities/shaoyang/")
    assert page.get_by_role("heading", level=1).inner_text().startswith("邵阳")
    assert page.locator(".topbar-tools .user-name").inner_text() == "邵阳审核员"
    page.goto("/admin/")
    assert "/accounts/login/" not in page.url and "/admin/login/" not in page.url
    assert page.locator("body").inner_text().count("邵阳审核员") >= 1
    page.goto("/admin/pages/")
    page.wait_for_url(re.compile(r"/admin/pages/\d+/$"))  # lands in its own city zone
    assert "邵阳市" in page.locator("body").inner_text()
    shot(page, "accounts-reviewer-admin")
    page.goto("/")
    sign_out(page)

    # 4. The enterprise signs in with its new account: the outcome is in its inbox, the zone knows it.
    sign_in(page, "syexport", PASSWORD)
    page.wait_for_url(re.compile(r"/$"))
    page.goto("/notifications/")
    assert "邵阳出海示范有限公司 已通过认证" in page.locator("main").inner_text()
    page.goto("/cities/shaoyang/")
    assert page.locator(".topbar-tools .user-name").inner_text() == "李出海"
    page.goto("/accounts/me/organization/")
    assert "已认证" in page.locator("main").inner_text()
    shot(page, "accounts-enterprise-certified")
    # The admin is for staff roles: an enterprise account is sent to the platform login instead.
    page.goto("/admin/")
    assert "/accounts/login/" in page.url
