"""The columns' names in the reader's language.

A column's title is a Wagtail page title, which editors may change (content). While a column keeps
the title the site was built with (``portal.tree``), that title is interface wording and is shown
through the translation catalogs — 信息资讯 reads "News & Information" on English pages; a title an
editor wrote is shown as written (and marked as Chinese on English pages). The English names are
in ``portal/locale/en`` like every other interface string; ``ENGLISH_SOURCE`` below only lists the
msgids for ``makemessages``.
"""

from functools import cache

from django.utils.translation import gettext
from django.utils.translation import gettext_noop as _

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
        return gettext(title)
    return title


# Every initial title, for makemessages (kept in step with portal.tree by the test
# portal/tests/test_column_titles.py).
ENGLISH_SOURCE = [
    _("援外人力资源开发合作项目"), _("援外成套项目"), _("援外技术合作项目"), _("对外援助项目咨询服务"),
    _("援外物资项目(紧急人道主义援助)"), _("“两优”贷款"), _("债务减免"), _("援外志愿者"), _("信息资讯"), _("政务信息"),
    _("工作动态"), _("通知公告"), _("政策法规"), _("政策解读"), _("行业动态"), _("热点新闻"), _("研究报告"), _("境外风险"),
    _("海外经营案例"), _("出境指南"), _("对外投资合作国别(地区)指南"), _("国别(地区)投资税收指南"), _("出国签证信息动态"),
    _("各国签证办理指南"), _("APEC 商务旅行卡"), _("领事保护指引"), _("公共服务"), _("境外投资"), _("对外承包工程"),
    _("对外劳务合作"), _("对外援助"), _("项目管理服务系统"), _("统计服务"), _("湘企名录"), _("中非合作"),
    _("中非经贸深度合作先行区"), _("先行区动态"), _("中非经贸合作研究会"), _("关于研究会"), _("研究成果"), _("项目对接"),
    _("会员单位"), _("中国-非洲经贸博览会"), _("非洲资源地图"), _("中非经贸活动"), _("活动回顾"), _("成果展示"), _("经贸对接"),
    _("中非经贸撮合"), _("找项目"), _("境外项目"), _("投资意向"), _("招用工"), _("境外用工需求"), _("赴活动"), _("活动报名"),
    _("活动报道"), _("寻资源"), _("境外湖南商(协)会"), _("湖南专业产业联盟"), _("湖南驻外经贸合作园区"), _("我国驻外经商机构"),
    _("专业服务"), _("金融服务"), _("信保服务"), _("第三方服务"), _("境外安全服务"), _("跨境商务服务"), _("专业人才服务"),
    _("湘企风采"), _("湘企动态"), _("国别信息"), _("市州专区"),
]
