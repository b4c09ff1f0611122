"""The SMS senders: the console/outbox backend and the Aliyun and Tencent Cloud adapters, the latter
against a local fake gateway that checks their signatures the way the real services do."""

import base64
import hashlib
import hmac
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit

import pytest
from django.test import override_settings

from accounts.models import SmsOutbox
from accounts.sms import AliyunSmsBackend, ConsoleOutboxBackend, SmsError, TencentSmsBackend, _percent, send_sms

ALIYUN_SECRET = "aliyun-secret"
TENCENT_SECRET = "tencent-secret"


class FakeGateway:
    """Answers Aliyun's RPC GET and Tencent's API 3.0 POST, verifying each request's signature."""

    def __init__(self):
        self.received = []
        gateway = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def reply(self, body):
                data = json.dumps(body).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self):  # Aliyun
                params = dict(parse_qsl(urlsplit(self.path).query, keep_blank_values=True))
                signature = params.pop("Signature")
                canonical = "&".join(f"{_percent(k)}={_percent(v)}" for k, v in sorted(params.items()))
                to_sign = f"GET&%2F&{_percent(canonical)}"
                expected = base64.b64encode(hmac.new(f"{ALIYUN_SECRET}&".encode(), to_sign.encode(), hashlib.sha1).digest()).decode()
                if signature != expected:
                    return self.reply({"Code": "SignatureDoesNotMatch", "Message": "Specified signature is not matched with our calculation."})
                if params["PhoneNumbers"] == "13000000000":
                    return self.reply({"Code": "isv.BUSINESS_LIMIT_CONTROL", "Message": "触发分钟级流控"})
                gateway.received.append(("aliyun", params))
                return self.reply({"Code": "OK", "Message": "OK", "BizId": "900619746936498440^0", "RequestId": "F655A8D5"})

            def do_POST(self):  # Tencent
                body = self.rfile.read(int(self.headers["Content-Length"])).decode()
                auth = self.headers["Authorization"]
                timestamp = int(self.headers["X-TC-Timestamp"])
                scope = auth.split("Credential=")[1].split(",")[0].split("/", 1)[1]
                date = scope.split("/")[0]
                canonical = (
                    f"POST\n/\n\ncontent-type:{self.headers['Content-Type']}\nhost:{self.headers['Host']}\n\n"
                    f"content-type;host\n{hashlib.sha256(body.encode()).hexdigest()}"
                )
                to_sign = f"TC3-HMAC-SHA256\n{timestamp}\n{scope}\n{hashlib.sha256(canonical.encode()).hexdigest()}"
                key = f"TC3{TENCENT_SECRET}".encode()
                for part in (date, "sms", "tc3_request"):
                    key = hmac.new(key, part.encode(), hashlib.sha256).digest()
                expected = hmac.new(key, to_sign.encode(), hashlib.sha256).hexdigest()
                if not auth.endswith(f"Signature={expected}") or self.headers["X-TC-Action"] != "SendSms":
                    return self.reply({"Response": {"Error": {"Code": "AuthFailure.SignatureFailure", "Message": "signature mismatch"}, "RequestId": "x"}})
                payload = json.loads(body)
                if payload["PhoneNumberSet"] == ["+8613000000000"]:
                    return self.reply({"Response": {"SendStatusSet": [{"Code": "LimitExceeded.PhoneNumberDailyLimit", "Message": "daily limit"}], "RequestId": "y"}})
                gateway.received.append(("tencent", payload))
                return self.reply({"Response": {"SendStatusSet": [{"SerialNo": "2028:1", "Code": "Ok", "Message": "send success"}], "RequestId": "z"}})

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def gateway():
    fake = FakeGateway()
    yield fake
    fake.close()


@pytest.fixture
def aliyun(gateway, settings):
    settings.ALIYUN_SMS_ENDPOINT = gateway.url
    settings.ALIYUN_SMS_ACCESS_KEY_ID = "LTAI-test"
    settings.ALIYUN_SMS_ACCESS_KEY_SECRET = ALIYUN_SECRET
    settings.SMS_TEMPLATE_CODE = "SMS_CODE_1"
    settings.SMS_TEMPLATE_NOTICE = "SMS_NOTICE_1"
    return gateway


