"""A real article published through Wagtail reaches exactly its topic subscribers (docs/notifications.md)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from notifications import services
from notifications.models import Delivery, Message, NotificationSettings, PageAnnouncement
from notifications.tasks import announce_page
from portal.models import ArticlePage, CityZonePage, ColumnPage
from portal.tests.factories import article, draft
from taxonomy.models import Country, Industry

pytestmark = pytest.mark.django_db

KIND = "portal.published"


def names(users):
    return sorted(u.username for u in users)


def recipients_of(page):
    """Usernames that got an announcement of ``page``, one entry per message (duplicates kept)."""
    return sorted(Message.objects.filter(kind=KIND, url=page.url).values_list("recipient__username", flat=True))


@pytest.fixture
def notices():
    return ColumnPage.objects.get(slug="notices")


@pytest.fixture
def shaoyang():
    return CityZonePage.objects.get(city="shaoyang")


@pytest.fixture
def fans(make_user, notices):
    users = {
        name: make_user(name)
        for name in ("kenya_fan", "industry_fan", "column_fan", "shaoyang_fan", "france_fan", "nobody", "quitter", "muted", "all_topics", "news_fan")
    }
    services.set_subscriptions(users["kenya_fan"], "country", ["KE"])
    services.set_subscriptions(users["industry_fan"], "industry", ["C"])
    services.set_subscriptions(users["column_fan"], "column", [notices.pk])
    # a top-level column (信息资讯) covers its sub-columns, 通知公告 among them
    services.set_subscriptions(users["news_fan"], "column", [ColumnPage.objects.get(slug="news").pk])
    services.set_subscriptions(users["shaoyang_fan"], "city", ["shaoyang"])
    services.set_subscriptions(users["france_fan"], "country", ["FR"])
    # subscribed, then unsubscribed again on the preferences page
    services.set_subscriptions(users["quitter"], "country", ["KE"])
    services.set_subscriptions(users["quitter"], "country", [])
    # subscribed, but every channel of 门户 notifications turned off: the in-site message is still
    # written (docs: "An in-site message is always written"), nothing else is sent
    services.set_subscriptions(users["muted"], "country", ["KE"])
    NotificationSettings.objects.create(user=users["muted"], channels_by_kind={"portal": []})
    # matches through every topic at once: still one message per article
    for topic, values in (("country", ["KE"]), ("industry", ["C"]), ("column", [notices.pk]), ("city", ["shaoyang"])):
        services.set_subscriptions(users["all_topics"], topic, values)
    return users


@pytest.fixture
def editor(make_user):
    return make_user("editor", staff=True, is_superuser=True)  # may publish anywhere, no review step


def publish_new(parent, editor, title, *, countries=(), industries=(), city="", **fields):
    """Create an unpublished article and publish it as an editor does in the Wagtail admin."""
    page = draft(parent, owner=editor, title=title, summary="摘要", city=city, **fields)
    page.countries = list(Country.objects.filter(pk__in=countries))
    page.industries = list(Industry.objects.filter(pk__in=industries))
    page.save_revision(user=editor).publish(user=editor)
    page.refresh_from_db()
    return page


def test_kenya_manufacturing_notice_reaches_exactly_its_subscribers_once(fans, notices, editor, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        page = publish_new(notices, editor, "肯尼亚制造业投资新规", countries=["KE"], industries=["C"])
    assert page.live
    assert recipients_of(page) == ["all_topics", "column_fan", "industry_fan", "kenya_fan", "muted", "news_fan"]
    assert PageAnnouncement.objects.get(page_id=page.pk).recipient_count == 6
    message = Message.objects.get(kind=KIND, recipient=fans["kenya_fan"])
    assert message.title == "订阅更新：肯尼亚制造业投资新规" and message.body == "摘要"
    assert not Delivery.objects.filter(message__recipient=fans["muted"]).exists()
    # a re-publish after an edit is silent
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision(user=editor).publish(user=editor)
    assert Message.objects.filter(kind=KIND).count() == 6


def test_city_zone_article_reaches_city_subscribers(fans, shaoyang, editor, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        page = publish_new(shaoyang, editor, "邵阳外贸企业座谈会", city="shaoyang")
    assert page.city == "shaoyang"
    assert recipients_of(page) == ["all_topics", "shaoyang_fan"]


def test_two_articles_give_one_message_each(fans, notices, shaoyang, editor, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = publish_new(shaoyang, editor, "邵阳企业赴肯尼亚考察", city="shaoyang", countries=["KE"])
        second = publish_new(notices, editor, "法国市场通知", countries=["FR"])
    assert recipients_of(first) == ["all_topics", "kenya_fan", "muted", "shaoyang_fan"]
    assert recipients_of(second) == ["all_topics", "column_fan", "france_fan", "news_fan"]
    assert Message.objects.filter(kind=KIND, recipient=fans["all_topics"]).count() == 2


def test_bulk_written_articles_are_not_announced(fans, notices, django_capture_on_commit_callbacks):
    """The bulk writer (legacy import, test factory) deliberately sends no ``page_published``."""
    with django_capture_on_commit_callbacks(execute=True):
        page = article(notices, title="导入的肯尼亚旧文", countries=["KE"], industries=["C"])
    assert page.live
    assert not Message.objects.filter(kind=KIND).exists()
    assert not PageAnnouncement.objects.exists()


def test_unpublished_article_announces_nothing(fans, notices, editor, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        page = draft(notices, owner=editor, title="肯尼亚草稿", summary="摘要")
        page.countries = list(Country.objects.filter(pk="KE"))
        page.save_revision(user=editor)  # saved, not published
    assert not page.live
    assert announce_page.call(page.pk) == 0  # even if the job is run by hand
    assert not Message.objects.filter(kind=KIND).exists()
    assert not PageAnnouncement.objects.exists()


def test_unpublished_again_before_the_job_runs_announces_nothing(fans, notices, editor):
    page = article(notices, title="已撤下的肯尼亚文章", countries=["KE"])
    page.unpublish()
    assert announce_page.call(page.pk) == 0
    assert not Message.objects.filter(kind=KIND).exists()


def test_expired_article_announces_nothing(fans, notices, editor, django_capture_on_commit_callbacks):
    yesterday = timezone.localdate() - timedelta(days=1)
    with django_capture_on_commit_callbacks(execute=True):
        page = publish_new(notices, editor, "已过期的肯尼亚通知", countries=["KE"], industries=["C"], expires_at=yesterday)
    assert ArticlePage.objects.get(pk=page.pk).is_expired
    assert recipients_of(page) == []
