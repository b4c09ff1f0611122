"""Queries per page stay small and constant (no N+1), with the page cache off and on.

Each page is requested once to warm the caches every process keeps (content types, the site's
root paths, the menu, the 相关阅读 fragment), then counted; then much more content is added and
the count is taken again the same way: it must not grow, and it must stay under a fixed budget.
With the page cache on, a repeat anonymous visit is served from the cache with (almost) no
queries.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal import page_cache
from portal.models import CityZonePage, CountryPage
from portal.tests.factories import article, articles

pytestmark = pytest.mark.django_db

# Site (1) + home page (1) + the routed page (2) + view restrictions (2) + breadcrumbs (1) leave the
# rest to each page's own content.
BUDGET = {"home": 14, "column": 14, "article": 14, "country": 14, "zone": 14}
PAGES = list(BUDGET)


def _warm_queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


def _some_content(column, zone, n):
    tags = {"countries": ["KE", "NG", "VN"], "industries": ["C", "E", "F"]}
    articles(column("notices"), n, **tags)
    articles(column("policies"), n, **tags)
    articles(column("risk-alerts"), n, countries=["KE"], kind="risk")
    articles(column("hot-news"), n, **tags)
    articles(column("country-guides"), n, countries=["KE"], kind="guide")
    articles(column("event-signup"), n, countries=["KE"], kind="event")
    for kind in ("news", "notice", "event"):
        articles(zone("changsha"), n, kind=kind)


def _urls(column):
    target = article(column("notices"), title="查询计数样本", countries=["KE", "NG", "VN", "ET"], industries=["C", "E"])
    return {
        "home": "/",
        "column": column("notices").url,
        "article": target.url,
        "country": CountryPage.objects.get(country_id="KE").url,
        "zone": CityZonePage.objects.get(city="changsha").url,
    }


@pytest.mark.parametrize("name", PAGES)
def test_uncached_page_queries_are_small_and_constant(client, column, zone, name):
    _some_content(column, zone, 2)
    url = _urls(column)[name]
    few = _warm_queries(client, url)
    _some_content(column, zone, 15)
    many = _warm_queries(client, url)
    assert many <= few, f"{name}: {few} queries with little content, {many} with more"
    assert few <= BUDGET[name], f"{name}: {few} queries"


@pytest.mark.parametrize("name", PAGES)
def test_cached_page_costs_at_most_two_queries(client, column, zone, name, settings, django_assert_max_num_queries):
    settings.PORTAL_PAGE_CACHE_SECONDS = 300
    page_cache.invalidate()
    _some_content(column, zone, 5)
    url = _urls(column)[name]
    with CaptureQueriesContext(connection) as first:
        client.get(url)
    with django_assert_max_num_queries(2):
        response = client.get(url)
    assert response.status_code == 200 and response["X-Page-Cache"] == "hit" and len(first.captured_queries) > 2


def test_publishing_makes_cached_pages_stale(client, column, settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 300
    notices = column("notices")
    client.get(notices.url)
    assert client.get(notices.url)["X-Page-Cache"] == "hit"
    fresh = article(notices, title="刚刚发布的通知")
    response = client.get(notices.url)
    assert response["X-Page-Cache"] == "miss" and fresh.title in response.content.decode()


def test_a_version_bumped_by_another_process_is_seen_within_a_second(client, column, settings):
    """Another process (a task worker publishing on schedule) writes the version row; we notice it."""
    from portal.models import PageCacheVersion

    settings.PORTAL_PAGE_CACHE_SECONDS = 300
    notices = column("notices")
    client.get(notices.url)
    assert client.get(notices.url)["X-Page-Cache"] == "hit"
    PageCacheVersion.objects.filter(pk=1).update(value=12345)  # as another process would
    assert client.get(notices.url)["X-Page-Cache"] == "hit"  # this process read the version just now
    page_cache._known["read_at"] -= page_cache.VERSION_CHECK_SECONDS  # …a second later
    assert client.get(notices.url)["X-Page-Cache"] == "miss"
