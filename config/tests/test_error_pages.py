"""403, 404, CSRF-failure and 500 pages: Chinese, in the site's layout, with a way back (DEBUG off)."""

import re

import pytest
from django.template.loader import render_to_string
from django.test import Client

pytestmark = [pytest.mark.django_db, pytest.mark.urls("config.tests.error_urls")]


@pytest.fixture(autouse=True)
def production_like(settings):
    settings.DEBUG = False
    settings.PORTAL_PAGE_CACHE_SECONDS = 0


def assert_site_layout(html):
    assert '<header class="site-header">' in html and '<footer class="site-footer">' in html
    assert "湘企出海" in html and 'href="/"' in html
    assert "Forbidden" not in html and "Not Found" not in html and "Server Error" not in html


def test_404_is_chinese_with_search_sitemap_and_home(client):
    response = client.get("/no-such-page/")
    html = response.content.decode()
    assert response.status_code == 404
    assert_site_layout(html)
    assert "您访问的页面不存在" in html and "站点地图" in html and 'id="site-q"' in html
    assert "返回上一页" not in html  # no referer, no back link


def test_back_link_follows_a_referer_from_this_site_only(client):
    html = client.get("/no-such-page/", HTTP_REFERER="http://testserver/search/?q=肯尼亚").content.decode()
    assert 'href="http://testserver/search/?q=肯尼亚">返回上一页</a>' in html
    html = client.get("/no-such-page/", HTTP_REFERER="https://evil.example.com/").content.decode()
    assert "返回上一页" not in html and "evil.example.com" not in html


def test_403_for_a_visitor_explains_and_offers_login(client):
    response = client.get("/test-errors/403/")
    html = response.content.decode()
    assert response.status_code == 403
    assert_site_layout(html)
    assert "无权访问此页面" in html and "只有省商务厅可以导出备案明细" in html
    assert 'href="/accounts/login/?next=/test-errors/403/"' in html


def test_403_for_a_signed_in_user_names_the_account_and_links_the_workbench(client, make_user):
    user = make_user("ent_user")
    client.force_login(user)
    html = client.get("/test-errors/403/").content.decode()
    assert f"您当前登录的账号（{user.display_name}）" in html and 'href="/workbench/"' in html and "联系本单位管理员" in html
    assert "/accounts/login/" not in html.split('<main id="main"')[1]  # no login button for a signed-in user


def test_403_raised_by_django_itself_does_not_show_its_english_reason(client, settings):
    settings.DISALLOWED_USER_AGENTS = [re.compile("BadBot")]
    response = client.get("/", HTTP_USER_AGENT="BadBot/1.0")
    html = response.content.decode()
    assert response.status_code == 403 and "无权访问此页面" in html
    assert "Forbidden user agent" not in html


def test_a_workbench_tile_the_role_cannot_use_shows_the_chinese_403(client, make_user):
    """An enterprise user following a link to the staff push page (it raises PermissionDenied)."""
    client.force_login(make_user("ent"))
    response = client.get("/notifications/pushes/new/")
    html = response.content.decode()
    assert response.status_code == 403
    assert_site_layout(html)
    assert "无权访问此页面" in html and "403 Forbidden" not in html


def test_csrf_failure_is_chinese_and_says_what_to_do():
    client = Client(enforce_csrf_checks=True)
    response = client.post("/accounts/login/", {"username": "x", "password": "y"}, HTTP_REFERER="http://testserver/accounts/login/")
    html = response.content.decode()
    assert response.status_code == 403
    assert_site_layout(html)
    assert "页面已过期" in html and "刷新" in html
    assert 'href="http://testserver/accounts/login/">返回上一页</a>' in html
    assert "CSRF verification failed" not in html


def test_500_is_chinese_and_standalone():
    client = Client(raise_request_exception=False)
    response = client.get("/test-errors/500/")
    html = response.content.decode()
    assert response.status_code == 500
    assert_site_layout(html)
    assert "服务暂时出现问题" in html and "重新加载本页" in html
    assert "/static/css/site.css" in html
    assert "a bug, on purpose" not in html


def test_500_and_400_templates_need_no_request_and_no_database(django_assert_num_queries):
    with django_assert_num_queries(0):
        for name, text in (("500.html", "服务暂时出现问题"), ("400.html", "请求无法处理")):
            html = render_to_string(name)
            assert text in html and 'href="/"' in html
