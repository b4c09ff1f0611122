"""The pluggable SMS sender (``settings.SMS_BACKEND``).

Every sender has ``send(mobile, text, *, template=None, params=None)``. ``text`` is the full
message (what the development backend shows); Chinese gateways only send pre-approved
templates, so the gateway adapters send ``template`` with ``params`` instead:

* ``template="code"``, ``params={"code": "123456", "minutes": "5"}`` — verification codes
  (gateway template ``SMS_TEMPLATE_CODE``);
* no template — a notice, sent as ``{"content": text}`` through ``SMS_TEMPLATE_NOTICE``.

Backends:

* ``accounts.sms.ConsoleOutboxBackend`` (default): prints the message and stores it in the
  ``SmsOutbox`` table, where developers and browser tests read the codes;
* ``accounts.sms.AliyunSmsBackend``: Alibaba Cloud SMS (``SendSms``, RPC signature v1.0);
* ``accounts.sms.TencentSmsBackend``: Tencent Cloud SMS (``SendSms`` 2021-01-11, TC3-HMAC-SHA256).
"""

import base64
import hashlib
import hmac
import json
import logging
import sys
import time
import uuid
from datetime import UTC, datetime
from urllib.error import URLError
from urllib.parse import quote, urlsplit
from urllib.request import Request, urlopen

from django.conf import settings
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)


class SmsError(Exception):
    """The gateway did not accept the message (the text says why, in the gateway's words)."""


def get_backend():
    return import_string(settings.SMS_BACKEND)()


def send_sms(mobile: str, text: str, *, template: str | None = None, params: dict | None = None):
    """Send one SMS through the configured backend (a plain notice when ``template`` is None)."""
    backend = get_backend()
    if template is None:
        return backend.send(mobile, text)  # the two-argument form every sender supports
    return backend.send(mobile, text, template=template, params=params)


class ConsoleOutboxBackend:
    """Development sender: prints each message and keeps it in the outbox table."""

    def send(self, mobile, text, *, template=None, params=None):
        from accounts.models import SmsOutbox

        sys.stdout.write(f"[SMS → {mobile}] {text}\n")
        return SmsOutbox.objects.create(mobile=mobile, text=text).pk


def _template_for(template):
    code = settings.SMS_TEMPLATE_CODE if template == "code" else settings.SMS_TEMPLATE_NOTICE
    if not code:
        raise SmsError("未配置短信模板（SMS_TEMPLATE_CODE / SMS_TEMPLATE_NOTICE）")
    return code


def _request(url: str, **kwargs) -> Request:
    if not url.startswith(("https://", "http://")):
        raise SmsError(f"短信网关地址必须以 https:// 开头：{url}")
    return Request(url, **kwargs)  # noqa: S310 - scheme checked above


def _post_or_get(request: Request) -> dict:
    try:
        with urlopen(request, timeout=settings.SMS_HTTP_TIMEOUT) as response:  # noqa: S310 - endpoint comes from settings
            return json.loads(response.read().decode("utf-8"))
    except URLError as exc:
        raise SmsError(f"短信网关无法连接：{exc.reason}") from exc
    except json.JSONDecodeError as exc:
        raise SmsError("短信网关返回了无法解析的内容") from exc


def _percent(value: str) -> str:
    return quote(str(value), safe="-_.~")


