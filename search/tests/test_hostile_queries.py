"""Whatever is typed into a search box, the page answers: never a server error.

A query of punctuation, operators or stop words alone finds nothing to look for, and the
results page says so; NUL characters and texts longer than any search box allows are refused
with a 400 page (``config.query_limits``); quotation marks reach Wagtail's SQLite index escaped
(``search.wagtail_backend``). Run on SQLite and on PostgreSQL (``DATABASE_URL``).
"""

import pytest
from django.contrib import admin

from accounts.roles import DEPT_ADMIN
from config.query_limits import MAX_QUERY_CHARS
from search.models import QueryLog

# Each of these alone once made /search/ answer 500.
NOTHING_TO_SEARCH = ["'", '"', "\\", "^", "（", "*", "-", "%", "~", "OR", "AND", "的", "的 和 或", "（）【】《》", "\"'\\^*-%~"]
# Worth trying in every search box: what once broke a database or an FTS5 expression.
HOSTILE = ['"', "'", 'a"b"c"', "*(", ":^", "-肯", "AND NOT", "\\%_", "NEAR(肯尼亚 OR 签证)"]
MANY_WORDS = " ".join(f"w{i}" for i in range(200))[:MAX_QUERY_CHARS]  # as many words as the limit lets through
TOO_LONG = ["x" * (MAX_QUERY_CHARS + 1), " ".join(f"w{i}" for i in range(1500)), "长" * 10_000]
NUL = ["\x00", "a\x00b", "肯尼亚\x00"]


@pytest.fixture
def kenya(add_docs):
    return add_docs(("ke-1", "肯尼亚签证政策调整", "肯尼亚落地签证取消，需提前办理电子签证。", {"countries": ["KE"]}))


@pytest.fixture
def superuser(client, make_user):
    user = make_user("boss", role=DEPT_ADMIN, is_superuser=True)
    client.force_login(user)
    return user


@pytest.mark.parametrize("q", NOTHING_TO_SEARCH)
def test_a_query_with_nothing_to_search_shows_the_search_page_with_a_hint(client, kenya, q):
    response = client.get("/search/", {"q": q})
    assert response.status_code == 200
    page = response.content.decode()
    assert "请输入要查找的词语" in page
    assert "没有找到" not in page  # it is not "nothing found": nothing was looked for
    assert not QueryLog.objects.exists()  # and the operators' zero-result report does not list it


def test_a_query_with_nothing_to_search_within_filters_lists_what_the_filters_select(client, kenya):
    response = client.get("/search/", {"q": "%", "country": "KE"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "请输入要查找的词语" in page and "符合筛选条件的全部内容" in page
    assert 'href="/t/ke-1/"' in page


def test_punctuation_around_words_still_finds_them(client, kenya):
    response = client.get("/search/", {"q": '"肯尼亚" -签证 OR'})
    page = response.content.decode()
    assert 'href="/t/ke-1/"' in page and "请输入要查找的词语" not in page


@pytest.mark.parametrize("q", HOSTILE + [MANY_WORDS])
@pytest.mark.parametrize("url", ["/search/", "/search/suggest/"])
def test_results_and_suggestions_answer_any_query(client, kenya, url, q):
    assert client.get(url, {"q": q}).status_code == 200


@pytest.mark.parametrize("q", NUL + TOO_LONG)
@pytest.mark.parametrize("url", ["/search/", "/search/suggest/", "/experts/", "/consultation/"])
def test_a_nul_or_a_text_no_search_box_allows_is_refused_with_a_reason(client, url, q):
    response = client.get(url, {"q": q})
    assert response.status_code == 400
    assert ("空字符" if "\x00" in q else "搜索词太长了") in response.content.decode()


def test_a_nul_in_any_parameter_is_refused_not_passed_to_the_database(client):
    response = client.get("/experts/", {"country": "K\x00E"})
    assert response.status_code == 400 and "空字符" in response.content.decode()


def test_a_query_longer_than_the_search_box_but_within_the_limit_gets_the_forms_message(client):
    response = client.get("/search/", {"q": "肯" * 300})
    assert response.status_code == 200 and "请不要超过 200 个字" in response.content.decode()


WAGTAIL_SEARCHES = [
    "/admin/pages/search/", "/admin/pages/", "/admin/choose-page/search/", "/admin/images/", "/admin/images/chooser/results/",
    "/admin/documents/", "/admin/documents/chooser/results/", "/admin/users/", "/admin/forms/",
]  # fmt: skip


@pytest.mark.parametrize("q", HOSTILE + [MANY_WORDS])
def test_wagtail_admin_searches_answer_any_query(client, superuser, q):
    failed = [url for url in WAGTAIL_SEARCHES if client.get(url, {"q": q}).status_code >= 500]
    assert failed == []


def test_wagtail_admin_search_still_finds_a_page_typed_with_a_stray_quote(client, superuser):
    from portal.models import ColumnPage

    column = ColumnPage.objects.live().first()
    response = client.get("/admin/pages/search/", {"q": f'"{column.title}'})
    assert response.status_code == 200 and column.title in response.content.decode()


def _django_admin_searches():
    return [f"/django-admin/{m._meta.app_label}/{m._meta.model_name}/" for m, model_admin in admin.site._registry.items() if model_admin.search_fields]


@pytest.mark.parametrize("q", ['"', "'", "%", "_", "\\", MANY_WORDS])
def test_django_admin_searches_answer_any_query(client, superuser, q):
    failed = [url for url in _django_admin_searches() if client.get(url, {"q": q}).status_code >= 500]
    assert failed == []


SITE_SEARCH_BOXES = [
    "/consultation/", "/experts/", "/directory/", "/directory/institutions/", "/matching/", "/aid/projects/", "/aid/trainees/",
    "/archive/organizations/", "/filings/queue/", "/consultation/staff/", "/events/",
]  # fmt: skip


@pytest.mark.parametrize("q", HOSTILE + [MANY_WORDS])
def test_every_search_box_of_the_site_answers_any_query(client, superuser, q):
    failed = [url for url in SITE_SEARCH_BOXES if client.get(url, {"q": q}).status_code >= 500]
    assert failed == []


@pytest.mark.parametrize("path", ["/accounts/invitations/a%00b/", "/accounts/privacy/v/%00/", "/django-admin/taxonomy/country/%00/history/"])
def test_a_nul_in_the_path_is_refused_before_a_view_passes_it_to_the_database(client, path):
    response = client.get(path)
    assert response.status_code == 400 and "空字符" in response.content.decode()
