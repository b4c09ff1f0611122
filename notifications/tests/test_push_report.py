"""The delivery report of a staff push counts recipients, reads, and per channel sent / failed / skipped."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.utils import timezone

from accounts.roles import DEPT_ADMIN
from notifications.models import Message, Push


@override_settings(NOTIFY_MAX_ATTEMPTS=1)
def test_report_counts_sent_failed_skipped_and_read(client, make_user, recording_sms):
    ok = make_user("ok", mobile="13900000001")
    make_user("broken", mobile="13900000002")
    make_user("nomobile")
    recording_sms.failing = {"13900000002"}
    client.force_login(make_user("dept", role=DEPT_ADMIN))
    upload = SimpleUploadedFile("名单.csv", "ok\nbroken\nnomobile\n".encode("utf-8-sig"))
    client.post("/notifications/pushes/new/", {"title": "紧急通知", "body": "请查收", "upload": upload, "channels": ["sms"], "action": "send"})
    push = Push.objects.get()
    Message.objects.filter(push=push, recipient=ok).update(read_at=timezone.now())

    report = client.get(f"/notifications/pushes/{push.pk}/").context["report"]

    assert report["recipients"] == 3 and report["read"] == 1
    assert report["channels"]["sms"] == {"sent": 1, "failed": 1, "skipped": 1}
    assert [mobile for mobile, _ in recording_sms.outbox] == ["13900000001"]
