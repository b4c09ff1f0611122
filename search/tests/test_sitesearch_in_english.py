"""Site search in English: the form, filters, facets and messages are English; what the index
holds in Chinese (titles, snippets, column names, cities, industries) is marked lang="zh-Hans";
countries are named in English. The Chinese page is unchanged, and the index stays Chinese
whatever the language of the request that fills it."""

import pytest
from django.conf import settings
from django.utils import translation

from config.tests.english import unmarked_chinese
from search import registry

pytestmark = pytest.mark.django_db

DOC = ("1", "肯尼亚投资指南", "在肯尼亚投资需要了解税收", {"countries": ["KE"], "column": "国别指南", "city": "changsha", "industries": ["C"]})


def _english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def test_results_page_in_english_marks_the_chinese_content(client, add_docs):
    add_docs(DOC)
    html = _english(client).get("/search/", {"q": "肯尼亚"}).content.decode()
    assert unmarked_chinese(html) == []
    assert ">Keywords<" in html and "Country (region)" in html and "All cities" in html and "By relevance" in html
    assert '<span class="tag">Article</span>' in html and '<span class="country">Kenya</span>' in html
    assert '<span lang="zh-Hans">国别指南</span>' in html and 'lang="zh-Hans">长沙市</option>' in html


def test_filter_page_and_errors_in_english(client, add_docs):
    add_docs(DOC)
    html = _english(client).get("/search/", {"city": "changsha"}).content.decode()
    assert unmarked_chinese(html) == [] and "City" in html
    html = client.get("/search/", {"q": "签证", "date_from": "2025-13-01", "date_to": "2025-01-01", "kind": "nothing"}).content.decode()
    assert unmarked_chinese(html) == []
    assert "The from date is not a valid date" in html and "There is no such option for Type" in html


def test_chinese_page_is_unchanged(client, add_docs):
    add_docs(DOC)
    html = client.get("/search/", {"q": "肯尼亚"}).content.decode()
    assert 'lang="zh-Hans"' not in html
    assert "关键词" in html and "全部市州" in html and '<span class="tag">文章</span>' in html and '<span class="country">肯尼亚</span>' in html
    assert "起始日期格式不对" in client.get("/search/", {"q": "签证", "date_from": "2025-13-01"}).content.decode()


def test_documents_are_built_in_the_sites_language():
    kind = registry.SearchKind(name="language_probe", label="x", model=object, queryset=lambda: None, document=lambda obj: translation.get_language())
    with translation.override("en"):
        assert kind.build(None) == settings.LANGUAGE_CODE
