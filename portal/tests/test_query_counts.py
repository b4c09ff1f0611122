"""Queries per page stay small and constant (no N+1), with the page cache off and on.

The count is taken with a little content and again with much more; it must not grow, and it
must stay under a fixed budget. With the page cache on, a repeat anonymous visit is served
from the cache with (almost) no queries.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal import page_cache
from portal.tests.factories import article, articles

pytestmark = pytest.mark.django_db

# Article: Wagtail routes with one query per URL level (5 here) and 相关阅读 costs up to 8.
BUDGET = {"home": 25, "column": 20, "article": 28}


def _queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


def _some_content(column, n):
    tags = {"countries": ["KE", "NG", "VN"], "industries": ["C", "E", "F"]}
    articles(column("notices"), n, **tags)
    articles(column("policies"), n, **tags)
    articles(column("risk-alerts"), n, countries=["KE"])
    articles(column("hot-news"), n, **tags)


def _urls(column):
    target = article(column("notices"), title="查询计数样本", countries=["KE", "NG", "VN", "ET"], industries=["C", "E"])
    return {"home": "/", "column": column("notices").url, "article": target.url}


@pytest.mark.parametrize("name", ["home", "column", "article"])
def test_uncached_page_queries_are_small_and_constant(client, column, name, django_assert_max_num_queries):
    _some_content(column, 2)
    url = _urls(column)[name]
    few = _queries(client, url)
    _some_content(column, 20)
    with django_assert_max_num_queries(few):
        client.get(url)
    assert few <= BUDGET[name], f"{name}: {few} queries"


@pytest.mark.parametrize("name", ["home", "column", "article"])
def test_cached_page_costs_at_most_two_queries(client, column, name, settings, django_assert_max_num_queries):
    settings.PORTAL_PAGE_CACHE_SECONDS = 300
    page_cache.invalidate()
    _some_content(column, 5)
    url = _urls(column)[name]
    first = _queries(client, url)
    with django_assert_max_num_queries(2):
        response = client.get(url)
    assert response.status_code == 200 and first > 2
