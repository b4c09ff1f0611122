"""Reads of the portal: what a visitor may see, and the data each page type shows.

Every public list starts from ``visible_articles()`` (live, public, unexpired), so listings, the
home page, country pages, city zones and feeds cannot disagree about what is visible. Each
function issues a fixed number of queries whatever the number of articles (tests assert it).
"""

from django.apps import apps
from django.core.paginator import Paginator
from django.db.models import Count, F, Q, Window, prefetch_related_objects
from django.db.models.functions import RowNumber, Substr
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from accounts.models import CertificationStatus, Organization, OrgKind
from portal.models import ArticleKind, ArticlePage, CityZonePage, ColumnPage, ContinentPage, CountryPage
from taxonomy.models import Continent, Country, Industry
from taxonomy.selectors import country_ordering, host_countries

PAGE_SIZE = 15
STEPLEN = 4
LIST_FIELDS = (
    "id",
    "title",
    "slug",
    "url_path",
    "path",
    "depth",
    "content_type_id",
    "locale_id",
    "date",
    "kind",
    "info_class",
    "summary",
    "source",
    "doc_number",
    "expires_at",
    "content_expired",
    "city",
)


def visible_articles():
    """Articles anyone may see: live, not behind a view restriction, not expired."""
    return ArticlePage.objects.visible()


def articles_under(page):
    return visible_articles().descendant_of(page)


def newest(queryset):
    return queryset.order_by("-date", "-page_ptr_id")


def related_candidates(article, limit=50):
    """Visible articles sharing a country, an industry or the column with ``article`` (newest first).

    A starting set for "相关阅读": the search app ranks them by text similarity.
    """
    countries = list(article.countries.values_list("pk", flat=True))
    industries = list(article.industries.values_list("pk", flat=True))
    parent_path = article.path[: -STEPLEN]
    shared = Q(path__startswith=parent_path, depth=article.depth)
    if countries:
        shared |= Q(countries__in=countries)
    if industries:
        shared |= Q(industries__in=industries)
    ids = newest(visible_articles().filter(shared).exclude(pk=article.pk)).values_list("pk", flat=True).distinct()[:limit]
    return newest(ArticlePage.objects.filter(pk__in=list(ids)).only(*LIST_FIELDS))


def _top_n_per(queryset, partition, n):
    """The newest ``n`` rows of each partition, in one query (a window function)."""
    ranked = queryset.annotate(
        _rank=Window(RowNumber(), partition_by=[partition], order_by=[F("date").desc(), F("page_ptr_id").desc()])
    )
    return ranked.filter(_rank__lte=n).only(*LIST_FIELDS)


# ---------------------------------------------------------------------------
# Home page
# ---------------------------------------------------------------------------
QUICK_ENTRIES = [
    (_("项目备案"), "filings:mine", _("境外投资、承包工程、劳务合作项目在线报送")),
    (_("办事指南"), "guides:index", _("各项业务的办理流程与材料")),
    (_("外派劳务"), "labour:mine", _("外派劳务备案与人员名单")),
    (_("在线咨询"), "consultation:ask", _("政策、金融、法律问题在线提问")),
    (_("专家库"), "experts:list", _("按领域找专家")),
    (_("统计服务"), "stats:public", _("对外投资合作统计数据")),
    (_("对外援助"), "aid:index", _("援外项目与培训展示")),
    (_("境外机构"), "overseas:list", _("境外商会、代表处与合作园区")),
    (_("企业档案"), "archive:mine", _("本企业全部业务进度一览")),
]
HOME_KINDS = {
    "notices": [ArticleKind.NOTICE],
    "policies": [ArticleKind.POLICY, ArticleKind.INTERPRETATION],
    "events": [ArticleKind.EVENT],
    "risks": [ArticleKind.RISK],
}


def upcoming_events(limit=5, city_code=None):
    """Upcoming events of the ``events`` app when it is installed (the portal works without it)."""
    if not apps.is_installed("events"):
        return []
    from events.selectors import upcoming_events as events_upcoming

    return events_upcoming(limit=limit, city_code=city_code)


def quick_entries():
    entries = []
    for label, name, hint in QUICK_ENTRIES:
        try:
            entries.append({"label": label, "url": reverse(name), "hint": hint})
        except NoReverseMatch:
            continue  # that capability is not installed in this deployment
    return entries


