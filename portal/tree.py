"""The column architecture of SPEC §3 (thesis Table 4-1) and the function that builds it.

``ensure_tree(apps)`` creates whatever part of the tree is missing below the home page — every
column and sub-column, the country index with a page per continent and per country, and the 14
city zones — and leaves existing pages alone. It writes the rows directly (with computed tree
paths) so that it runs inside a data migration with historical models as well as with the live
models (``portal.bootstrap``), and builds the ~330 pages in well under a second.
"""

from dataclasses import dataclass, field

from django.utils import timezone

from portal.models.classification import ArticleKind as K
from portal.models.classification import InfoClass as C


@dataclass
class Col:
    title: str
    slug: str
    kind: str = K.NEWS
    info_class: str = C.BASIC
    children: list = field(default_factory=list)
    service_url: str = ""
    service_label: str = ""
    filterable: bool = True
    intro: str = ""


AID = [
    Col("援外人力资源开发合作项目", "aid-hrd", K.PROJECT),
    Col("援外成套项目", "aid-complete", K.PROJECT),
    Col("援外技术合作项目", "aid-technical", K.PROJECT),
    Col("对外援助项目咨询服务", "aid-consulting", K.SERVICE),
    Col("援外物资项目(紧急人道主义援助)", "aid-materials", K.PROJECT),
    Col("“两优”贷款", "aid-loans", K.SERVICE, C.FINANCIAL),
    Col("债务减免", "aid-debt-relief", K.POLICY),
    Col("援外志愿者", "aid-volunteers", K.NEWS),
]

COLUMNS = [
    Col("信息资讯", "news", intro="政务信息、行业动态、境外风险与出境指南，一处查阅。", children=[
        Col("政务信息", "government", children=[
            Col("工作动态", "work-updates", K.NEWS),
            Col("通知公告", "notices", K.NOTICE),
            Col("政策法规", "policies", K.POLICY),
            Col("政策解读", "interpretations", K.INTERPRETATION),
        ]),
        Col("行业动态", "industry", children=[
            Col("热点新闻", "hot-news", K.NEWS),
            Col("研究报告", "reports", K.REPORT),
        ]),
        Col("境外风险", "risk-alerts", K.RISK),
        Col("海外经营案例", "cases", K.CASE),
        Col("出境指南", "outbound-guides", K.GUIDE, children=[
            Col("对外投资合作国别(地区)指南", "country-guides", K.GUIDE),
            Col("国别(地区)投资税收指南", "tax-guides", K.GUIDE, C.FINANCIAL),
            Col("出国签证信息动态", "visa-news", K.TRAVEL),
            Col("各国签证办理指南", "visa-guides", K.TRAVEL),
            Col("APEC 商务旅行卡", "apec-card", K.TRAVEL),
            Col("领事保护指引", "consular-protection", K.TRAVEL),
        ]),
    ]),
    Col("公共服务", "services", K.SERVICE, intro="境外投资、对外承包工程、对外劳务合作与对外援助的办事服务。", children=[
        Col("境外投资", "outward-investment", K.GUIDE),
        Col("对外承包工程", "contracting", K.GUIDE),
        Col("对外劳务合作", "labour-cooperation", K.GUIDE, service_url="/labour/", service_label="外派劳务备案"),
        Col("对外援助", "foreign-aid", K.PROJECT, children=AID, service_url="/aid/", service_label="对外援助展示"),
        Col("项目管理服务系统", "project-system", K.SERVICE, service_url="/filings/", service_label="进入项目管理服务系统", filterable=False),
        Col("统计服务", "statistics", K.REPORT, service_url="/stats/public/", service_label="查看统计数据", filterable=False),
        Col("湘企名录", "enterprise-directory", K.NEWS, C.PROFESSIONAL, service_url="/directory/", service_label="浏览湘企名录", filterable=False),
    ]),
    Col("中非合作", "sino-africa", K.NEWS, C.PROFESSIONAL, intro="中非经贸深度合作先行区、研究会、博览会与中非经贸活动。", children=[
        Col("中非经贸深度合作先行区", "pilot-zone", K.NEWS, C.PROFESSIONAL, children=[
            Col("先行区动态", "pilot-zone-news", K.NEWS, C.PROFESSIONAL),
        ]),
        Col("中非经贸合作研究会", "research-society", K.NEWS, C.PROFESSIONAL, children=[
            Col("关于研究会", "about-society", K.SERVICE, C.PROFESSIONAL),
            Col("工作动态", "society-updates", K.NEWS, C.PROFESSIONAL),
            Col("研究成果", "society-results", K.REPORT, C.PROFESSIONAL),
            Col("项目对接", "society-matching", K.PROJECT, C.PROFESSIONAL),
            Col("会员单位", "society-members", K.SERVICE, C.PROFESSIONAL),
        ]),
        Col("中国-非洲经贸博览会", "expo", K.EVENT, C.PROFESSIONAL),
        Col("非洲资源地图", "resource-map", K.REPORT, C.PROFESSIONAL),
        Col("中非经贸活动", "africa-events", K.EVENT, C.PROFESSIONAL, children=[
            Col("活动回顾", "event-reviews", K.EVENT, C.PROFESSIONAL),
            Col("成果展示", "event-results", K.NEWS, C.PROFESSIONAL),
        ]),
    ]),
    Col("经贸对接", "matching", K.PROJECT, C.PROFESSIONAL, intro="找项目、招用工、赴活动、寻资源，对接境内外合作伙伴。", children=[
        Col("中非经贸撮合", "africa-matching", K.PROJECT, C.PROFESSIONAL, service_url="/matching/africa/", service_label="进入中非经贸撮合"),
        Col("找项目", "projects", K.PROJECT, C.PROFESSIONAL, service_url="/matching/", service_label="进入经贸对接平台", children=[
            Col("境外项目", "overseas-projects", K.PROJECT, C.PROFESSIONAL),
            Col("投资意向", "investment-intents", K.PROJECT, C.PROFESSIONAL),
        ]),
        Col("招用工", "jobs", K.PROJECT, C.PROFESSIONAL, children=[
            Col("境外用工需求", "overseas-jobs", K.PROJECT, C.PROFESSIONAL),
        ]),
        Col("赴活动", "events", K.EVENT, C.PROFESSIONAL, service_url="/events/", service_label="查看近期活动", children=[
            Col("活动报名", "event-signup", K.EVENT, C.PROFESSIONAL, service_url="/events/", service_label="在线报名活动"),
            Col("活动报道", "event-reports", K.NEWS, C.PROFESSIONAL),
        ]),
        Col("寻资源", "resources", K.SERVICE, C.PROFESSIONAL, children=[
            Col("境外湖南商(协)会", "chambers", K.SERVICE, C.PROFESSIONAL, service_url="/overseas/", service_label="查看境外机构"),
            Col("湖南专业产业联盟", "alliances", K.SERVICE, C.PROFESSIONAL),
            Col("湖南驻外经贸合作园区", "overseas-zones", K.SERVICE, C.PROFESSIONAL, service_url="/zones/results/", service_label="园区年度考核结果"),
            Col("我国驻外经商机构", "commercial-offices", K.SERVICE, C.PROFESSIONAL),
        ]),
    ]),
    Col("专业服务", "professional", K.SERVICE, C.PROFESSIONAL, intro="金融、信保、第三方、境外安全、跨境商务与人才服务。", service_url="/consultation/ask/", service_label="在线咨询", children=[
        Col("金融服务", "finance", K.SERVICE, C.FINANCIAL),
        Col("信保服务", "credit-insurance", K.SERVICE, C.FINANCIAL),
        Col("第三方服务", "third-party", K.SERVICE, C.PROFESSIONAL),
        Col("境外安全服务", "security-services", K.SERVICE, C.PROFESSIONAL),
        Col("跨境商务服务", "cross-border", K.SERVICE, C.PROFESSIONAL),
        Col("专业人才服务", "talent", K.SERVICE, C.PROFESSIONAL, service_url="/experts/", service_label="查找专家"),
    ]),
    Col("湘企风采", "showcase", K.NEWS, intro="湖南企业走出去的新进展、新成果。", children=[
        Col("湘企动态", "enterprise-news", K.NEWS),
    ]),
]

