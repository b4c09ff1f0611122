"""The tiles of 我的工作台: every service a signed-in user can reach, grouped, role-aware.

Each tile names a URL and says who sees it. A tile whose app is not installed, or whose URL does
not resolve, is left out, so the workbench never links to a page that is not there. Who may
*use* a page is still decided by that page's own view; a tile only saves the user a search.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from accounts.roles import (
    AUDIT_ADMIN,
    BANK_ADVISER,
    BANK_EDITOR,
    BANK_REVIEWER,
    DEPT_ADMIN,
    DEPT_REVIEWER,
    OPERATOR,
    OPERATOR_REVIEWER,
    SECURITY_ADMIN,
    SYSTEM_ADMIN,
    bureau_city_of,
    has_role,
)


@dataclass(frozen=True)
class Tile:
    group: str
    title: str
    url_name: str
    description: str
    visible: Callable = lambda user: True

    def url(self) -> str | None:
        try:
            return reverse(self.url_name)
        except NoReverseMatch:
            return None


def _certified(user) -> bool:
    return user.certified_organization is not None


def _enterprise(user) -> bool:
    org = user.certified_organization
    return org is not None and org.kind == "enterprise"


def _any(*roles):
    return lambda user: any(has_role(user, r) for r in roles)


def _bureau(user) -> bool:
    return bureau_city_of(user) is not None


def _reviewer_of_filings(user) -> bool:
    return _bureau(user) or _any(DEPT_ADMIN, DEPT_REVIEWER)(user)


def _consultation_staff(user) -> bool:
    return _bureau(user) or _any(DEPT_ADMIN, DEPT_REVIEWER, BANK_ADVISER, OPERATOR, OPERATOR_REVIEWER)(user)


def _content_staff(user) -> bool:
    return _bureau(user) or _any(DEPT_ADMIN, DEPT_REVIEWER, BANK_EDITOR, BANK_REVIEWER, OPERATOR, OPERATOR_REVIEWER)(user)


MINE = _("我的")
ORG = _("本单位办事")
STAFF = _("审核与管理")
SECURITY = _("安全管理")

TILES = [
    Tile(MINE, _("消息中心"), "notifications:inbox", _("站内信、通知与订阅设置")),
    Tile(MINE, _("账号与安全"), "accounts:profile", _("个人资料、密码、双因素认证、个人信息下载与注销")),
    Tile(MINE, _("我的咨询"), "consultation:mine", _("提问记录、答复与评价")),
    Tile(MINE, _("我的活动"), "events:mine", _("报名记录与参会手册")),
    Tile(MINE, _("我的对接"), "matching:mine", _("发布的供需信息、收到与发出的意向")),
    Tile(ORG, _("企业档案"), "archive:mine", _("本单位在平台办理的全部事项与待办"), _certified),
    Tile(ORG, _("单位与成员"), "accounts:organization", _("单位认证、成员邀请与管理")),
    Tile(ORG, _("项目备案"), "filings:mine", _("境外投资、对外承包工程、对外劳务合作项目报告"), _enterprise),
    Tile(ORG, _("外派劳务备案"), "labour:mine", _("外派人员名单导入与备案"), _enterprise),
    Tile(ORG, _("数据报送"), "datacalls:index", _("按期填报主管部门发起的数据调查"), _certified),
    Tile(ORG, _("园区年度考核"), "zones:mine", _("境外经贸合作园区年度数据申报"), _certified),
    Tile(ORG, _("境外机构维护"), "overseas:mine", _("商(协)会、代表处与园区资料维护"), _certified),
    Tile(ORG, _("名录资料"), "directory:edit", _("湘企名录中展示的企业信息"), _enterprise),
    Tile(ORG, _("抱团出海"), "consortia:mine", _("牵头或参与的联合体"), _certified),
    Tile(ORG, _("企业评价申报"), "rating:mine", _("年度优质企业评价自评"), _enterprise),
    Tile(STAFF, _("备案审核"), "filings:queue", _("本辖区项目备案的审核队列与导出"), _reviewer_of_filings),
    Tile(STAFF, _("外派劳务审核"), "labour:queue", _("外派劳务备案审核"), _reviewer_of_filings),
    Tile(STAFF, _("咨询工作台"), "consultation:staff_list", _("待答复、即将到期与超期的咨询"), _consultation_staff),
    Tile(STAFF, _("咨询统计"), "consultation:dashboard", _("首次响应时长、按时率与满意度"), _consultation_staff),
    Tile(STAFF, _("统计服务"), "stats:dashboard", _("对外投资与承包工程统计、地图与导出"), _reviewer_of_filings),
    Tile(STAFF, _("企业档案查询"), "archive:organizations", _("按辖区查阅企业档案"), _reviewer_of_filings),
    Tile(STAFF, _("对接信息审核"), "matching:review", _("用户发布的供需信息审核"), _any(OPERATOR, OPERATOR_REVIEWER, DEPT_ADMIN)),
    Tile(STAFF, _("园区考核评审"), "zones:review", _("境外经贸合作园区年度考核评分"), _any(DEPT_ADMIN, DEPT_REVIEWER)),
    Tile(STAFF, _("对外援助数据"), "aid:projects", _("援外项目与培训学员数据库"), _any(DEPT_ADMIN, DEPT_REVIEWER)),
    Tile(STAFF, _("数据报送管理"), "datacalls:manage", _("发起数据调查、查看汇总与导出"), _reviewer_of_filings),
    Tile(STAFF, _("内容管理后台"), "wagtailadmin_home", _("栏目文章、审核流程、市州专区"), _content_staff),
    Tile(SECURITY, _("用户与设置"), "wagtailadmin_home", _("用户账号与系统设置"), _any(SYSTEM_ADMIN, SECURITY_ADMIN)),
    Tile(SECURITY, _("审计日志"), "wagtailadmin_home", _("安全审计日志的查阅与导出"), _any(AUDIT_ADMIN)),
]

GROUP_ORDER = [MINE, ORG, STAFF, SECURITY]


def tiles_for(user) -> list[tuple[str, list[tuple[Tile, str]]]]:
    """``[(group, [(tile, url), ...]), ...]`` for ``user``, empty groups left out."""
    grouped: dict[str, list] = {g: [] for g in GROUP_ORDER}
    for tile in TILES:
        if not tile.visible(user):
            continue
        url = tile.url()
        if url is not None:
            grouped[tile.group].append((tile, url))
    return [(g, items) for g, items in grouped.items() if items]
