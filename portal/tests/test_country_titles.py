"""Country pages created from the old hand-typed country list take the CLDR name (portal 0007)."""

import importlib

import pytest
from django.apps import apps

from portal.models import CountryPage

pytestmark = pytest.mark.django_db

retitle = importlib.import_module("portal.migrations.0007_country_page_titles_from_cldr").retitle


def test_a_page_still_titled_with_the_old_typo_takes_the_cldr_name_and_an_edited_title_stays():
    CountryPage.objects.filter(country_id="NP").update(title="尼珀尔", draft_title="尼珀尔")
    CountryPage.objects.filter(country_id="TJ").update(title="塔吉克斯坦（编辑修改）", draft_title="塔吉克斯坦（编辑修改）")
    CountryPage.objects.filter(country_id="SJ").update(title=" 斯瓦尔巴群岛和扬马延岛", draft_title=" 斯瓦尔巴群岛和扬马延岛")

    retitle(apps, None)

    assert CountryPage.objects.get(country_id="NP").title == "尼泊尔"
    assert CountryPage.objects.get(country_id="NP").draft_title == "尼泊尔"
    assert CountryPage.objects.get(country_id="SJ").title == "斯瓦尔巴和扬马延"
    assert CountryPage.objects.get(country_id="TJ").title == "塔吉克斯坦（编辑修改）"


def test_country_pages_of_a_new_site_carry_the_cldr_names():
    assert CountryPage.objects.get(country_id="WS").title == "萨摩亚"
    assert CountryPage.objects.get(country_id="AS").title == "美属萨摩亚"
