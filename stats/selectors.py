"""Statistics computed from filed projects (never typed in twice).

A statistic is a ``Dimension`` (what to group by) applied to the filed filings a user may
see: each dimension is one ``GROUP BY`` query returning the number of projects, the number
of distinct enterprises and the sum of the USD amounts.
"""

import hashlib
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.db.models import Case, CharField, Count, F, Max, Sum, Value, When
from django.db.models.functions import ExtractYear, TruncMonth
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from accounts.models import Ownership
from accounts.roles import bureau_city_of
from filings.models import Filing, Kind, State
from filings.selectors import is_department
from taxonomy.cities import Jurisdiction
from taxonomy.models import Continent

# The SPEC reports North America separately from the rest of the Americas.
NORTH_AMERICA = ["US", "CA", "MX", "GL", "BM", "PM"]
REGION_LABELS = {
    Continent.ASIA: gettext_lazy("亚洲"),
    "north_america": gettext_lazy("北美洲"),
    "latin_america": gettext_lazy("拉丁美洲"),
    Continent.EUROPE: gettext_lazy("欧洲"),
    Continent.AFRICA: gettext_lazy("非洲"),
    Continent.OCEANIA: gettext_lazy("大洋洲"),
    Continent.OTHER: gettext_lazy("其他"),
}
OWNERSHIP_LABELS = {Ownership.STATE: gettext_lazy("国有企业"), "private": gettext_lazy("民营及其他")}


def region_expression():
    return Case(
        When(country__continent=Continent.AMERICAS, country__code__in=NORTH_AMERICA, then=Value("north_america")),
        When(country__continent=Continent.AMERICAS, then=Value("latin_america")),
        default=F("country__continent"),
        output_field=CharField(),
    )


def ownership_expression():
    """State-owned versus the rest (the SPEC's 13.3 % / 86.7 % split)."""
    return Case(When(ownership=Ownership.STATE, then=Value("state")), default=Value("private"), output_field=CharField())


@dataclass(frozen=True)
class Dimension:
    name: str
    label: str  # "by month": sheet and table titles
    column: str  # "month": the heading of the column of keys
    key: Any  # field name or expression
    labels: dict = field(default_factory=dict)
    extra: tuple = ()  # other values to fetch: the name in Chinese, then in English if there is one
    order_by_key: bool = False


DIMENSIONS = {
    d.name: d
    for d in [
        Dimension("month", gettext_lazy("按月"), gettext_lazy("月"), TruncMonth("filed_at"), order_by_key=True),
        Dimension("year", gettext_lazy("按年"), gettext_lazy("年"), ExtractYear("filed_at"), order_by_key=True),
        Dimension("city", gettext_lazy("按市州"), gettext_lazy("市州"), F("jurisdiction"), labels=dict(Jurisdiction.choices)),
        Dimension("continent", gettext_lazy("按大洲"), gettext_lazy("大洲"), region_expression(), labels=REGION_LABELS),
        Dimension("country", gettext_lazy("按国家(地区)"), gettext_lazy("国家(地区)"), F("country_id"), extra=("country__name_zh", "country__name_en")),
        Dimension("industry", gettext_lazy("按行业"), gettext_lazy("行业"), F("industry_id"), extra=("industry__name_zh",)),
        Dimension("ownership", gettext_lazy("按企业性质"), gettext_lazy("企业性质"), ownership_expression(), labels=OWNERSHIP_LABELS),
        Dimension("kind", gettext_lazy("按项目类型"), gettext_lazy("项目类型"), F("kind"), labels=dict(Kind.choices)),
    ]
}


def statistics_scope(user):
    """Filed projects ``user`` may count: the department all, a city bureau its own city."""
    if is_department(user):
        return Filing.objects.filter(state=State.FILED)
    city = bureau_city_of(user) if user.is_authenticated else None
    if city is None:
        raise PermissionDenied(_("统计服务仅向省商务厅和市州商务局开放"))
    return Filing.objects.filter(state=State.FILED, jurisdiction=city)


def public_scope():
    """Every filed project, for the public page (which shows aggregates only)."""
    return Filing.objects.filter(state=State.FILED)


def apply_filters(qs, *, year=None, kind=None, city=None):
    if year:
        qs = qs.filter(filed_at__year=int(year))
    if kind:
        qs = qs.filter(kind=kind)
    if city:
        qs = qs.filter(jurisdiction=city)
    return qs


def totals(qs) -> dict:
    """Projects, enterprises and USD total of ``qs`` (one query)."""
    row = qs.aggregate(filings=Count("id"), enterprises=Count("organization", distinct=True), amount_usd=Sum("amount_usd"))
    row["amount_usd"] = row["amount_usd"] or 0
    return row


def _english() -> bool:
    return (get_language() or "").startswith("en")


def _name(row, extra) -> str:
    """The English name on English pages when the dimension has one, the Chinese name otherwise."""
    return row[extra[1]] if len(extra) > 1 and _english() and row[extra[1]] else row[extra[0]]


def summarize(qs, dimension: str) -> list[dict]:
    """Rows ``{key, label, filings, enterprises, amount_usd, share}`` for one dimension (one query).

    ``share`` is the row's fraction of enterprises when grouping by enterprise attributes
    (city, ownership) and of projects otherwise, matching how the department reports them.
    """
    dim = DIMENSIONS[dimension]
    rows = list(
        qs.annotate(k=dim.key)
        .values("k", *dim.extra)
        .annotate(filings=Count("id"), enterprises=Count("organization", distinct=True), amount_usd=Sum("amount_usd"))
        .order_by()
    )
    result = []
    for row in rows:
        key = row["k"]
        if dimension == "month":
            key = key.strftime("%Y-%m") if key else ""
        label = _name(row, dim.extra) if dim.extra else str(dim.labels.get(key, key))
        result.append({"key": key, "label": label, "filings": row["filings"], "enterprises": row["enterprises"], "amount_usd": row["amount_usd"] or 0})
    if dim.order_by_key:
        result.sort(key=lambda r: r["key"])
    else:
        result.sort(key=lambda r: (-r["filings"], str(r["key"])))
    base = "enterprises" if dimension in ("city", "ownership") else "filings"
    total = sum(r[base] for r in result)
    for r in result:
        r["share"] = r[base] / total if total else 0
    return result


def computed(qs, dimensions) -> dict:
    """``{"totals": …, "tables": {dimension: rows}}`` for ``qs``, cached until any filing changes.

    The cache key includes the newest ``Filing.updated_at`` (an index lookup), so a filing
    filed, cancelled or changed anywhere — by any process — is counted on the next request;
    ``STATS_CACHE_SECONDS`` bounds how long a result may live at all.
    """
    version = Filing.objects.aggregate(v=Max("updated_at"))["v"]
    # Labels are computed in the page's language, so each language has its own entry.
    digest = hashlib.sha256(f"{qs.query}|{version}|{','.join(dimensions)}|{get_language()}".encode()).hexdigest()
    key = f"stats:{digest}"
    result = cache.get(key)
    if result is None:
        result = {"totals": totals(qs), "tables": {name: summarize(qs, name) for name in dimensions}}
        cache.set(key, result, settings.STATS_CACHE_SECONDS)
    return result