@pytest.fixture
def tencent(gateway, settings):
    settings.TENCENT_SMS_ENDPOINT = gateway.url
    settings.TENCENT_SMS_SECRET_ID = "AKID-test"
    settings.TENCENT_SMS_SECRET_KEY = TENCENT_SECRET
    settings.TENCENT_SMS_SDK_APP_ID = "1400000000"
    settings.SMS_TEMPLATE_CODE = "1000001"
    settings.SMS_TEMPLATE_NOTICE = "1000002"
    return gateway


@pytest.mark.django_db
def test_console_backend_prints_and_keeps_the_message(capsys):
    ConsoleOutboxBackend().send("13812345678", "【湘企出海+】测试")
    assert "13812345678" in capsys.readouterr().out
    assert SmsOutbox.objects.get().text == "【湘企出海+】测试"


def test_aliyun_sends_a_code_template_with_a_valid_signature(aliyun):
    AliyunSmsBackend().send("13812345678", "验证码 123456", template="code", params={"code": "123456", "minutes": 5})
    (kind, params), = aliyun.received
    assert kind == "aliyun"
    assert params["Action"] == "SendSms" and params["TemplateCode"] == "SMS_CODE_1" and params["SignName"] == "湘企出海"
    assert json.loads(params["TemplateParam"]) == {"code": "123456", "minutes": "5"}


def test_aliyun_sends_notices_through_the_notice_template(aliyun):
    AliyunSmsBackend().send("13812345678", "您的备案已通过")
    (_, params), = aliyun.received
    assert params["TemplateCode"] == "SMS_NOTICE_1"
    assert json.loads(params["TemplateParam"]) == {"content": "您的备案已通过"}


def test_aliyun_refusal_raises_with_the_gateway_code(aliyun):
    with pytest.raises(SmsError, match="isv.BUSINESS_LIMIT_CONTROL"):
        AliyunSmsBackend().send("13000000000", "x", template="code", params={"code": "1"})


def test_aliyun_wrong_secret_is_a_signature_error(aliyun, settings):
    settings.ALIYUN_SMS_ACCESS_KEY_SECRET = "wrong"
    with pytest.raises(SmsError, match="SignatureDoesNotMatch"):
        AliyunSmsBackend().send("13812345678", "x")


def test_tencent_sends_a_code_template_with_a_valid_tc3_signature(tencent):
    TencentSmsBackend().send("13812345678", "验证码 654321", template="code", params={"code": "654321", "minutes": 5})
    (kind, payload), = tencent.received
    assert kind == "tencent"
    assert payload["PhoneNumberSet"] == ["+8613812345678"]
    assert payload["TemplateId"] == "1000001" and payload["TemplateParamSet"] == ["654321", "5"]
    assert payload["SmsSdkAppId"] == "1400000000"


def test_tencent_per_number_failure_raises(tencent):
    with pytest.raises(SmsError, match="PhoneNumberDailyLimit"):
        TencentSmsBackend().send("13000000000", "x")


def test_tencent_wrong_secret_is_a_signature_error(tencent, settings):
    settings.TENCENT_SMS_SECRET_KEY = "wrong"
    with pytest.raises(SmsError, match="AuthFailure.SignatureFailure"):
        TencentSmsBackend().send("13812345678", "x")


def test_unreachable_gateway_raises_a_connection_message(settings):
    settings.SMS_TEMPLATE_NOTICE = "T"
    settings.ALIYUN_SMS_ENDPOINT = "http://127.0.0.1:9/"
    with pytest.raises(SmsError, match="无法连接"):
        AliyunSmsBackend().send("13812345678", "x")


def test_backend_is_chosen_by_setting(aliyun):
    with override_settings(SMS_BACKEND="accounts.sms.AliyunSmsBackend"):
        send_sms("13812345678", "通知")
    assert aliyun.received[0][0] == "aliyun"