def home_blocks(home):
    """Everything the home page shows, in six queries."""
    provincial = articles_under(home).filter(city="")  # city-zone news stays in its zone
    kinds = [k for group in HOME_KINDS.values() for k in group]
    by_kind = {}
    for article in newest(_top_n_per(provincial.filter(kind__in=kinds), F("kind"), 8)):
        by_kind.setdefault(article.kind, []).append(article)
    blocks = {
        name: sorted((a for k in group for a in by_kind.get(k, [])), key=lambda a: (a.date, a.pk), reverse=True)[:8]
        for name, group in HOME_KINDS.items()
    }
    blocks["risks"] = blocks["risks"][:5]
    columns = list(ColumnPage.objects.live().child_of(home).order_by("path").only("id", "title", "slug", "url_path", "path", "depth", "content_type_id", "locale_id"))
    top_len = home.path.__len__() + STEPLEN
    latest = {}
    for article in newest(_top_n_per(provincial, Substr("path", 1, top_len), 6)):
        latest.setdefault(article.path[:top_len], []).append(article)
    column_blocks = [{"column": c, "articles": latest.get(c.path, [])} for c in columns]
    return {
        **blocks,
        "column_blocks": column_blocks,
        "upcoming_events": upcoming_events(limit=5),
        "quick_entries": quick_entries(),
        "continents": featured_countries(),
        "zones": list(CityZonePage.objects.live().order_by("path").only("id", "title", "url_path", "path", "depth", "content_type_id", "locale_id", "city")),
    }


def featured_countries(per_continent=12):
    """Country pages with facts filled in, grouped by continent (for the home page's country entry)."""
    pages = (
        CountryPage.objects.live()
        .exclude(capital="")
        .select_related("country")
        .order_by("country__continent", *country_ordering("country__"))
        .only("id", "title", "url_path", "path", "depth", "content_type_id", "locale_id", "country__continent", "country__name_zh", "country__name_en", "country__code")
    )
    grouped = {}
    for page in pages:
        grouped.setdefault(page.country.continent, []).append(page)
    return [{"code": code, "label": label, "pages": grouped[code][:per_continent]} for code, label in Continent.choices if code in grouped]


# ---------------------------------------------------------------------------
# Columns
# ---------------------------------------------------------------------------
def filter_choices():
    return {"countries": list(host_countries().only("code", "name_zh", "name_en")), "industries": list(Industry.objects.all())}


def column_nav(column):
    """The top-level column above ``column`` and its sub-columns two levels down, as a nested list."""
    top_path = column.path[: 3 * STEPLEN]
    pages = list(
        ColumnPage.objects.live()
        .filter(path__startswith=top_path, depth__lte=3 + 2)
        .order_by("path")
        .only("id", "title", "url_path", "path", "depth", "content_type_id", "locale_id")
    )
    if not pages:
        return None
    top, children = pages[0], {}
    for page in pages[1:]:
        children.setdefault(page.path[: -STEPLEN], []).append(page)
    return {
        "top": top,
        "items": [{"page": p, "children": children.get(p.path, [])} for p in children.get(top.path, [])],
        "current_path": column.path,
    }


def apply_filters(queryset, params, *, filterable=True):
    """Filter by ``country`` and ``industry`` codes; unknown codes are ignored and reported back."""
    selected = {"country": "", "industry": ""}
    if not filterable:
        return queryset, selected
    country = params.get("country", "").strip().upper()
    industry = params.get("industry", "").strip().upper()
    if country and Country.objects.filter(pk=country).exists():
        queryset = queryset.filter(countries=country)
        selected["country"] = country
    if industry and Industry.objects.filter(pk=industry).exists():
        queryset = queryset.filter(industries=industry)
        selected["industry"] = industry
    return queryset, selected


def paginate(queryset, params, size=PAGE_SIZE):
    page_obj = Paginator(queryset, size).get_page(params.get("page"))
    articles = list(page_obj.object_list)
    prefetch_related_objects(articles, "countries")
    page_obj.object_list = articles
    return page_obj


