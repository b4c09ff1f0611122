"""站内搜索 in a real browser: articles are published and indexed by the background tasks; a visitor
types into the header search box of the home page, sees suggestions as they type (htmx, ``search:suggest``),
submits, sees highlighted results, narrows them by country and by kind, and opens an article."""

import re
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True)

POLICY = "境外投资备案管理办法解读"
KENYA_ALERT = "肯尼亚境外投资安全风险提示"
VIETNAM_NEWS = "湘企赴越南开展境外投资合作"
UNRELATED = "长沙国际会展中心展会报名通知"


@pytest.fixture
def indexed_articles(settings):
    """Four published articles in four columns; the index is filled by the publish tasks, not by hand."""
    from wagtail.models import Collection

    from portal.bootstrap import ensure_portal_tree
    from portal.models import ColumnPage
    from portal.tests.factories import article
    from search.models import SearchDocument
    from search.synonyms import synonyms_changed

    settings.PORTAL_PAGE_CACHE_SECONDS = 0
    synonyms_changed()  # the live server reads this test's (flushed) synonym table
    if Collection.get_first_root_node() is None:  # flushed by the previous live-server test
        Collection.add_root(name="Root")
    ensure_portal_tree()
    column = lambda slug: ColumnPage.objects.get(slug=slug)  # noqa: E731
    pages = {
        "policy": article(
            column("policies"),
            title=POLICY,
            countries=["KE"],
            industries=["C"],
            summary="备案流程、所需材料与办理时限。",
            body="<p>企业开展境外投资，应当通过系统办理备案。本文解读备案流程、所需材料与办理时限。</p>",
        ),
        "alert": article(
            column("risk-alerts"),
            title=KENYA_ALERT,
            countries=["KE"],
            body="<p>在肯尼亚开展境外投资的企业，请关注雨季道路与治安风险，做好人员安全预案。</p>",
        ),
        "vietnam": article(
            column("hot-news"),
            title=VIETNAM_NEWS,
            countries=["VN"],
            body="<p>我省多家企业赴越南考察工业园区，签署境外投资合作协议。</p>",
        ),
        "unrelated": article(column("notices"), title=UNRELATED, body="<p>请参展企业于月底前完成报名。</p>"),
    }
    # The service guides (also searchable, guides/tests) are switched off: this journey counts articles.
    from guides.models import ServiceGuide

    for guide in ServiceGuide.objects.all():
        guide.live = False
        guide.save()
    assert not SearchDocument.objects.filter(kind="guide").exists()
    # Publishing queued the index tasks (immediate backend in tests): every article is in the index.
    indexed = set(SearchDocument.objects.filter(kind="article").values_list("title", flat=True))
    assert {POLICY, KENYA_ALERT, VIETNAM_NEWS, UNRELATED} <= indexed
    return pages


def result_titles(page):
    return [t.strip() for t in page.locator(".search-results .result-title").all_inner_texts()]


def test_type_see_suggestions_submit_filter_and_open_an_article(page, indexed_articles, shot, axe_violations):
    policy = indexed_articles["policy"]

    # 1. On the home page the header box suggests as the visitor types (htmx, after a pause).
    page.goto("/")
    header_box = page.locator("header #site-q")
    suggestions = page.locator("header #search-suggestions")
    expect(suggestions.locator("[role=option]")).to_have_count(0)
    with page.expect_response(lambda r: "/search/suggest/" in r.url and r.ok):
        header_box.press_sequentially("境外投", delay=60)
    documents = suggestions.locator("a.suggestion-doc")
    expect(documents.first).to_be_visible()
    expect(documents.filter(has_text=POLICY)).to_have_count(1)
    expect(documents.filter(has_text=UNRELATED)).to_have_count(0)
    expect(header_box).to_have_attribute("aria-expanded", "true")
    shot(page, "search_suggestions")

    # 2. Submitting the header form shows the results page, every match with the words highlighted.
    header_box.fill("境外投资")
    header_box.press("Enter")
    page.wait_for_url(re.compile(r"/search/\?q="))
    assert parse_qs(urlparse(page.url).query)["q"] == ["境外投资"]
    expect(page.locator("#search-page-q")).to_have_value("境外投资")  # the page's own big box keeps the query
    expect(page.locator(".result-count")).to_contain_text("找到 3 条结果")
    assert sorted(result_titles(page)) == sorted([POLICY, KENYA_ALERT, VIETNAM_NEWS])
    marks = page.locator(".search-results .result-title mark")
    expect(marks.first).to_have_text("境外投资")
    assert marks.count() == 3  # one highlighted word in each title
    expect(page.locator(".search-results .result-snippet mark").first).to_be_visible()
    policy_result = page.locator(".result", has=page.get_by_role("link", name=POLICY))
    expect(policy_result.locator(".result-meta .tag")).to_have_text("文章")
    expect(policy_result.locator(".result-meta")).to_contain_text("政策法规")
    expect(policy_result.locator(".result-meta .country")).to_have_text("肯尼亚")
    shot(page, "search_results")
    assert axe_violations(page) == []

    # 3. The country filter (the sidebar form) keeps the query and narrows to Kenya.
    filters = page.get_by_role("complementary", name="筛选结果")
    filters.locator("select[name=country]").select_option("KE")
    filters.get_by_role("button", name="筛选").click()
    page.wait_for_url(re.compile(r"country=KE"))
    expect(page.locator(".result-count")).to_contain_text("找到 2 条结果")
    assert sorted(result_titles(page)) == sorted([POLICY, KENYA_ALERT])
    expect(page.locator(".search-results .result-meta .country")).to_have_text(["肯尼亚", "肯尼亚"])

    # 4. The kind facet link narrows further (and is marked current); the country stays applied.
    filters.get_by_role("navigation", name="按类型").get_by_role("link", name="文章").click()
    page.wait_for_url(re.compile(r"kind=article"))
    params = parse_qs(urlparse(page.url).query)
    assert params["country"] == ["KE"] and params["kind"] == ["article"] and params["q"] == ["境外投资"]
    expect(filters.get_by_role("navigation", name="按类型").locator("a[aria-current=true]")).to_have_text("文章")
    assert sorted(result_titles(page)) == sorted([POLICY, KENYA_ALERT])
    shot(page, "search_filtered")

    # 5. Opening a result lands on the article itself.
    page.locator(".search-results").get_by_role("link", name=POLICY).click()
    page.wait_for_url(f"**{policy.url}")
    expect(page.get_by_role("heading", level=1)).to_have_text(POLICY)
    expect(page.locator("main")).to_contain_text("通过系统办理备案")


def test_keyboard_picks_a_suggestion_on_the_results_page(page, indexed_articles):
    """The big box on the results page: arrow down to a suggested article and Enter opens it."""
    page.goto("/search/?q=%E5%A4%87%E6%A1%88")  # 备案
    box = page.get_by_role("combobox", name="关键词")
    box.fill("")
    with page.expect_response(lambda r: "/search/suggest/" in r.url and "q=%E8%B6%8A%E5%8D%97" in r.url):
        box.press_sequentially("越南", delay=60)
    option = page.locator("#search-page-suggestions a.suggestion-doc", has_text=VIETNAM_NEWS)
    expect(option).to_be_visible()
    box.press("ArrowDown")
    expect(page.locator("#search-page-suggestions [aria-selected=true]")).to_contain_text(VIETNAM_NEWS)
    box.press("Enter")
    page.wait_for_url(f"**{indexed_articles['vietnam'].url}")
    expect(page.get_by_role("heading", level=1)).to_have_text(VIETNAM_NEWS)
