"""Public search pages: results (works without JavaScript) and suggestions as you type.

Both are open to everyone: they only ever show what the public index holds.
"""

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from portal.templatetags.portal_tags import chinese_content
from search import registry, selectors, services
from search.engine import SearchFilters, add_snippets
from search.forms import SearchForm
from search.spelling import did_you_mean
from taxonomy.cities import City
from taxonomy.models import Country, Industry

PER_PAGE = 10
FILTER_FIELDS = ("kind", "column", "country", "industry", "city", "date_from", "date_to", "sort")
FACET_GROUPS = [("kind", _("类型")), ("column", _("栏目")), ("country", _("国家(地区)")), ("industry", _("行业")), ("city", _("市州"))]


def _filters(data) -> SearchFilters:
    return SearchFilters(
        kind=data.get("kind") or "",
        column=data.get("column") or "",
        country=data.get("country") or "",
        industry=data.get("industry") or "",
        city=data.get("city") or "",
        date_from=data.get("date_from"),
        date_to=data.get("date_to"),
    )


def _facet_options(results) -> dict:
    """Facet values among the results, with counts and labels, for the filter sidebar."""
    counts = results.facets
    kinds = registry.labels()
    countries = {c.code: c.display_name for c in Country.objects.filter(code__in=list(counts.get("country", {})))}
    industries = dict(Industry.objects.values_list("code", "name_zh"))
    cities = dict(City.choices)
    return {
        "kind": [(k, kinds.get(k, k), n) for k, n in counts.get("kind", {}).most_common()],
        "column": [(c, chinese_content(c), n) for c, n in counts.get("column", {}).most_common(12)],
        "country": [(c, countries.get(c, c), n) for c, n in counts.get("country", {}).most_common(12)],
        "industry": [(c, chinese_content(industries.get(c, c)), n) for c, n in counts.get("industry", {}).most_common(10)],
        "city": [(c, chinese_content(cities.get(c, c)), n) for c, n in counts.get("city", {}).most_common()],
    }


@require_GET
def search(request):
    """Public: anyone may search the public index."""
    form = SearchForm(request.GET or None)
    context = {
        "form": form,
        "query": "",
        "popular": selectors.popular_queries(10),
        "kind_labels": registry.labels(),
        "facet_groups": FACET_GROUPS,
        # The big search box keeps the filters when a new query is typed.
        "carried": [(name, request.GET[name]) for name in FILTER_FIELDS if request.GET.get(name)],
    }
    if not form.is_bound or not form.is_valid():
        return TemplateResponse(request, "search/search.html", context)
    data = form.cleaned_data
    query, filters = data["q"].strip(), _filters(data)
    sort = data.get("sort") or "relevance"
    results = selectors.search(query, filters, sort=sort)
    # Only punctuation, operators or words such as 的/和/OR: nothing to look for, which the page
    # says instead of reporting "nothing found" (and the operators' report does not list it).
    unsearchable = bool(query) and results.query.is_empty
    page_obj = Paginator(results.hits, PER_PAGE).get_page(request.GET.get("page"))
    add_snippets(page_obj.object_list, results.query)
    if query and not unsearchable and page_obj.number == 1:
        # Partial matches do not count: the operators' zero-result report lists such queries too.
        services.log_query(query, results.complete, filtered=filters.is_active)
    params = request.GET.copy()
    params.pop("page", None)
    context.update(
        query=query,
        results=results,
        page_obj=page_obj,
        facets=_facet_options(results),
        filters=filters,
        sort=sort,
        suggestion=did_you_mean(query) if query and not unsearchable and not results.complete else None,
        querystring=params.urlencode(),
        searched=filters.is_active or (bool(query) and not unsearchable),
        unsearchable=unsearchable,
    )
    return TemplateResponse(request, "search/search.html", context)


@require_GET
def suggest(request):
    """Public: popular queries and matching titles for what is being typed (an htmx fragment)."""
    typed = request.GET.get("q", "")[:100]
    return TemplateResponse(request, "search/_suggestions.html", selectors.suggestions(typed))
