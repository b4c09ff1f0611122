"""The searchable pickers: a plain <select> marked for the script, country fields that post values."""

import pytest
from django import forms
from django.utils import translation

from taxonomy.forms import CountryChoiceField, CountryCodeField, CountryCodesField, CountryMultipleChoiceField
from taxonomy.models import Country
from taxonomy.widgets import SearchableSelect, SearchableSelectMultiple

pytestmark = pytest.mark.django_db


class TripForm(forms.Form):
    countries = CountryMultipleChoiceField(label="国家(地区)")
    main = CountryChoiceField(label="主要国家", required=False, empty_label="不限")


class CodesForm(forms.Form):
    countries = CountryCodesField(label="国家(地区)", required=False)
    country = CountryCodeField(label="国家(地区)", required=False, empty_label="全部国家(地区)")


def test_the_multiple_widget_is_a_plain_select_marked_for_the_script():
    html = SearchableSelectMultiple(choices=[("a", "甲"), ("b", "乙")]).render("pick", ["b"])
    assert html.startswith('<select name="pick" data-searchable size="8" multiple>')
    assert '<option value="b" selected>乙</option>' in html


def test_the_single_widget_adds_the_words_a_search_also_matches():
    widget = SearchableSelect(choices=[("", "全部"), ("NP", "尼泊尔")], search_terms=lambda code: f"terms of {code}")
    html = widget.render("country", "")
    assert '<select name="country" data-searchable>' in html
    assert '<option value="NP" data-search="terms of NP">尼泊尔</option>' in html
    assert '<option value="" selected>全部</option>' in html  # the empty choice gets no search words


def test_country_options_are_host_countries_in_pinyin_order_with_pinyin_to_search():
    with translation.override("zh-hans"):
        html = str(TripForm()["countries"])
    assert 'value="CN"' not in html
    assert html.index(">阿尔巴尼亚<") < html.index(">尼泊尔<") < html.index(">智利<") < html.index(">中非共和国<")
    assert 'value="NP" data-search="niboer nbe 尼泊尔 Nepal NP"' in html


def test_country_options_follow_the_language_of_the_request_not_of_the_form_class():
    with translation.override("en"):
        html = str(TripForm()["countries"])
    assert html.index(">Afghanistan<") < html.index(">Åland Islands<") < html.index(">Albania<")
    assert ">尼泊尔<" not in html and ">Nepal<" in html


def test_a_form_posts_several_countries_and_refuses_china():
    form = TripForm(data={"countries": ["NP", "KE"], "main": "KE"})
    assert form.is_valid(), form.errors
    assert sorted(c.code for c in form.cleaned_data["countries"]) == ["KE", "NP"]
    assert form.cleaned_data["main"] == Country.objects.get(code="KE")

    refused = TripForm(data={"countries": ["CN"]})
    assert not refused.is_valid() and "countries" in refused.errors


def test_code_fields_post_iso_codes():
    form = CodesForm(data={"countries": ["VN", "LA"], "country": "TH"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data == {"countries": ["VN", "LA"], "country": "TH"}
    assert not CodesForm(data={"country": "CN"}).is_valid()
    assert CodesForm(data={"country": ""}).is_valid()


def test_widgets_bring_their_script_for_pages_that_render_form_media():
    media = str(TripForm().media)
    assert "vendor/tom-select/tom-select.complete.min.js" in media and "js/searchable-select.js" in media
