"""Feeds per column, and the anonymous page cache."""

from datetime import timedelta

import pytest
from django.utils import timezone

from portal.tests.factories import article

pytestmark = pytest.mark.django_db


def test_rss_feed_lists_visible_articles_of_the_column_newest_first(client, column):
    notices = column("notices")
    old = article(notices, title="较早的通知", date=timezone.localdate() - timedelta(days=3))
    new = article(notices, title="最新的通知")
    article(notices, title="过期的通知", expires_at=timezone.localdate() - timedelta(days=1))
    article(column("policies"), title="别的栏目")
    response = client.get(f"/feeds/{notices.pk}/")
    xml = response.content.decode()
    assert response["Content-Type"].startswith("application/rss+xml")
    assert xml.index(new.title) < xml.index(old.title)
    assert "过期的通知" not in xml and "别的栏目" not in xml
    parent_feed = client.get(f"/feeds/{column('government').pk}/").content.decode()
    assert "别的栏目" in parent_feed and new.title in parent_feed


def test_atom_feed_and_feed_links_on_the_column(client, column):
    notices = column("notices")
    article(notices, title="原子通知")
    response = client.get(f"/portal/feeds/{notices.pk}/atom/")
    assert response["Content-Type"].startswith("application/atom+xml") and "原子通知" in response.content.decode()
    html = client.get(notices.url).content.decode()
    assert f'href="/feeds/{notices.pk}/"' in html and 'type="application/atom+xml"' in html


def test_feed_of_an_unpublished_column_is_not_found(client, column):
    notices = column("notices")
    notices.unpublish()
    assert client.get(f"/feeds/{notices.pk}/").status_code == 404


@pytest.fixture
def cache_on(settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 300


def test_anonymous_repeat_visit_is_served_from_cache_with_its_own_csrf_token(client, column, cache_on):
    notices = column("notices")
    first = client.get(notices.url)
    second = client.get(notices.url)
    assert first["X-Page-Cache"] == "miss" and second["X-Page-Cache"] == "hit"
    assert b"__portal_csrf_placeholder__" not in first.content + second.content
    other = type(client)()
    third = other.get(notices.url)
    token = third.content.decode().split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    assert third["X-Page-Cache"] == "hit" and len(token) == 64
    assert "csrftoken" in third.cookies
    response = other.post("/i18n/setlang/", {"language": "en", "next": "/", "csrfmiddlewaretoken": token})
    assert response.status_code == 302  # the cached page's form works for this visitor


def test_publishing_makes_cached_pages_stale(client, column, cache_on):
    notices = column("notices")
    client.get(notices.url)
    page = article(notices, title="刚发布的通知")
    page.save_revision().publish()
    html = client.get(notices.url).content.decode()
    assert "刚发布的通知" in html


def test_signed_in_users_are_never_served_cached_pages(client, column, make_user, cache_on):
    notices = column("notices")
    client.get(notices.url)
    user = make_user("reader", first_name="读者甲")
    client.force_login(user)
    response = client.get(notices.url)
    assert "X-Page-Cache" not in response and "读者甲" in response.content.decode()


def test_elder_mode_and_language_get_their_own_cached_copies(client, column, cache_on):
    notices = column("notices")
    client.get(notices.url)
    client.cookies["elder_mode"] = "1"
    response = client.get(notices.url)
    assert response["X-Page-Cache"] == "miss" and '<html lang="zh-CN" class="elder">' in response.content.decode()
