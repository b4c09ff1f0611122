"""Targeted audiences and topic subscriptions reach exactly the right people."""

import pytest
from wagtail.models import Page

from accounts.roles import BANK_ADVISER, city_bureau_role
from notifications import services
from notifications.models import Message, PageAnnouncement, Push
from notifications.selectors import audience_users, push_report, subscribers
from portal.models import HomePage
from taxonomy.models import Industry

pytestmark = pytest.mark.django_db


@pytest.fixture
def enterprises(make_user, make_org):
    manufacturing, mining = Industry.objects.get(code="C"), Industry.objects.get(code="B")
    sy_mfg = make_org("邵阳制造", city="shaoyang")
    sy_mfg.industries.add(manufacturing)
    sy_mine = make_org("邵阳矿业", city="shaoyang")
    sy_mine.industries.add(mining)
    cs_mfg = make_org("长沙制造", city="changsha")
    cs_mfg.industries.add(manufacturing)
    sy_uncertified = make_org("邵阳未认证制造", city="shaoyang", certified=False)
    sy_uncertified.industries.add(manufacturing)
    return {
        "sy_mfg": make_user("sy_mfg", org=sy_mfg),
        "sy_mfg2": make_user("sy_mfg2", org=sy_mfg, mobile="13700000001"),
        "sy_mine": make_user("sy_mine", org=sy_mine),
        "cs_mfg": make_user("cs_mfg", org=cs_mfg),
        "sy_uncertified": make_user("sy_uncertified", org=sy_uncertified),
        "adviser": make_user("adviser", role=BANK_ADVISER),
        "bureau": make_user("sy_bureau", role=city_bureau_role("shaoyang")),
    }


def names(users):
    return sorted(u.username for u in users)


def test_enterprises_of_shaoyang_in_manufacturing_reach_exactly_those(enterprises):
    audience = {"cities": ["shaoyang"], "industries": ["C"], "user_types": ["enterprise"]}
    assert names(audience_users(audience)) == ["sy_mfg", "sy_mfg2", "sy_uncertified"]
    assert names(audience_users({**audience, "certified": True})) == ["sy_mfg", "sy_mfg2"]


def test_audience_by_role_and_by_uploaded_list(enterprises):
    assert names(audience_users({"roles": ["bank_adviser", "city_shaoyang"]})) == ["adviser", "sy_bureau"]
    assert names(audience_users({"identifiers": ["cs_mfg", "13700000001", "nobody"]})) == ["cs_mfg", "sy_mfg2"]


def test_push_sent_now_reaches_the_audience_once_and_reports_reads(enterprises, make_user):
    staff = make_user("dept", role=None, staff=True)
    push = services.create_push(by=staff, title="邵阳制造业出海培训", body="下周三开班", channels=[], audience={"cities": ["shaoyang"], "industries": ["C"], "certified": True})
    push.refresh_from_db()
    assert push.status == Push.Status.SENT and push.recipient_count == 2
    assert names(m.recipient for m in Message.objects.filter(push=push)) == ["sy_mfg", "sy_mfg2"]
    assert services.send_push_now(push) == 0  # a second run sends nothing
    services.mark_read(enterprises["sy_mfg"])
    assert push_report(push)["recipients"] == 2 and push_report(push)["read"] == 1


def test_scheduled_push_waits_for_its_time(enterprises, make_user):
    from datetime import timedelta

    from django.utils import timezone

    from notifications.tasks import send_due_pushes

    staff = make_user("dept2", staff=True)
    push = services.create_push(by=staff, title="定时", body="稍后", channels=[], audience={"roles": ["bank_adviser"]}, send_at=timezone.now() + timedelta(hours=1))
    assert send_due_pushes.call() == 0 and not Message.objects.filter(push=push).exists()
    Push.objects.filter(pk=push.pk).update(send_at=timezone.now() - timedelta(minutes=1))
    assert send_due_pushes.call() == 1
    assert names(m.recipient for m in Message.objects.filter(push=push)) == ["adviser"]


def test_subscribers_of_any_matching_topic(make_user):
    a, b, c = make_user("a"), make_user("b"), make_user("c")
    services.set_subscriptions(a, "country", ["KE"])
    services.set_subscriptions(b, "industry", ["C"])
    services.set_subscriptions(c, "city", ["changde"])
    assert names(subscribers(countries=["KE", "NG"], industries=["C"])) == ["a", "b"]
    services.set_subscriptions(a, "country", [])
    assert names(subscribers(countries=["KE"])) == []


@pytest.fixture
def column(db):
    home = Page.objects.filter(depth=2).first().specific
    col = home.add_child(instance=HomePage(title="政策法规", slug="zcfg-test"))
    return col


def publish_child(parent, title, slug):
    page = parent.add_child(instance=HomePage(title=title, slug=slug, live=False))
    page.save_revision().publish()
    return page


def test_newly_published_page_reaches_column_country_and_industry_subscribers(make_user, column, monkeypatch):
    monkeypatch.setattr(HomePage, "countries", property(lambda self: ["KE"]), raising=False)
    monkeypatch.setattr(HomePage, "industries", property(lambda self: []), raising=False)
    col_fan, kenya_fan, other = make_user("col_fan"), make_user("kenya_fan"), make_user("other")
    services.set_subscriptions(col_fan, "column", [column.pk])
    services.set_subscriptions(kenya_fan, "country", ["KE"])
    services.set_subscriptions(other, "country", ["FR"])
    page = publish_child(column, "肯尼亚投资新规", "ke-new-rule")
    assert names(m.recipient for m in Message.objects.filter(kind="portal.published")) == ["col_fan", "kenya_fan"]
    assert PageAnnouncement.objects.get(page_id=page.pk).recipient_count == 2
    page.save_revision().publish()  # republishing does not notify again
    assert Message.objects.filter(kind="portal.published").count() == 2
