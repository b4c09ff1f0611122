"""Channels, preferences, idempotent delivery with retry, rate limits, digests."""

import pytest
from django.core import mail
from django.test import override_settings
from django.utils import timezone

from notifications import services, tasks
from notifications.models import Delivery, Message, NotificationSettings
from notifications.tasks import _send_one, deliver, send_digests, take_rate_token

pytestmark = pytest.mark.django_db


def test_notify_keeps_the_old_signature_and_writes_an_inbox_message(make_user):
    user = make_user("alice", email="alice@example.cn")
    [message] = services.notify([user], kind="filing.returned", title="备案被退回")
    assert message.recipient == user and message.read_at is None
    assert Message.objects.filter(recipient=user, title="备案被退回").count() == 1


def test_default_channels_send_email_and_skip_users_without_address(make_user):
    with_mail = make_user("with_mail", email="a@example.cn")
    without = make_user("without")
    services.notify([with_mail, without], kind="push.notice", title="关于申报的通知", body="请于月底前申报")
    assert [m.to for m in mail.outbox] == [["a@example.cn"]]
    assert mail.outbox[0].subject == "【湘企出海+】关于申报的通知"
    assert Delivery.objects.get(message__recipient=without, channel="email").status == Delivery.Status.SKIPPED


def test_user_choice_of_channels_per_kind_is_respected(make_user, recording_sms):
    user = make_user("bob", email="bob@example.cn", mobile="13800000001")
    services.save_preferences(user, channels_by_group={"push": ["sms"]}, email_digest="none")
    services.notify([user], kind="push.notice", title="政策提醒")
    assert mail.outbox == []
    assert recording_sms.outbox == [("13800000001", "【湘企出海+】政策提醒")]
    services.notify([user], kind="filing.returned", title="备案被退回")  # other groups keep their defaults
    assert len(mail.outbox) == 1


def test_a_retried_job_never_sends_twice(make_user):
    user = make_user("carol", email="carol@example.cn")
    [message] = services.notify([user], kind="push.notice", title="只发一次")
    delivery = Delivery.objects.get(message=message, channel="email")
    assert len(mail.outbox) == 1
    deliver.call([delivery.pk])  # the same job run again, e.g. after a worker crash
    deliver.call([delivery.pk])
    assert len(mail.outbox) == 1
    assert Delivery.objects.filter(message=message, channel="email").count() == 1


def test_failed_send_is_left_pending_then_retried_once_the_gateway_recovers(make_user, recording_sms):
    user = make_user("dave", mobile="13800000002")
    recording_sms.fail_times["13800000002"] = 1
    services.notify([user], kind="push.notice", title="重试", channels=["inbox", "sms"])  # the job fails and is left for a retry
    delivery = Delivery.objects.get(channel="sms", message__recipient=user)
    assert delivery.status == Delivery.Status.PENDING and "短信网关拒绝" in delivery.error
    deliver.call([delivery.pk])  # the worker's retry
    deliver.call([delivery.pk])  # and a duplicate of it
    delivery.refresh_from_db()
    assert delivery.status == Delivery.Status.SENT and delivery.attempts == 2
    assert recording_sms.outbox == [("13800000002", "【湘企出海+】重试")]


@override_settings(NOTIFY_MAX_ATTEMPTS=2)
def test_delivery_fails_for_good_after_the_maximum_attempts(make_user, recording_sms):
    user = make_user("erin", mobile="13800000003")
    recording_sms.failing.add("13800000003")
    services.notify([user], kind="push.notice", title="失败", channels=["sms"])
    delivery = Delivery.objects.get(channel="sms")
    assert _send_one(delivery.pk) == Delivery.Status.FAILED
    assert _send_one(delivery.pk) == ""  # no longer ours to send


@override_settings(NOTIFY_RATE_LIMITS={"email": 2, "sms": 0, "wechat": 0})
def test_rate_limit_counts_sends_per_channel_and_minute():
    now = timezone.now()
    assert [take_rate_token("email", now) for _ in range(3)] == [True, True, False]
    assert take_rate_token("sms", now)  # 0 means unlimited


@override_settings(NOTIFY_RATE_LIMITS={"email": 1, "sms": 0, "wechat": 0})
def test_rate_limited_deliveries_stay_pending_for_a_later_run(make_user, monkeypatch):
    # One fixed minute, so a slow run that crosses a minute boundary does not get a fresh budget.
    minute = timezone.now()
    monkeypatch.setattr(tasks, "take_rate_token", lambda channel, now=None, _take=take_rate_token: _take(channel, minute))
    users = [make_user(f"u{i}", email=f"u{i}@example.cn") for i in range(3)]
    services.notify(users, kind="push.notice", title="限速")
    with pytest.raises(Exception, match="频率"):
        deliver.call(list(Delivery.objects.values_list("pk", flat=True)))
    assert len(mail.outbox) == 1
    assert Delivery.objects.filter(status=Delivery.Status.PENDING).count() == 2


def test_daily_digest_collects_email_into_one_message(make_user):
    user = make_user("fay", email="fay@example.cn")
    services.save_preferences(user, channels_by_group={}, email_digest="daily")
    services.notify([user], kind="push.notice", title="第一条")
    services.notify([user], kind="portal.published", title="第二条")
    assert mail.outbox == []
    assert send_digests.call() == 1
    assert len(mail.outbox) == 1 and "2 条新通知" in mail.outbox[0].subject
    assert "第一条" in mail.outbox[0].body and "第二条" in mail.outbox[0].body
    assert send_digests.call() == 0  # not again within the day
    assert NotificationSettings.objects.get(user=user).last_digest_at is not None


def test_inbox_only_user_choice_sends_nothing_outside(make_user):
    user = make_user("gus", email="gus@example.cn")
    services.save_preferences(user, channels_by_group={"push": []}, email_digest="none")
    services.notify([user], kind="push.notice", title="只看站内")
    assert mail.outbox == [] and Delivery.objects.count() == 0


def test_weekly_digest_waits_a_week_between_e_mails(make_user):
    from datetime import timedelta

    user = make_user("hal", email="hal@example.cn")
    services.save_preferences(user, channels_by_group={}, email_digest="weekly")
    services.notify([user], kind="push.notice", title="周一的通知")
    assert send_digests.call() == 1 and len(mail.outbox) == 1
    services.notify([user], kind="push.notice", title="周三的通知")
    NotificationSettings.objects.filter(user=user).update(last_digest_at=timezone.now() - timedelta(days=3))
    assert send_digests.call() == 0 and len(mail.outbox) == 1  # only three days since the last one
    NotificationSettings.objects.filter(user=user).update(last_digest_at=timezone.now() - timedelta(days=7))
    assert send_digests.call() == 1
    assert len(mail.outbox) == 2 and "1 条新通知" in mail.outbox[1].subject and "周三的通知" in mail.outbox[1].body
    assert "周一的通知" not in mail.outbox[1].body  # already sent in the first digest
