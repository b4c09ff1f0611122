"""The columns' names in the reader's language.

A column's title is a Wagtail page title, which editors may change (content). While a column keeps
the title the site was built with (``portal.tree``), that title is interface wording and is shown
through the translation catalogs — 信息资讯 reads "News & Information" on English pages; a title an
editor wrote is shown as written (and marked as Chinese on English pages). The English names are
in ``portal/locale/en`` like every other interface string; ``ENGLISH_SOURCE`` below only lists the
msgids for ``makemessages``.
"""

from functools import cache

from django.utils.translation import pgettext, pgettext_lazy

from portal.tree import CITY_INDEX, COLUMNS, COUNTRY_INDEX


@cache
def initial_titles() -> dict[str, str]:
    """``{slug: title}`` of every column the site was built with (slugs are unique in the tree)."""
    titles = {COUNTRY_INDEX[1]: COUNTRY_INDEX[0], CITY_INDEX[1]: CITY_INDEX[0]}

    def walk(columns):
        for col in columns:
            titles.setdefault(col.slug, col.title)
            walk(col.children)

    walk(COLUMNS)
    return titles


def interface_title(page) -> str:
    """``page.title`` in the active language when it is still the title the column was built with.
    ``page`` is a page or the navigation's cached ``{"title", "slug", …}``."""
    title, slug = (page.get("title", ""), page.get("slug", "")) if isinstance(page, dict) else (page.title, page.slug)
    if initial_titles().get(slug) == title:
        return pgettext("column", title)  # a context of its own: 对外承包工程 the column is not the filing kind
    return title


# Every initial title with the context "column", for makemessages (kept in step with portal.tree by the test
# portal/tests/test_column_titles.py).
ENGLISH_SOURCE = [
    pgettext_lazy("column", "援外人力资源开发合作项目"), pgettext_lazy("column", "援外成套项目"), pgettext_lazy("column", "援外技术合作项目"), pgettext_lazy("column", "对外援助项目咨询服务"),
    pgettext_lazy("column", "援外物资项目(紧急人道主义援助)"), pgettext_lazy("column", "“两优”贷款"), pgettext_lazy("column", "债务减免"), pgettext_lazy("column", "援外志愿者"), pgettext_lazy("column", "信息资讯"), pgettext_lazy("column", "政务信息"),
    pgettext_lazy("column", "工作动态"), pgettext_lazy("column", "通知公告"), pgettext_lazy("column", "政策法规"), pgettext_lazy("column", "政策解读"), pgettext_lazy("column", "行业动态"), pgettext_lazy("column", "热点新闻"), pgettext_lazy("column", "研究报告"), pgettext_lazy("column", "境外风险"),
    pgettext_lazy("column", "海外经营案例"), pgettext_lazy("column", "出境指南"), pgettext_lazy("column", "对外投资合作国别(地区)指南"), pgettext_lazy("column", "国别(地区)投资税收指南"), pgettext_lazy("column", "出国签证信息动态"),
    pgettext_lazy("column", "各国签证办理指南"), pgettext_lazy("column", "APEC 商务旅行卡"), pgettext_lazy("column", "领事保护指引"), pgettext_lazy("column", "公共服务"), pgettext_lazy("column", "境外投资"), pgettext_lazy("column", "对外承包工程"),
    pgettext_lazy("column", "对外劳务合作"), pgettext_lazy("column", "对外援助"), pgettext_lazy("column", "项目管理服务系统"), pgettext_lazy("column", "统计服务"), pgettext_lazy("column", "湘企名录"), pgettext_lazy("column", "中非合作"),
    pgettext_lazy("column", "中非经贸深度合作先行区"), pgettext_lazy("column", "先行区动态"), pgettext_lazy("column", "中非经贸合作研究会"), pgettext_lazy("column", "关于研究会"), pgettext_lazy("column", "研究成果"), pgettext_lazy("column", "项目对接"),
    pgettext_lazy("column", "会员单位"), pgettext_lazy("column", "中国-非洲经贸博览会"), pgettext_lazy("column", "非洲资源地图"), pgettext_lazy("column", "中非经贸活动"), pgettext_lazy("column", "活动回顾"), pgettext_lazy("column", "成果展示"), pgettext_lazy("column", "经贸对接"),
    pgettext_lazy("column", "中非经贸撮合"), pgettext_lazy("column", "找项目"), pgettext_lazy("column", "境外项目"), pgettext_lazy("column", "投资意向"), pgettext_lazy("column", "招用工"), pgettext_lazy("column", "境外用工需求"), pgettext_lazy("column", "赴活动"), pgettext_lazy("column", "活动报名"),
    pgettext_lazy("column", "活动报道"), pgettext_lazy("column", "寻资源"), pgettext_lazy("column", "境外湖南商(协)会"), pgettext_lazy("column", "湖南专业产业联盟"), pgettext_lazy("column", "湖南驻外经贸合作园区"), pgettext_lazy("column", "我国驻外经商机构"),
    pgettext_lazy("column", "专业服务"), pgettext_lazy("column", "金融服务"), pgettext_lazy("column", "信保服务"), pgettext_lazy("column", "第三方服务"), pgettext_lazy("column", "境外安全服务"), pgettext_lazy("column", "跨境商务服务"), pgettext_lazy("column", "专业人才服务"),
    pgettext_lazy("column", "湘企风采"), pgettext_lazy("column", "湘企动态"), pgettext_lazy("column", "国别信息"), pgettext_lazy("column", "市州专区"),
]
