"""WeChat official-account template messages (模板消息).

Enabled when ``WECHAT_API_BASE``, ``WECHAT_APP_ID``, ``WECHAT_APP_SECRET`` and
``WECHAT_TEMPLATE_ID`` are set; the recipient must have bound their OpenID. The access token
is cached for slightly less than its lifetime. Tests point ``WECHAT_API_BASE`` at a local
fake server.
"""

import json
import urllib.parse
import urllib.request

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext as _

from notifications.channels import NoAddress
from notifications.channels.email import absolute

TOKEN_CACHE_KEY = "notifications:wechat-token"


class WeChatError(Exception):
    pass


def enabled() -> bool:
    return bool(settings.WECHAT_API_BASE and settings.WECHAT_APP_ID and settings.WECHAT_TEMPLATE_ID)


def _call(url: str, payload: dict | None = None) -> dict:
    data = json.dumps(payload, ensure_ascii=False).encode() if payload is not None else None
    if not url.startswith(("https://", "http://")):
        raise WeChatError(_("WECHAT_API_BASE 必须是 http(s) 地址"))
    request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json; charset=utf-8"})  # noqa: S310 - scheme checked above
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - scheme checked above
        body = json.loads(response.read().decode())
    if body.get("errcode"):
        raise WeChatError(_("微信接口错误 %(code)s: %(message)s") % {"code": body.get("errcode"), "message": body.get("errmsg", "")})
    return body


def access_token() -> str:
    token = cache.get(TOKEN_CACHE_KEY)
    if token:
        return token
    query = urllib.parse.urlencode({"grant_type": "client_credential", "appid": settings.WECHAT_APP_ID, "secret": settings.WECHAT_APP_SECRET})
    body = _call(f"{settings.WECHAT_API_BASE}/cgi-bin/token?{query}")
    cache.set(TOKEN_CACHE_KEY, body["access_token"], max(int(body.get("expires_in", 7200)) - 300, 60))
    return body["access_token"]


def send(message):
    if not enabled():
        raise NoAddress(_("未配置微信公众号"))
    settings_row = getattr(message.recipient, "notification_settings", None)
    openid = settings_row.wechat_openid if settings_row else ""
    if not openid:
        raise NoAddress(_("未绑定微信"))
    payload = {
        "touser": openid,
        "template_id": settings.WECHAT_TEMPLATE_ID,
        "url": absolute(message.url),
        "data": {
            "first": {"value": message.title},
            "keyword1": {"value": message.body[:100]},
            "keyword2": {"value": message.created_at.strftime("%Y-%m-%d %H:%M")},
            "remark": {"value": _("湘企出海+")},
        },
    }
    query = urllib.parse.urlencode({"access_token": access_token()})
    _call(f"{settings.WECHAT_API_BASE}/cgi-bin/message/template/send?{query}", payload)