# Top-level order on the site: 信息资讯 公共服务 国别信息 中非合作 经贸对接 专业服务 湘企风采 市州专区
COUNTRY_INDEX = ("国别信息", "countries", 2)
CITY_INDEX = ("市州专区", "cities", 7)
CONTINENTS = [
    ("asia", "亚洲"),
    ("africa", "非洲"),
    ("europe", "欧洲"),
    ("americas", "美洲"),
    ("oceania", "大洋洲"),
    ("other", "其他地区"),
]
FINANCE_COLUMN_SLUGS = ["finance", "credit-insurance", "tax-guides", "aid-loans"]

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
STEPLEN = 4


def _step(n: int) -> str:
    out = ""
    while n:
        n, r = divmod(n, len(ALPHABET))
        out = ALPHABET[r] + out
    return out.rjust(STEPLEN, "0")


class TreeBuilder:
    """Adds pages below existing ones by writing the tree columns (path, depth, numchild) itself."""

    def __init__(self, apps):
        self.apps = apps
        self.Page = apps.get_model("wagtailcore", "Page")
        self.ContentType = apps.get_model("contenttypes", "ContentType")
        self.now = timezone.now()
        self._types = {}
        self.created = 0

    def content_type(self, model):
        key = model._meta.model_name
        if key not in self._types:
            self._types[key] = self.ContentType.objects.get_or_create(app_label=model._meta.app_label, model=key)[0]
        return self._types[key]

    def children_by_slug(self, parent):
        return {p.slug: p for p in self.Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)}

    def add(self, parent, model, *, title, slug, show_in_menus=False, **fields):
        last = self.Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1).order_by("-path").values_list("path", flat=True).first()
        step = int(last[-STEPLEN:], len(ALPHABET)) + 1 if last else 1
        page = model(
            title=title,
            draft_title=title,
            slug=slug,
            path=parent.path + _step(step),
            depth=parent.depth + 1,
            numchild=0,
            url_path=f"{parent.url_path}{slug}/",
            content_type=self.content_type(model),
            locale_id=parent.locale_id,
            live=True,
            has_unpublished_changes=False,
            first_published_at=self.now,
            last_published_at=self.now,
            show_in_menus=show_in_menus,
            **fields,
        )
        # Model.save_base skips Wagtail's Page.save (which expects a parent found through
        # treebeard); the tree columns are already correct here.
        page.save_base(raw=False)
        self.Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + 1)
        parent.numchild += 1
        self.created += 1
        return page

    def ensure(self, parent, model, *, title, slug, existing=None, **fields):
        existing = self.children_by_slug(parent) if existing is None else existing
        if slug in existing:
            return existing[slug]
        page = self.add(parent, model, title=title, slug=slug, **fields)
        existing[slug] = page
        return page