def column_context(column, request):
    queryset, selected = apply_filters(articles_under(column), request.GET, filterable=column.filterable)
    page_obj = paginate(newest(queryset.only(*LIST_FIELDS)), request.GET)
    # The filter bar is a cached fragment (column_page.html); its choices are read only on a miss.
    return {"page_obj": page_obj, "articles": page_obj.object_list, "selected": selected, "nav": column_nav(column), "filter_choices": filter_choices}


# ---------------------------------------------------------------------------
# Countries
# ---------------------------------------------------------------------------
def _article_counts_by_country():
    through = ArticlePage.countries.through
    visible_ids = visible_articles().values("pk")
    return dict(through.objects.filter(articlepage_id__in=visible_ids).values_list("country_id").annotate(n=Count("id")).values_list("country_id", "n"))


def countries_by_continent(index):
    """Continent pages, each with its country pages and how many visible articles mention each."""
    continents = list(ContinentPage.objects.live().child_of(index).order_by("path"))
    pages = (
        CountryPage.objects.live()
        .descendant_of(index)
        .select_related("country")
        .order_by(*country_ordering("country__"))
        .only("id", "title", "url_path", "path", "depth", "content_type_id", "locale_id", "capital", "country__code", "country__name_zh", "country__name_en", "country__continent")
    )
    counts = _article_counts_by_country()
    grouped = {}
    for page in pages:
        page.article_count = counts.get(page.country_id, 0)
        grouped.setdefault(page.path[: -STEPLEN], []).append(page)
    return [{"page": c, "countries": grouped.get(c.path, [])} for c in continents]


def countries_of_continent(continent):
    pages = list(
        CountryPage.objects.live()
        .child_of(continent)
        .select_related("country")
        .order_by(*country_ordering("country__"))
        .only("id", "title", "url_path", "path", "depth", "content_type_id", "locale_id", "capital", "population", "country__code", "country__name_zh", "country__name_en")
    )
    counts = _article_counts_by_country()
    for page in pages:
        page.article_count = counts.get(page.country_id, 0)
    return pages


# ---------------------------------------------------------------------------
# City zones
# ---------------------------------------------------------------------------
ZONE_BLOCKS = [("news", _("市州动态"), [ArticleKind.NEWS, ArticleKind.CASE, ArticleKind.REPORT]), ("notices", _("通知公告"), [ArticleKind.NOTICE, ArticleKind.POLICY, ArticleKind.INTERPRETATION]), ("events", pgettext_lazy("city zone block", "活动"), [ArticleKind.EVENT, ArticleKind.PROJECT])]


def city_zone_overview(index):
    zones = list(CityZonePage.objects.live().child_of(index).order_by("path"))
    counts = dict(visible_articles().filter(city__gt="").values_list("city").annotate(n=Count("page_ptr_id")).values_list("city", "n"))
    for zone in zones:
        zone.article_count = counts.get(zone.city, 0)
    return zones


def city_enterprises(city, limit=12):
    return list(
        Organization.objects.filter(kind=OrgKind.ENTERPRISE, jurisdiction=city, status=CertificationStatus.CERTIFIED)
        .order_by("name")
        .only("id", "name", "jurisdiction")[:limit]
    )


def city_zone_context(zone, request):
    articles = articles_under(zone)
    block = request.GET.get("list", "")
    blocks = {name: (label, kinds) for name, label, kinds in ZONE_BLOCKS}
    if block in blocks:
        page_obj = paginate(newest(articles.filter(kind__in=blocks[block][1]).only(*LIST_FIELDS)), request.GET)
        return {"list_name": block, "list_label": blocks[block][0], "page_obj": page_obj, "articles": page_obj.object_list}
    by_block = {name: [] for name in blocks}
    kind_to_block = {k: name for name, (_label, kinds) in blocks.items() for k in kinds}
    ranked = _top_n_per(articles, F("kind"), 6)
    for article in newest(ranked):
        name = kind_to_block.get(article.kind)
        if name and len(by_block[name]) < 6:
            by_block[name].append(article)
    return {
        "zone_blocks": [{"name": n, "label": blocks[n][0], "articles": by_block[n]} for n in blocks],
        "enterprises": city_enterprises(zone.city),
        "upcoming_events": upcoming_events(limit=5, city_code=zone.city),
    }
