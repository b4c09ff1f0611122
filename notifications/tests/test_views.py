"""Inbox, preferences and the staff push pages through the test client."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from accounts.roles import DEPT_ADMIN, city_bureau_role
from notifications import services
from notifications.models import Message, NotificationSettings, Push, Subscription

pytestmark = pytest.mark.django_db


def test_inbox_shows_unread_count_marks_read_and_archives(client, make_user):
    user = make_user("reader")
    first, second = services.notify([user], kind="push.notice", title="第一条") + services.notify([user], kind="push.notice", title="第二条")
    client.force_login(user)
    assert client.get("/notifications/").context["unread_messages"] == 2
    response = client.get(f"/notifications/{first.pk}/")
    assert response.status_code == 200 and Message.objects.get(pk=first.pk).read_at is not None
    client.post("/notifications/archive/", {"ids": [second.pk]})
    assert [m.title for m in client.get("/notifications/").context["page_obj"]] == ["第一条"]
    assert [m.title for m in client.get("/notifications/?box=archived").context["page_obj"]] == ["第二条"]
    assert client.get("/notifications/").context["unread_messages"] == 0


def test_nobody_can_open_or_archive_another_users_message(client, make_user):
    owner, intruder = make_user("owner"), make_user("intruder")
    [message] = services.notify([owner], kind="push.notice", title="私信")
    client.force_login(intruder)
    assert client.get(f"/notifications/{message.pk}/").status_code == 404
    client.post("/notifications/archive/", {"ids": [message.pk]})
    client.post("/notifications/read/", {"ids": [message.pk]})
    message.refresh_from_db()
    assert message.archived_at is None and message.read_at is None


def test_preferences_and_subscriptions_are_saved(client, make_user):
    user = make_user("prefs")
    client.force_login(user)
    data = {"pref-email_digest": "weekly", "pref-ch_push": ["sms"], "pref-ch_consultation": ["email", "sms"], "sub-cities": ["shaoyang"], "sub-industries": ["C"], "sub-countries": ["KE"]}
    assert client.post("/notifications/preferences/", data).status_code == 302
    row = NotificationSettings.objects.get(user=user)
    assert row.email_digest == "weekly" and row.channels_by_kind["push"] == ["sms"] and row.channels_by_kind["portal"] == []
    assert sorted(Subscription.objects.filter(user=user).values_list("topic", "value")) == [("city", "shaoyang"), ("country", "KE"), ("industry", "C")]


def test_enterprise_users_cannot_push(client, make_user):
    client.force_login(make_user("ent"))
    assert client.get("/notifications/pushes/new/").status_code == 403


def test_staff_preview_and_send_a_push_to_an_uploaded_list(client, make_user):
    targets = [make_user(f"t{i}") for i in range(3)]
    client.force_login(make_user("dept", role=DEPT_ADMIN))
    upload = SimpleUploadedFile("名单.csv", "t0\nt2\n不存在\n".encode("utf-8-sig"))
    preview = client.post("/notifications/pushes/preview/", {"title": "x", "body": "y", "upload": upload})
    assert "<strong>2</strong>" in preview.content.decode()
    upload.seek(0)
    response = client.post("/notifications/pushes/new/", {"title": "展会通知", "body": "欢迎参展", "upload": upload, "action": "send"})
    push = Push.objects.get()
    assert response.status_code == 302 and push.recipient_count == 2
    assert sorted(m.recipient.username for m in Message.objects.filter(push=push)) == ["t0", "t2"]
    assert targets[1].messages.count() == 0
    report = client.get(f"/notifications/pushes/{push.pk}/").context["report"]
    assert report["recipients"] == 2 and report["read"] == 0


def test_push_without_audience_is_refused(client, make_user):
    client.force_login(make_user("dept", role=DEPT_ADMIN))
    response = client.post("/notifications/pushes/new/", {"title": "全员", "body": "误发", "action": "send"})
    assert "请至少选择一个受众条件" in response.content.decode() and not Push.objects.exists()


def test_city_bureau_push_is_limited_to_its_own_city(client, make_user, make_org):
    sy_user = make_user("sy_ent", org=make_org("邵阳企业", city="shaoyang"))
    make_user("cs_ent", org=make_org("长沙企业", city="changsha"))
    client.force_login(make_user("sy_bureau", role=city_bureau_role("shaoyang")))
    client.post("/notifications/pushes/new/", {"title": "本市通知", "body": "内容", "user_types": ["enterprise"], "action": "send"})
    push = Push.objects.get()
    assert push.audience["cities"] == ["shaoyang"]
    assert [m.recipient for m in Message.objects.filter(push=push)] == [sy_user]


def test_uploaded_excel_list_matches_by_mobile_email_and_credit_code_and_a_broken_file_is_refused(client, make_user, make_org):
    from io import BytesIO

    from openpyxl import Workbook

    org = make_org("名单企业")
    by_code = make_user("by_code", org=org)
    by_mobile = make_user("by_mobile", mobile="13711112222")
    by_email = make_user("by_email", email="list@example.cn")
    make_user("not_listed", mobile="13799998888")
    book = Workbook()
    for value in ["名单", org.credit_code, 13711112222, "list@example.cn", None, "无此人"]:
        book.active.append([value])
    data = BytesIO()
    book.save(data)
    client.force_login(make_user("dept", role=DEPT_ADMIN))
    upload = SimpleUploadedFile("名单.xlsx", data.getvalue())
    client.post("/notifications/pushes/new/", {"title": "名单推送", "body": "内容", "upload": upload, "action": "send"})
    push = Push.objects.get()
    assert sorted(m.recipient.username for m in Message.objects.filter(push=push)) == sorted(u.username for u in (by_code, by_mobile, by_email))
    broken = client.post("/notifications/pushes/new/", {"title": "坏文件", "body": "内容", "upload": SimpleUploadedFile("名单.xlsx", b"not a zip"), "action": "send"})
    assert "无法读取该 Excel 文件" in broken.content.decode() and Push.objects.count() == 1
