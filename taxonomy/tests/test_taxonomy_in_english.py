"""Reference data in English: continents, the models' labels and the country pickers read in English
on English pages (countries by their English names); Chinese pages are unchanged."""

import pytest
from django import forms
from django.conf import settings
from django.utils import translation

from config.tests.english import unmarked_chinese
from taxonomy.forms import CountryChoiceField, CountryCodeField
from taxonomy.models import Continent, Country, Industry

pytestmark = pytest.mark.django_db


class TripForm(forms.Form):
    main = CountryChoiceField(label="Main country")
    country = CountryCodeField(label="Country", required=False, empty_label="Any country")


def test_continents_and_model_labels_read_in_english():
    with translation.override("en"):
        assert [str(label) for label in Continent.labels] == ["Asia", "Africa", "Europe", "Americas", "Oceania", "Other"]
        assert str(Country._meta.verbose_name) == "Country (region)" and str(Industry._meta.verbose_name) == "Industry section"
        assert str(Country._meta.get_field("name_en").verbose_name) == "English name"
        assert Country.objects.get(code="KE").get_continent_display() == "Africa"


def test_english_country_pickers_name_countries_in_english():
    with translation.override("en"):
        html = str(TripForm())
    assert unmarked_chinese(html) == []
    assert '<option value="KE"' in html and ">Kenya<" in html and ">Any country<" in html


def test_english_admin_labels_read_in_english(client, make_user):
    admin = make_user("root", is_superuser=True, staff=True)
    client.force_login(admin)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = client.get("/django-admin/taxonomy/country/").content.decode()
    assert "Chinese name" in html and "English name" in html and "Continent" in html and "Oceania" in html


def test_chinese_labels_and_pickers_are_unchanged():
    with translation.override("zh-hans"):
        assert [str(label) for label in Continent.labels] == ["亚洲", "非洲", "欧洲", "美洲", "大洋洲", "其他"]
        assert str(Country._meta.verbose_name) == "国家(地区)"
        html = str(TripForm())
    assert ">肯尼亚<" in html and ">Kenya<" not in html
