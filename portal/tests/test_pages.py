"""What visitors see: listings, the home page, articles, country pages and city zones,
each with a fixed number of queries however much content there is."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from portal.tests.factories import article, articles

pytestmark = pytest.mark.django_db


def count_queries(client, url):
    client.get(url)  # warm the per-process caches (site, settings, taxonomy) so only the page itself is counted
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_column_lists_its_subtree_newest_first_and_paginates(client, column):
    notices, policies = column("notices"), column("policies")
    old, new = articles(notices, 2)
    policy = article(policies, date=timezone.localdate())
    html = client.get(column("government").url).content.decode()
    assert html.index(policy.title) < html.index(new.title) < html.index(old.title)
    articles(notices, 20)
    page2 = client.get(notices.url + "?page=2").content.decode()
    assert "第 2/2 页" in page2


def test_column_filters_by_country_and_industry(client, column):
    notices = column("notices")
    kenya = article(notices, title="肯尼亚通知", countries=["KE"], industries=["C"])
    nigeria = article(notices, title="尼日利亚通知", countries=["NG"], industries=["E"])
    html = client.get(notices.url + "?country=ke").content.decode()
    assert kenya.title in html and nigeria.title not in html
    html = client.get(notices.url + "?industry=E").content.decode()
    assert nigeria.title in html and kenya.title not in html
    html = client.get(notices.url + "?country=ZZ").content.decode()  # unknown code: ignored, not an error
    assert kenya.title in html and nigeria.title in html


def test_expired_and_unpublished_articles_leave_listings(client, column):
    notices = column("notices")
    current = article(notices, title="有效通知", expires_at=timezone.localdate())
    expired = article(notices, title="过期通知", expires_at=timezone.localdate() - timedelta(days=1))
    withdrawn = article(notices, title="撤下的通知")
    withdrawn.unpublish()
    html = client.get(notices.url).content.decode()
    assert current.title in html
    assert expired.title not in html and withdrawn.title not in html


def test_listing_queries_do_not_grow_with_articles(client, column):
    notices = column("notices")
    articles(notices, 3, countries=["KE", "NG"], industries=["C"])
    few = count_queries(client, notices.url)
    articles(notices, 30, countries=["KE", "NG", "ET"], industries=["C", "E"])
    assert count_queries(client, notices.url) == few
    assert few <= 25


def test_home_page_shows_notices_policies_events_and_risks_in_constant_queries(client, column):
    notice = article(column("notices"), title="最新通知")
    risk = article(column("risk-alerts"), title="某国安全风险提示", countries=["KE"])
    event = article(column("event-signup"), title="对接会报名")
    few = count_queries(client, "/")
    articles(column("hot-news"), 25, countries=["VN"])
    articles(column("policies"), 12)
    assert count_queries(client, "/") <= few  # both counts warm: new articles must not add queries
    html = client.get("/").content.decode()
    for item in (notice, risk, event):
        assert item.title in html
    assert html.index("境外风险提示") < html.index("通知公告")  # risk alerts come first


def test_article_page_shows_metadata_and_attachments_in_constant_queries(client, column, django_assert_max_num_queries):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    from portal.simple_pdf import make_pdf

    doc = get_document_model()(title="指南全文")
    doc.file.save("guide.pdf", ContentFile(make_pdf("指南", ["正文"])), save=True)
    policy = article(column("policies"), title="支持措施", countries=["KE", "NG"], industries=["C"], attachments=[doc])
    from portal.models import ArticlePage

    ArticlePage.objects.filter(pk=policy.pk).update(doc_number="湘商发〔2026〕1号", source="湖南省商务厅")
    with django_assert_max_num_queries(28):  # routing one query per level, related reading up to 8
        html = client.get(policy.url).content.decode()
    assert "湘商发〔2026〕1号" in html and "湖南省商务厅" in html
    assert "肯尼亚" in html and doc.url in html and "在线阅读" in html and "下载" in html


def test_pdf_attachment_is_served_inline_and_downloadable(client):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    from portal.simple_pdf import make_pdf

    doc = get_document_model()(title="指南")
    doc.file.save("guide.pdf", ContentFile(make_pdf("指南", ["正文"])), save=True)
    response = client.get(doc.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline")
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_country_page_fills_sections_from_tagged_content(client, column):
    from portal.models import CountryPage

    kenya = CountryPage.objects.get(country_id="KE")
    risk = article(column("risk-alerts"), title="肯尼亚雨季风险提示", kind="risk", countries=["KE"])
    news = article(column("hot-news"), title="肯尼亚市场需求增长", countries=["KE"])
    loan = article(column("finance"), title="肯尼亚项目融资方案", countries=["KE"], info_class="financial")
    elsewhere = article(column("hot-news"), title="越南市场动态", countries=["VN"])
    html = client.get(kenya.url).content.decode()
    for title in ("国别概况", "市场动态", "营商环境", "政策法规", "国别指南", "项目招商", "活动展会", "金融服务", "商旅服务"):
        assert f">{title}</h2>" in html
    assert elsewhere.title not in html
    section = lambda key: html[html.index(f'id="section-{key}"') :][:4000]  # noqa: E731
    assert risk.title in section("environment") and news.title in section("market") and loan.title in section("finance")
    assert html.index("风险提示") < html.index('id="section-overview"')  # the alert is above the sections


def test_country_page_queries_do_not_grow_with_tagged_content(client, column):
    from portal.models import CountryPage

    kenya = CountryPage.objects.get(country_id="KE")
    articles(column("hot-news"), 2, countries=["KE"])
    articles(column("country-guides"), 1, countries=["KE"], kind="guide")
    few = count_queries(client, kenya.url)
    articles(column("country-guides"), 10, countries=["KE"], kind="guide")
    articles(column("risk-alerts"), 10, countries=["KE"], kind="risk")
    assert count_queries(client, kenya.url) == few


def test_country_index_groups_countries_by_continent(client):
    html = client.get("/countries/").content.decode()
    assert html.index("亚洲") < html.index("非洲") < html.index("欧洲")
    assert "肯尼亚" in html and "越南" in html


def test_city_zone_home_shows_its_own_news_notices_events_and_enterprises(client, zone, make_org):
    changsha, zhuzhou = zone("changsha"), zone("zhuzhou")
    news = article(changsha, title="长沙企业出海新进展", kind="news")
    notice = article(changsha, title="长沙专区通知", kind="notice")
    event = article(changsha, title="长沙对接会", kind="event")
    other = article(zhuzhou, title="株洲动态", kind="news")
    make_org("长沙出海机械有限公司", city="changsha")
    html = client.get(changsha.url).content.decode()
    for item in (news, notice, event):
        assert item.title in html
    assert other.title not in html and "长沙出海机械有限公司" in html
    assert news.city == "changsha"
    listed = client.get(changsha.url + "?list=notices").content.decode()
    assert notice.title in listed and news.title not in listed


def test_site_map_lists_columns(client):
    html = client.get("/portal/sitemap/").content.decode()
    for title in ("信息资讯", "通知公告", "市州专区", "非洲"):
        assert title in html
    assert "肯尼亚" not in html  # country pages are reached through their continent


def test_sitemap_xml_contains_articles(client, column):
    notice = article(column("notices"), title="地图中的通知")
    xml = client.get("/sitemap.xml").content.decode()
    assert notice.url_path.removeprefix("/home") in xml
