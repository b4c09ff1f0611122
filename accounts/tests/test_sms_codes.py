"""SMS verification codes: format, validity, attempts, and the per-number and per-address limits."""

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.models import SmsCode, SmsOutbox, SmsPurpose
from accounts.sms_codes import SmsCodeError, issue_code, verify_code

pytestmark = pytest.mark.django_db
MOBILE = "13812345678"


def age_codes(seconds, **filters):
    SmsCode.objects.filter(**filters).update(created_at=timezone.now() - timedelta(seconds=seconds), expires_at=timezone.now() - timedelta(seconds=seconds - 300))


def test_code_is_six_digits_sent_to_the_outbox_and_stored_only_hashed(last_code):
    issue_code(MOBILE, SmsPurpose.REGISTER, ip="10.0.0.1")
    code = last_code(MOBILE)
    assert len(code) == 6 and code.isdigit()
    row = SmsCode.objects.get(mobile=MOBILE)
    assert code not in row.code_hash and len(row.code_hash) == 64
    assert (row.expires_at - row.created_at) == timedelta(minutes=5)


def test_right_code_is_accepted_once(last_code):
    issue_code(MOBILE, SmsPurpose.REGISTER, ip="10.0.0.1")
    code = last_code(MOBILE)
    verify_code(MOBILE, SmsPurpose.REGISTER, code)
    with pytest.raises(SmsCodeError, match="无效或已过期"):
        verify_code(MOBILE, SmsPurpose.REGISTER, code)


def test_code_for_one_purpose_does_not_work_for_another(last_code):
    issue_code(MOBILE, SmsPurpose.REGISTER, ip="10.0.0.1")
    with pytest.raises(SmsCodeError):
        verify_code(MOBILE, SmsPurpose.RESET, last_code(MOBILE))


def test_code_expires_after_five_minutes(last_code):
    issue_code(MOBILE, SmsPurpose.REGISTER, ip="10.0.0.1")
    code = last_code(MOBILE)
    SmsCode.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    with pytest.raises(SmsCodeError, match="过期"):
        verify_code(MOBILE, SmsPurpose.REGISTER, code)


def test_five_wrong_attempts_burn_the_code(last_code):
    issue_code(MOBILE, SmsPurpose.REGISTER, ip="10.0.0.1")
    code = last_code(MOBILE)
    wrong = "000000" if code != "000000" else "111111"
    messages = []
    for _ in range(5):
        with pytest.raises(SmsCodeError) as exc:
            verify_code(MOBILE, SmsPurpose.REGISTER, wrong)
        messages.append(str(exc.value))
    assert messages[0] == "验证码错误，还可尝试 4 次。"
    assert "次数过多" in messages[-1]
    with pytest.raises(SmsCodeError, match="次数过多"):
        verify_code(MOBILE, SmsPurpose.REGISTER, code)  # even the right code is refused now


def test_one_code_per_minute_per_number():
    issue_code(MOBILE, SmsPurpose.REGISTER, ip="10.0.0.1")
    with pytest.raises(SmsCodeError, match="秒后再试"):
        issue_code(MOBILE, SmsPurpose.REGISTER, ip="10.0.0.2")
    age_codes(61)
    issue_code(MOBILE, SmsPurpose.REGISTER, ip="10.0.0.2")


def test_one_code_per_minute_per_address():
    issue_code(MOBILE, SmsPurpose.REGISTER, ip="10.0.0.1")
    with pytest.raises(SmsCodeError, match="秒后再试"):
        issue_code("13912345678", SmsPurpose.REGISTER, ip="10.0.0.1")


def test_ten_codes_a_day_per_number():
    for i in range(10):
        issue_code(MOBILE, SmsPurpose.REGISTER, ip=f"10.0.1.{i}")
        age_codes(61 + i, mobile=MOBILE, created_at__gt=timezone.now() - timedelta(seconds=5))
    SmsCode.objects.update(created_at=timezone.localtime().replace(hour=0, minute=0, second=1))
    with pytest.raises(SmsCodeError, match="今日获取验证码已达 10 次上限"):
        issue_code(MOBILE, SmsPurpose.REGISTER, ip="10.0.2.1")


def test_ten_codes_a_day_per_address():
    for i in range(10):
        issue_code(f"138000000{i:02d}", SmsPurpose.REGISTER, ip="10.9.9.9")
        SmsCode.objects.filter(ip_address="10.9.9.9").update(created_at=timezone.localtime().replace(hour=0, minute=0, second=1))
    with pytest.raises(SmsCodeError, match="当前网络今日获取验证码已达 10 次上限"):
        issue_code("13900000000", SmsPurpose.REGISTER, ip="10.9.9.9")


def test_yesterdays_codes_do_not_count_towards_today():
    for i in range(10):
        issue_code(MOBILE, SmsPurpose.REGISTER, ip=f"10.0.3.{i}")
        SmsCode.objects.filter(mobile=MOBILE).update(created_at=timezone.localtime().replace(hour=0, minute=0) - timedelta(minutes=1))
    issue_code(MOBILE, SmsPurpose.REGISTER, ip="10.0.4.1")


def test_registering_a_taken_number_sends_a_notice_not_a_code(make_user):
    make_user("taken", mobile=MOBILE)
    issue_code(MOBILE, SmsPurpose.REGISTER, ip="10.0.0.1")
    sms = SmsOutbox.objects.get(mobile=MOBILE)
    assert "已注册" in sms.text
    assert SmsCode.objects.get(mobile=MOBILE).code_hash == ""


def test_login_code_for_an_unknown_number_sends_nothing_but_counts():
    issue_code(MOBILE, SmsPurpose.LOGIN, ip="10.0.0.1")
    assert not SmsOutbox.objects.exists()
    with pytest.raises(SmsCodeError, match="秒后再试"):
        issue_code(MOBILE, SmsPurpose.LOGIN, ip="10.0.0.3")


def test_send_endpoint_answers_the_same_for_known_and_unknown_numbers(client, make_user):
    make_user("known", mobile="13911112222")
    known = client.post("/accounts/sms/send/", {"mobile": "13911112222", "purpose": "login"}, REMOTE_ADDR="10.1.0.1").json()
    unknown = client.post("/accounts/sms/send/", {"mobile": "13933334444", "purpose": "login"}, REMOTE_ADDR="10.1.0.2").json()
    assert known == unknown == {"ok": True, "message": "验证码已发送，请查收短信（5 分钟内有效）。", "wait": 60}


def test_send_endpoint_rejects_a_non_mainland_number(client):
    reply = client.post("/accounts/sms/send/", {"mobile": "12345", "purpose": "register"})
    assert reply.status_code == 400
    assert "11 位中国大陆手机号" in reply.json()["message"]
