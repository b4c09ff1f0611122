"""Reading countries the one way every picker and list shows them.

One order everywhere: by the pinyin of the Chinese name on Chinese pages, alphabetically by
the English name on English pages. Pickers for business abroad offer host countries, which
leave out the home country (China); the platform has no picker where a home country is meant.
"""

from functools import lru_cache

from django.utils.translation import get_language

from taxonomy import country_names
from taxonomy.models import Country

HOME_COUNTRY = "CN"


def _english() -> bool:
    return (get_language() or "").startswith("en")


def country_ordering(prefix: str = "") -> list[str]:
    """``order_by`` arguments for the active language; ``prefix`` for a related model (``"country__"``)."""
    return [f"{prefix}sort_en" if _english() else f"{prefix}sort_zh", f"{prefix}code"]


def ordered(queryset, prefix: str = ""):
    """``queryset`` (of countries, or of rows with a country when ``prefix`` is given) in the one order."""
    return queryset.order_by(*country_ordering(prefix))


def countries(*, hosts: bool = False, continent: str | None = None):
    """All countries in the one order; ``hosts=True`` leaves out China (destinations abroad)."""
    queryset = Country.objects.all()
    if hosts:
        queryset = queryset.exclude(code=HOME_COUNTRY)
    if continent:
        queryset = queryset.filter(continent=continent)
    return ordered(queryset)


def host_countries(**filters):
    """Countries and regions an enterprise does business in abroad: all but China, in the one order."""
    return countries(hosts=True, **filters)


def host_country_choices(*, continent: str | None = None) -> list[tuple[str, str]]:
    """``(code, name in the active language)`` of the host countries, for code-valued fields."""
    return [(c.code, c.display_name) for c in host_countries(continent=continent).only("code", "name_zh", "name_en")]


@lru_cache(maxsize=1)
def _search_terms() -> dict[str, str]:
    from taxonomy.loading import country_rows

    return {row["code"]: country_names.search_terms(row["name_zh"], row["name_en"], row["code"]) for row in country_rows()}


def country_search_terms(code: str) -> str:
    """What a searchable country picker matches besides the label (pinyin, initials, both names, code)."""
    return _search_terms().get(code, "")
