"""The publishers' list opens on 待我处理 — drafts and calls still collecting, soonest closing first;
closed calls are one click away (``status=``)."""

from datetime import timedelta

from django.utils import timezone

from datacalls.models import CallStatus


def _order(html, titles):
    return sorted((t for t in titles if t in html), key=html.index)


TITLES = ["甲·下周截止", "乙·明天截止", "丙·草稿", "丁·已结束"]


def test_manage_opens_on_calls_needing_the_publisher_soonest_first(client, people, make_call):
    now = timezone.now()
    make_call(title="甲·下周截止", closes_at=now + timedelta(days=7))
    make_call(title="乙·明天截止", closes_at=now + timedelta(days=1))
    make_call(title="丙·草稿", status=CallStatus.DRAFT, closes_at=now + timedelta(days=20))
    make_call(title="丁·已结束", status=CallStatus.CLOSED, closes_at=now - timedelta(days=30))
    client.force_login(people["admin"])
    html = client.get("/datacalls/manage/").content.decode()
    assert _order(html, TITLES) == ["乙·明天截止", "甲·下周截止", "丙·草稿"]
    assert 'aria-current="page">待我处理' in html
    every = client.get("/datacalls/manage/", {"status": ""}).content.decode()
    assert set(_order(every, TITLES)) == set(TITLES)
    assert _order(client.get("/datacalls/manage/", {"status": CallStatus.CLOSED}).content.decode(), TITLES) == ["丁·已结束"]
