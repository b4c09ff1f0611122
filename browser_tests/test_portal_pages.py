"""The portal in a real browser: home → column → article → attachment, country pages, elder mode,
and axe-core (WCAG 2.1 AA rules) on the home, a column, an article and a country page."""

import pytest
from django.core.files.base import ContentFile

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def portal_content(settings):
    """The page tree, a policy with a PDF attachment tagged Kenya, a Kenya risk alert and Kenya's facts."""
    from wagtail.documents import get_document_model

    from portal.bootstrap import ensure_portal_tree
    from portal.models import ColumnPage, CountryPage
    from portal.simple_pdf import make_pdf
    from portal.tests.factories import article, articles

    settings.PORTAL_PAGE_CACHE_SECONDS = 0
    ensure_portal_tree()
    doc = get_document_model()(title="境外投资支持措施全文")
    doc.file.save("measures.pdf", ContentFile(make_pdf("境外投资支持措施", ["第一条 支持湖南企业稳妥开展境外投资。"])), save=True)
    policies = ColumnPage.objects.get(slug="policies")
    articles(policies, 3)
    policy = article(
        policies, title="关于支持企业境外投资的若干措施", countries=["KE"], industries=["C"], attachments=[doc],
        summary="从资金、金融与服务三方面支持企业稳妥走出去。", body="<p>为支持我省企业开展境外投资，制定以下措施。</p>",
    )
    article(ColumnPage.objects.get(slug="risk-alerts"), title="肯尼亚雨季出行安全提示", countries=["KE"])
    article(ColumnPage.objects.get(slug="hot-news"), title="湘企参与肯尼亚园区建设", countries=["KE"])
    kenya = CountryPage.objects.get(country_id="KE")
    kenya.capital, kenya.population, kenya.currency = "内罗毕", "约5600万", "肯尼亚先令"
    kenya.business_environment = "<p>东非重要的物流与金融中心。</p>"
    kenya.save()
    return {"policy": policy, "doc": doc, "kenya": kenya}


def _no_violations(page, wcag_violations, where):
    violations = wcag_violations(page)
    assert violations == [], (where, [(v["id"], v["impact"], v["help"], [n["target"] for n in v["nodes"][:3]]) for v in violations])


def test_home_column_article_attachment_journey_passes_axe(page, portal_content, wcag_violations, shot):
    page.goto("/")
    assert page.locator(".risk-strip").get_by_text("肯尼亚雨季出行安全提示").is_visible()  # risk alerts cannot be missed
    _no_violations(page, wcag_violations, "home")

    page.get_by_role("navigation", name="主导航").get_by_role("link", name="信息资讯").click()
    page.wait_for_url("**/news/")
    page.locator(".side-nav").get_by_role("link", name="政策法规", exact=True).click()
    page.wait_for_url("**/news/government/policies/")
    assert page.get_by_role("heading", level=1).inner_text() == "政策法规"
    items = page.locator(".article-item a")
    assert items.first.inner_text() == "关于支持企业境外投资的若干措施"  # newest first
    _no_violations(page, wcag_violations, "column")
    page.locator("select[name=country]").select_option("KE")
    page.get_by_role("button", name="筛选").click()
    assert page.locator(".article-item").count() == 1

    page.get_by_role("link", name="关于支持企业境外投资的若干措施").click()
    page.wait_for_url("**/policies/**")
    assert page.get_by_role("heading", level=1).inner_text() == "关于支持企业境外投资的若干措施"
    assert page.get_by_text("肯尼亚").first.is_visible()
    viewer = page.locator("details.pdf-viewer iframe")
    assert viewer.count() == 1 and viewer.get_attribute("title").startswith("PDF 在线阅读")
    shot(page, "portal-article")
    _no_violations(page, wcag_violations, "article")

    download = page.locator("section.attachments a[download]").first
    assert "下载" in download.inner_text()
    href = download.get_attribute("href")
    assert download.get_attribute("download") is not None
    response = page.request.get(href)
    assert response.ok and response.headers["content-type"] == "application/pdf"
    assert response.body().startswith(b"%PDF")
    assert "inline" in response.headers.get("content-disposition", "inline")  # read in the browser's own viewer


def test_country_page_shows_the_nine_sections_filled_from_tagged_content(page, portal_content, wcag_violations, shot):
    page.goto("/countries/")
    assert page.get_by_role("heading", name="非洲").count() >= 1
    page.get_by_role("link", name="肯尼亚").first.click()
    page.wait_for_url(f"**{portal_content['kenya'].url}")
    assert page.get_by_role("heading", level=1).inner_text().startswith("肯尼亚")
    for title in ["国别概况", "市场动态", "营商环境", "政策法规", "国别指南", "项目招商", "活动展会", "金融服务", "商旅服务"]:
        assert page.get_by_role("heading", name=title, exact=True).count() >= 1, title
    assert page.get_by_text("内罗毕").first.is_visible()
    assert page.get_by_role("link", name="关于支持企业境外投资的若干措施").first.is_visible()
    assert page.get_by_role("link", name="肯尼亚雨季出行安全提示").first.is_visible()
    shot(page, "portal-country")
    _no_violations(page, wcag_violations, "country page")


def test_elder_mode_is_one_click_and_remembered_across_pages(page, portal_content):
    page.goto("/news/government/policies/")
    size = "parseFloat(getComputedStyle(document.documentElement).fontSize)"
    before = page.evaluate(size)
    page.get_by_role("button", name="长者模式").click()
    assert page.evaluate(size) > before
    page.get_by_role("link", name="关于支持企业境外投资的若干措施").click()
    page.wait_for_url("**/policies/**")
    assert page.evaluate("document.documentElement.classList.contains('elder')")
    assert page.evaluate(size) > before
    assert page.get_by_role("button", name="长者模式").get_attribute("aria-pressed") == "true"