def service_sections() -> dict[str, str]:
    """``{"/matching/": "trade", …}``: which top-level column each service's URL prefix belongs to.

    The main menu marks that column while the visitor is inside the service (a Django view, not a
    page of the tree). The first column to front a prefix wins.
    """
    sections = {}
    for top in COLUMNS:
        for url, _ in service_links([top]).values():
            prefix = "/" + url.strip("/").split("/")[0] + "/"
            sections.setdefault(prefix, top.slug)
    return sections


def service_links(columns=None):
    """``{slug: (service_url, service_label)}`` of every column that fronts one of the platform's services."""
    links = {}
    for col in COLUMNS if columns is None else columns:
        if col.service_url:
            links[col.slug] = (col.service_url, col.service_label)
        links.update(service_links(col.children))
    return links


def _column_fields(col: Col) -> dict:
    return {
        "intro": f"<p>{col.intro}</p>" if col.intro else "",
        "default_kind": col.kind,
        "info_class": col.info_class,
        "filterable": col.filterable,
        "service_url": col.service_url,
        "service_label": col.service_label,
    }


def _ensure_columns(builder, parent, columns, model):
    existing = builder.children_by_slug(parent)
    for col in columns:
        page = builder.ensure(parent, model, title=col.title, slug=col.slug, existing=existing, **_column_fields(col))
        if col.children:
            _ensure_columns(builder, page, col.children, model)


def ensure_tree(apps) -> int:
    """Create the missing parts of the column tree below the home page; returns pages created."""
    HomePage = apps.get_model("portal", "HomePage")
    home = HomePage.objects.order_by("path").first()
    if home is None:
        return 0
    builder = TreeBuilder(apps)
    models = {name: apps.get_model("portal", name) for name in ("ColumnPage", "CountryIndexPage", "ContinentPage", "CountryPage", "CityZoneIndexPage", "CityZonePage")}
    existing = builder.children_by_slug(home)
    for position, col in enumerate(COLUMNS):
        if position == COUNTRY_INDEX[2]:
            _ensure_country_index(builder, home, models, existing)
        page = builder.ensure(home, models["ColumnPage"], title=col.title, slug=col.slug, existing=existing, show_in_menus=True, **_column_fields(col))
        if col.children:
            _ensure_columns(builder, page, col.children, models["ColumnPage"])
    _ensure_city_zones(builder, home, models, existing)
    return builder.created


def _ensure_country_index(builder, home, models, existing):
    title, slug, _ = COUNTRY_INDEX
    index = builder.ensure(home, models["CountryIndexPage"], title=title, slug=slug, existing=existing, show_in_menus=True, intro="<p>按大洲浏览各国(地区)概况、市场动态、营商环境、政策法规与商旅服务。</p>")
    Country = builder.apps.get_model("taxonomy", "Country")
    by_continent = {}
    for country in Country.objects.order_by("name_en"):
        by_continent.setdefault(country.continent, []).append(country)
    continents = builder.children_by_slug(index)
    have_pages = set(models["CountryPage"].objects.values_list("country_id", flat=True))
    for code, name in CONTINENTS:
        countries = by_continent.get(code, [])
        if not countries:
            continue
        continent = builder.ensure(index, models["ContinentPage"], title=name, slug=code, existing=continents, continent=code)
        for country in countries:
            if country.code in have_pages:
                continue
            builder.add(continent, models["CountryPage"], title=country.name_zh, slug=country.code.lower(), country_id=country.code)


def _ensure_city_zones(builder, home, models, existing):
    title, slug, _ = CITY_INDEX
    index = builder.ensure(home, models["CityZoneIndexPage"], title=title, slug=slug, existing=existing, show_in_menus=True, intro="<p>全省 14 个市州的对外经贸动态、通知公告、活动与企业。</p>")
    from taxonomy.cities import City

    zones = builder.children_by_slug(index)
    for city in City:
        builder.ensure(index, models["CityZonePage"], title=city.label, slug=city.value, existing=zones, city=city.value, bureau_name=f"{city.label}商务局")
