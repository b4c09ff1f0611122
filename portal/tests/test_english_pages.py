"""The pages foreign partners read, in English: the interface is English, and what editors wrote
in Chinese (titles, bodies, column and page names) stays Chinese, marked ``lang="zh-Hans"`` so
screen readers pronounce it as Chinese and browsers offer to translate it."""

import pytest

from config.tests.english import marked_chinese, unmarked_chinese
from portal.models import CityZonePage, CountryPage
from portal.tests.factories import article

pytestmark = pytest.mark.django_db

@pytest.fixture
def kenya_notice(column):
    return article(
        column("notices"), title="关于赴肯尼亚投资的通知", summary="肯尼亚投资环境摘要", body="<p>肯尼亚正文</p>",
        countries=["KE"], industries=["C"], kind="notice",
    )


@pytest.fixture
def pages(column, kenya_notice):
    article(column("risk-alerts"), title="肯尼亚安全风险提示", countries=["KE"], kind="risk")
    article(CityZonePage.objects.get(city="changsha"), title="长沙市州动态", kind="news")
    return {
        "home": "/",
        "column": column("notices").url,
        "article": kenya_notice.url,
        "country": CountryPage.objects.get(country_id="KE").url,
        "zone": CityZonePage.objects.get(city="changsha").url,
    }


@pytest.mark.parametrize("name", ["home", "column", "article", "country", "zone"])
def test_english_pages_show_no_chinese_outside_marked_content(english, pages, name):
    html = english.get(pages[name]).content.decode()
    assert '<html lang="en"' in html
    assert unmarked_chinese(html) == []
    assert "Hunan Going Global" in html and "Skip to main content" in html


def test_english_article_marks_its_chinese_title_and_body_and_translates_the_rest(english, kenya_notice):
    html = english.get(kenya_notice.url).content.decode()
    marked = marked_chinese(html)
    assert kenya_notice.title in marked and "肯尼亚正文" in marked and "肯尼亚投资环境摘要" in marked
    assert '<h1 id="article-title" lang="zh-Hans">' in html
    assert "Date published" in html and ">Kenya<" in html  # the country tag in the page's language


def test_english_logo_keeps_the_chinese_name_beside_the_english_one(english):
    html = english.get("/").content.decode()
    assert '<span class="logo-text">Hunan Going Global<b>+</b></span><small lang="zh-Hans">湘企出海+</small>' in html


def test_chinese_pages_mark_nothing_and_stay_chinese(client, kenya_notice):
    html = client.get(kenya_notice.url).content.decode()
    assert 'lang="zh-Hans"' not in html
    assert "发布日期" in html and '<span class="logo-text">湘企出海<b>+</b></span>' in html
