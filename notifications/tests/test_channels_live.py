"""Real e-mail to a local SMTP server, WeChat against a local fake API, retries by the real worker."""

import email
import socket
from email.header import decode_header, make_header

import pytest
from aiosmtpd.controller import Controller
from django.test import override_settings

from background.testing import DATABASE_TASKS
from background.worker import RetryingWorker
from notifications import services
from notifications.models import Delivery, NotificationSettings
from notifications.testing import FakeWeChatServer


class Inbox:
    def __init__(self):
        self.envelopes = []

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append(envelope)
        return "250 OK"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def smtp_server(settings):
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.MAILERS = {
        "default": {"BACKEND": "django.core.mail.backends.smtp.EmailBackend", "OPTIONS": {"host": "127.0.0.1", "port": controller.port, "timeout": 5}}
    }
    yield inbox
    controller.stop()


@pytest.mark.django_db
def test_email_goes_through_a_real_smtp_server_with_chinese_subject_html_and_text(make_user, smtp_server):
    user = make_user("smtp_user", email="qiye@example.cn", first_name="张经理")
    services.notify([user], kind="push.notice", title="关于开展境外投资备案的通知", body="请于 12 月 31 日前完成。", url="/notifications/")
    assert len(smtp_server.envelopes) == 1
    envelope = smtp_server.envelopes[0]
    assert envelope.rcpt_tos == ["qiye@example.cn"]
    parsed = email.message_from_bytes(envelope.content)
    assert str(make_header(decode_header(parsed["Subject"]))) == "【湘企出海+】关于开展境外投资备案的通知"
    types = {part.get_content_type(): part.get_payload(decode=True).decode() for part in parsed.walk() if not part.is_multipart()}
    assert "张经理" in types["text/plain"] and "http://127.0.0.1:8000/notifications/" in types["text/plain"]
    assert "<h2" in types["text/html"] and "请于 12 月 31 日前完成。" in types["text/html"]
    assert Delivery.objects.get(channel="email").status == Delivery.Status.SENT


@pytest.mark.django_db
def test_smtp_server_down_leaves_the_delivery_pending_for_retry(make_user, settings):
    settings.MAILERS = {
        "default": {"BACKEND": "django.core.mail.backends.smtp.EmailBackend", "OPTIONS": {"host": "127.0.0.1", "port": free_port(), "timeout": 2}}
    }
    user = make_user("down_user", email="down@example.cn")
    services.notify([user], kind="push.notice", title="服务器不可用")
    delivery = Delivery.objects.get(channel="email")
    assert delivery.status == Delivery.Status.PENDING and delivery.attempts == 1 and "ConnectionRefused" in delivery.error


@pytest.mark.django_db
def test_wechat_template_message_is_sent_to_the_bound_openid(make_user, settings):
    with FakeWeChatServer() as wx:
        settings.WECHAT_API_BASE, settings.WECHAT_APP_ID, settings.WECHAT_APP_SECRET, settings.WECHAT_TEMPLATE_ID = wx.base, "wxapp", "right-secret", "TPL-1"
        user = make_user("wx_user")
        NotificationSettings.objects.create(user=user, wechat_openid="OPENID-1")
        unbound = make_user("wx_unbound")
        services.notify([user, unbound], kind="push.notice", title="展会报名提醒", body="中非经贸博览会报名截止", channels=["inbox", "wechat"])
    assert [(p["touser"], p["template_id"], p["data"]["first"]["value"]) for p in wx.sent] == [("OPENID-1", "TPL-1", "展会报名提醒")]
    assert Delivery.objects.get(message__recipient=unbound).status == Delivery.Status.SKIPPED


@pytest.mark.django_db
def test_wechat_api_error_is_recorded(make_user, settings):
    with FakeWeChatServer() as wx:
        settings.WECHAT_API_BASE, settings.WECHAT_APP_ID, settings.WECHAT_APP_SECRET, settings.WECHAT_TEMPLATE_ID = wx.base, "wxapp", "wrong", "TPL-1"
        user = make_user("wx_err")
        NotificationSettings.objects.create(user=user, wechat_openid="OPENID-2")
        services.notify([user], kind="push.notice", title="错误", channels=["wechat"])
    delivery = Delivery.objects.get()
    assert delivery.status == Delivery.Status.PENDING and "40001" in delivery.error


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DATABASE_TASKS, BACKGROUND_MAX_ATTEMPTS=3, BACKGROUND_RETRY_BASE_SECONDS=0)
def test_the_worker_retries_a_failed_delivery_job_and_the_sms_goes_out_exactly_once(make_user, recording_sms):
    from accounts.roles import ensure_groups

    ensure_groups()
    users = [make_user(f"w{i}", mobile=f"1390000000{i}") for i in range(3)]
    recording_sms.fail_times["13900000001"] = 1  # the gateway rejects one number once
    services.notify(users, kind="push.notice", title="批量短信", channels=["sms"])
    RetryingWorker(
        queue_names=["*"], interval=0, batch=True, backend_name="default", startup_delay=False, max_tasks=None, worker_id="t", excluded_queue_names=[]
    ).run()
    assert sorted(m for m, _ in recording_sms.outbox) == ["13900000000", "13900000001", "13900000002"]
    assert set(Delivery.objects.values_list("status", flat=True)) == {Delivery.Status.SENT}
