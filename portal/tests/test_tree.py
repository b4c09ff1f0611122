"""The page tree of SPEC §3: home, the eight top-level columns, sub-columns, countries, city zones."""

import pytest
from django.apps import apps
from wagtail.models import Page

from portal.models import CityZonePage, ColumnPage, ContinentPage, CountryIndexPage, CountryPage
from portal.tree import ensure_tree
from taxonomy.cities import City
from taxonomy.models import Country

pytestmark = pytest.mark.django_db

TOP_LEVEL = ["信息资讯", "公共服务", "国别信息", "中非合作", "经贸对接", "专业服务", "湘企风采", "市州专区"]
SUB_COLUMNS = {
    "信息资讯": ["政务信息", "行业动态", "境外风险", "海外经营案例", "出境指南"],
    "政务信息": ["工作动态", "通知公告", "政策法规", "政策解读"],
    "行业动态": ["热点新闻", "研究报告"],
    "出境指南": ["对外投资合作国别(地区)指南", "国别(地区)投资税收指南", "出国签证信息动态", "各国签证办理指南", "APEC 商务旅行卡", "领事保护指引"],
    "公共服务": ["境外投资", "对外承包工程", "对外劳务合作", "对外援助", "项目管理服务系统", "统计服务", "湘企名录"],
    "对外援助": ["援外人力资源开发合作项目", "援外成套项目", "援外技术合作项目", "对外援助项目咨询服务", "援外物资项目(紧急人道主义援助)", "“两优”贷款", "债务减免", "援外志愿者"],
    "中非合作": ["中非经贸深度合作先行区", "中非经贸合作研究会", "中国-非洲经贸博览会", "非洲资源地图", "中非经贸活动"],
    "中非经贸合作研究会": ["关于研究会", "工作动态", "研究成果", "项目对接", "会员单位"],
    "中非经贸活动": ["活动回顾", "成果展示"],
    "经贸对接": ["中非经贸撮合", "找项目", "招用工", "赴活动", "寻资源"],
    "找项目": ["境外项目", "投资意向"],
    "寻资源": ["境外湖南商(协)会", "湖南专业产业联盟", "湖南驻外经贸合作园区", "我国驻外经商机构"],
    "专业服务": ["金融服务", "信保服务", "第三方服务", "境外安全服务", "跨境商务服务", "专业人才服务"],
    "湘企风采": ["湘企动态"],
}


def titles(pages):
    return [p.title for p in pages]


def test_home_has_the_eight_top_level_columns_in_menu_order(home):
    children = home.get_children().live().in_menu()
    assert titles(children) == TOP_LEVEL


@pytest.mark.parametrize("parent, expected", SUB_COLUMNS.items())
def test_every_sub_column_of_the_redesign_exists_in_order(parent, expected):
    parents = ColumnPage.objects.filter(title=parent)
    assert parents.count() == 1
    assert titles(parents.get().get_children()) == expected


def test_every_country_has_a_page_under_its_continent():
    assert CountryPage.objects.count() == Country.objects.count() > 240
    kenya = CountryPage.objects.get(country_id="KE")
    assert kenya.get_parent().specific.continent == "africa"
    assert kenya.url_path == "/home/countries/africa/ke/"
    assert titles(ContinentPage.objects.order_by("path"))[:5] == ["亚洲", "非洲", "欧洲", "美洲", "大洋洲"]
    assert CountryIndexPage.objects.get().get_children().count() == ContinentPage.objects.count()


def test_fourteen_city_zones():
    assert sorted(CityZonePage.objects.values_list("city", flat=True)) == sorted(City.values)
    assert CityZonePage.objects.get(city="xiangxi").title == "湘西土家族苗族自治州"


def test_building_the_tree_again_creates_nothing_and_the_tree_is_consistent():
    before = Page.objects.count()
    assert ensure_tree(apps) == 0
    assert Page.objects.count() == before
    assert Page.find_problems() == ([], [], [], [], [])


def test_a_missing_column_is_added_back(column):
    column("apec-card").delete()
    assert ensure_tree(apps) == 1
    assert column("apec-card").get_parent().title == "出境指南"
    assert Page.find_problems() == ([], [], [], [], [])


def test_every_column_renders(client):
    for page in ColumnPage.objects.filter(depth__lte=4):
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert page.title in response.content.decode()


SERVICE_ENTRIES = {
    "湘企名录": "directory:index",
    "中非经贸撮合": "matching:africa",
    "找项目": "matching:market",
    "活动报名": "events:list",
    "专业人才服务": "experts:list",
    "专业服务": "consultation:ask",
}


@pytest.mark.parametrize(("title", "url_name"), SERVICE_ENTRIES.items())
def test_service_columns_lead_into_the_live_apps(client, title, url_name):
    from django.urls import reverse

    page = ColumnPage.objects.get(title=title)
    assert page.service_url == reverse(url_name)
    html = client.get(page.url).content.decode()
    assert f'href="{page.service_url}"' in html and page.service_label in html
