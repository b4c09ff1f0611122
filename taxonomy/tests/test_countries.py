"""Countries: names from CLDR, one order per language, China kept out of the host-country pickers."""

import csv

import pytest
from babel import Locale
from django.utils import translation

from taxonomy import country_names
from taxonomy.loading import DATA_DIR, load_reference_data
from taxonomy.models import Country, Industry
from taxonomy.selectors import HOME_COUNTRY, countries, host_countries, host_country_choices

pytestmark = pytest.mark.django_db

CLDR_ZH = Locale.parse("zh_Hans_CN").territories
CLDR_EN = Locale.parse("en").territories


def file_codes():
    with open(DATA_DIR / "countries.csv", encoding="utf-8", newline="") as f:
        return [row["code"] for row in csv.DictReader(f)]


def test_every_name_is_cldrs_except_the_few_listed_overrides():
    for country in Country.objects.all():
        override = country_names.OVERRIDES.get(country.code, {})
        assert country.name_zh == override.get("zh", CLDR_ZH[country.code]), country.code
        assert country.name_en == override.get("en", CLDR_EN[country.code]), country.code


def test_no_typos_duplicates_or_stray_spaces():
    names_zh = list(Country.objects.values_list("name_zh", flat=True))
    names_en = list(Country.objects.values_list("name_en", flat=True))
    assert len(names_zh) == len(set(names_zh)) and len(names_en) == len(set(names_en))
    assert all(name == name.strip() and name for name in names_zh + names_en)
    named = dict(Country.objects.values_list("code", "name_zh"))
    assert (named["NP"], named["TJ"], named["WS"], named["AS"], named["SJ"]) == ("尼泊尔", "塔吉克斯坦", "萨摩亚", "美属萨摩亚", "斯瓦尔巴和扬马延")
    assert not {"尼珀尔", "塔吉克斯斯坦", "美属萨摩亚群岛"} & set(names_zh)


def test_every_iso_code_of_the_file_is_a_country_with_its_continent():
    assert sorted(Country.objects.values_list("code", flat=True)) == sorted(file_codes())
    assert Country.objects.get(code="KE").continent == "africa"
    assert Country.objects.get(code="NP").alpha3 == "NPL"


def test_reloading_renames_rows_but_deletes_none():
    Country.objects.filter(code="NP").update(name_zh="尼珀尔", sort_zh="")
    Country.objects.create(code="XK", alpha3="XKX", name_zh="科索沃", name_en="Kosovo", continent="europe")

    load_reference_data(Country, Industry)

    assert Country.objects.get(code="NP").name_zh == "尼泊尔"
    assert Country.objects.get(code="NP").sort_zh == "ni2bo2er3"
    assert Country.objects.filter(code="XK").exists()  # a row someone may refer to stays


def test_china_is_kept_but_not_a_host_country():
    assert Country.objects.filter(code=HOME_COUNTRY).exists()
    assert HOME_COUNTRY in countries().values_list("code", flat=True)
    assert HOME_COUNTRY not in host_countries().values_list("code", flat=True)
    assert HOME_COUNTRY not in dict(host_country_choices())
    assert "HK" in dict(host_country_choices())  # Hong Kong is abroad for business purposes


def test_chinese_pages_list_countries_by_pinyin():
    with translation.override("zh-hans"):
        names = [name for _, name in host_country_choices()]
    assert names[0] == "阿尔巴尼亚"
    # By pinyin, not by code point: 智利 (zhi) before 中非共和国 (zhong), 斐济 (fei) before 佛得角 (fo).
    assert names.index("智利") < names.index("中非共和国")
    assert names.index("斐济") < names.index("佛得角") < names.index("福克兰群岛")
    assert names.index("尼泊尔") < names.index("尼加拉瓜")  # 泊 is bo here, not po
    keys = [country_names.pinyin_key(name) for name in names]
    assert keys == sorted(keys)


def test_english_pages_list_countries_alphabetically_in_english():
    with translation.override("en"):
        names = [name for _, name in host_country_choices()]
    assert names[:3] == ["Afghanistan", "Åland Islands", "Albania"]
    assert names.index("Zimbabwe") == len(names) - 1


def test_display_name_follows_the_active_language():
    nepal = Country.objects.get(code="NP")
    with translation.override("en"):
        assert nepal.display_name == "Nepal"
    with translation.override("zh-hans"):
        assert nepal.display_name == "尼泊尔"


def test_pinyin_key_is_plain_ascii_with_tones():
    assert country_names.pinyin_key("刚果（布）") == "gang1guo3bu4"
    assert country_names.english_key("Côte d’Ivoire") == "cotedivoire"
    assert country_names.search_terms("尼泊尔", "Nepal", "NP") == "niboer nbe 尼泊尔 Nepal NP"
