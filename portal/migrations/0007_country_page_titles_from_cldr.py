"""Country pages keep the name they were created with; those created from the old hand-typed
list (尼珀尔, 塔吉克斯斯坦, Samoa as 美属萨摩亚群岛, …) take the CLDR name of taxonomy 0004.

Only a page whose title is still exactly the old name is renamed: a title an editor changed stays.
"""

from django.db import migrations

# The names of the former taxonomy/data/countries.csv that differ from CLDR's.
OLD_NAMES = {
    "AS": "美属萨摩亚群岛", "AW": "阿鲁巴岛", "BS": "巴哈马群岛", "BQ": "荷属加勒比", "BA": "波斯尼亚和黑塞哥维", "BW": "博兹瓦纳",
    "KM": "科摩罗伊斯兰联邦共和国", "CG": "刚果", "CD": "刚果民主共和国", "DM": "多米尼加", "FK": "马尔维纳斯群岛", "GF": "法属奎亚那",
    "GP": "瓜德罗普岛", "GG": "格恩西岛", "HK": "中国香港", "KG": "吉尔吉斯", "LR": "利比里亚共和国", "MO": "中国澳门",
    "ML": "马里共和国", "FM": "密克罗尼西亚联邦", "NP": "尼珀尔", "MK": "马其顿", "MP": "北马里亚那群岛", "PN": "皮特开恩群岛",
    "RE": "法属留尼汪岛", "BL": "圣巴托洛缪岛", "PM": "圣皮埃尔和密克隆", "WS": "美属萨摩亚群岛", "GS": "南乔治亚岛和南桑威奇群岛", "SR": "苏里南共和国",
    "TJ": "塔吉克斯斯坦", "TK": "托克劳群岛", "TT": "特立尼达和多巴哥共和国", "UM": "美属边疆群岛", "WF": "瓦利斯群岛和富图纳群岛", "SJ": " 斯瓦尔巴群岛和扬马延岛",
    "CC": "科科斯(基林)群岛",
}


def retitle(apps, schema_editor):
    CountryPage = apps.get_model("portal", "CountryPage")
    Page = apps.get_model("wagtailcore", "Page")
    for page in CountryPage.objects.filter(country_id__in=OLD_NAMES).select_related("country"):
        old, new = OLD_NAMES[page.country_id], page.country.name_zh
        changes = {field: new for field in ("title", "draft_title") if getattr(page, field).strip() == old.strip()}
        if changes:
            Page.objects.filter(pk=page.pk).update(**changes)


class Migration(migrations.Migration):
    dependencies = [("portal", "0006_column_service_links"), ("taxonomy", "0004_cldr_country_names")]
    operations = [migrations.RunPython(retitle, migrations.RunPython.noop)]