class AliyunSmsBackend:
    """Alibaba Cloud SMS ``SendSms`` over the RPC API with an HMAC-SHA1 signature."""

    def signed_url(self, params: dict) -> str:
        canonical = "&".join(f"{_percent(k)}={_percent(v)}" for k, v in sorted(params.items()))
        to_sign = f"GET&{_percent('/')}&{_percent(canonical)}"
        key = f"{settings.ALIYUN_SMS_ACCESS_KEY_SECRET}&".encode()
        signature = base64.b64encode(hmac.new(key, to_sign.encode(), hashlib.sha1).digest()).decode()
        return f"{settings.ALIYUN_SMS_ENDPOINT}?Signature={_percent(signature)}&{canonical}"

    def send(self, mobile, text, *, template=None, params=None):
        template_params = {k: str(v) for k, v in (params or {}).items()} if template else {"content": text}
        query = {
            "AccessKeyId": settings.ALIYUN_SMS_ACCESS_KEY_ID,
            "Action": "SendSms",
            "Format": "JSON",
            "PhoneNumbers": mobile,
            "RegionId": "cn-hangzhou",
            "SignName": settings.SMS_SIGN_NAME,
            "SignatureMethod": "HMAC-SHA1",
            "SignatureNonce": uuid.uuid4().hex,
            "SignatureVersion": "1.0",
            "TemplateCode": _template_for(template),
            "TemplateParam": json.dumps(template_params, ensure_ascii=False),
            "Timestamp": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "Version": "2017-05-25",
        }
        data = _post_or_get(_request(self.signed_url(query), method="GET"))
        if data.get("Code") != "OK":
            raise SmsError(f"阿里云短信发送失败：{data.get('Code')} {data.get('Message', '')}".strip())
        return data.get("BizId", "")


def _sha256_hex(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


def _hmac(key: bytes, msg: str) -> bytes:
    return hmac.new(key, msg.encode(), hashlib.sha256).digest()


class TencentSmsBackend:
    """Tencent Cloud SMS ``SendSms`` (API 3.0, version 2021-01-11) with a TC3-HMAC-SHA256 signature."""

    SERVICE = "sms"
    VERSION = "2021-01-11"
    CONTENT_TYPE = "application/json; charset=utf-8"

    def authorization(self, host: str, payload: str, timestamp: int) -> str:
        date = datetime.fromtimestamp(timestamp, UTC).strftime("%Y-%m-%d")
        canonical = f"POST\n/\n\ncontent-type:{self.CONTENT_TYPE}\nhost:{host}\n\ncontent-type;host\n{_sha256_hex(payload)}"
        scope = f"{date}/{self.SERVICE}/tc3_request"
        to_sign = f"TC3-HMAC-SHA256\n{timestamp}\n{scope}\n{_sha256_hex(canonical)}"
        key = _hmac(_hmac(_hmac(f"TC3{settings.TENCENT_SMS_SECRET_KEY}".encode(), date), self.SERVICE), "tc3_request")
        signature = hmac.new(key, to_sign.encode(), hashlib.sha256).hexdigest()
        return f"TC3-HMAC-SHA256 Credential={settings.TENCENT_SMS_SECRET_ID}/{scope}, SignedHeaders=content-type;host, Signature={signature}"

    def send(self, mobile, text, *, template=None, params=None):
        if template == "code":
            values = [str((params or {}).get("code", "")), str((params or {}).get("minutes", ""))]
        elif template:
            values = [str(v) for v in (params or {}).values()]
        else:
            values = [text]
        payload = json.dumps(
            {
                "PhoneNumberSet": [f"+86{mobile}"],
                "SmsSdkAppId": settings.TENCENT_SMS_SDK_APP_ID,
                "SignName": settings.SMS_SIGN_NAME,
                "TemplateId": _template_for(template),
                "TemplateParamSet": values,
            },
            ensure_ascii=False,
        )
        host = urlsplit(settings.TENCENT_SMS_ENDPOINT).netloc
        timestamp = int(time.time())
        headers = {
            "Authorization": self.authorization(host, payload, timestamp),
            "Content-Type": self.CONTENT_TYPE,
            "Host": host,
            "X-TC-Action": "SendSms",
            "X-TC-Timestamp": str(timestamp),
            "X-TC-Version": self.VERSION,
            "X-TC-Region": settings.TENCENT_SMS_REGION,
        }
        data = _post_or_get(_request(settings.TENCENT_SMS_ENDPOINT, data=payload.encode(), headers=headers, method="POST")).get("Response", {})
        if "Error" in data:
            raise SmsError(f"腾讯云短信发送失败：{data['Error'].get('Code')} {data['Error'].get('Message', '')}".strip())
        statuses = data.get("SendStatusSet") or []
        if not statuses or statuses[0].get("Code") != "Ok":
            status = statuses[0] if statuses else {}
            raise SmsError(f"腾讯云短信发送失败：{status.get('Code', '无返回')} {status.get('Message', '')}".strip())
        return statuses[0].get("SerialNo", "")
