"""Reads: site search, related reading, popular queries, suggestions as you type.

Everything here reads the index, and the index only ever holds what the public may see (see
``search.registry``); expiry is also checked at query time, so an article whose date has passed
disappears at once even before the expiry job removes it.
"""

from datetime import timedelta

from django.core.cache import cache
from django.db.models import Count, Max
from django.utils import timezone

from search import ranking, registry
from search.chinese_text import is_cjk
from search.documents import build_row, facet_token
from search.engine import Searcher, SearchFilters, SearchResults
from search.index import statistics
from search.models import QueryLog, SearchDocument
from search.query import Alt, Concept, ParsedQuery

RELATED_TERMS = 10
POPULAR_CACHE_KEY = "sitesearch:popular"


def search(text: str, filters: SearchFilters | None = None, *, sort: str = "relevance", using: str = "default") -> SearchResults:
    """Search the public index; results are ranked (or newest first with ``sort="date"``)."""
    return Searcher(using).search(text, filters, sort=sort)


# ---------------------------------------------------------------------------
# 相关阅读
# ---------------------------------------------------------------------------
def _related_terms(row, using) -> list[str]:
    title = [t for t in row.title_tokens.split() if len(t) > 1 or not is_cjk(t)]
    body = [t for t in row.body_tokens.split() if len(t) > 1]
    stats = ranking.Stats.from_counts(statistics(set(title) | set(body), using=using))
    weight = {}
    for token in body:
        weight[token] = weight.get(token, 0) + 1
    for token in title:
        weight[token] = weight.get(token, 0) + 3
    ranked = sorted(weight, key=lambda t: (-weight[t] * stats.idf(t), t))
    return [t for t in ranked if stats.df.get(t, 0) > 1][:RELATED_TERMS]


def related(obj, limit: int = 5, using: str = "default") -> list[SearchDocument]:
    """Published, unexpired items most like ``obj``: shared words, countries, industries, column."""
    kind = registry.kind_for(obj)
    if kind is None:
        return []
    doc = kind.build(obj)
    if doc is None:  # nothing the public may read (an FAQ entry without a public answer)
        return []
    row = build_row(doc)
    terms = _related_terms(row, using)
    parsed = ParsedQuery(raw="", normalized="", concepts=[Concept(t, [Alt("words", (t,), 1.0, t)], required=False) for t in terms])
    searcher = Searcher(using, candidates=200)
    today = timezone.localdate()
    ids = []
    if parsed.concepts:
        ids, _, _ = searcher.tiered_ids(parsed, SearchFilters(), today)
    for code in doc.countries[:3]:
        ids += searcher._ids(searcher.backend.compile_match([], facets=[facet_token("ctry", code)]), *_unexpired(today), 30)
    rows = [r for r in searcher.fetch(list(dict.fromkeys(ids))) if (r.kind, r.object_id) != doc.key]
    if not rows:
        return []
    stats = ranking.Stats.from_counts(statistics(terms, using=using))
    weights = ranking.concept_weights(parsed, stats) if parsed.concepts else []
    text_scores = {r.pk: ranking.score(parsed, r, stats, weights) if weights else 0.0 for r in rows}
    top = max(text_scores.values()) or 1.0
    countries, industries = set(doc.countries), set(doc.industries)

    def closeness(r):
        value = text_scores[r.pk] / top
        value += 0.25 * bool(countries & set(r.countries.split()))
        value += 0.15 * bool(industries & set(r.industries.split()))
        value += 0.1 * (bool(doc.column) and r.column == doc.column)
        return value

    rows.sort(key=lambda r: (-closeness(r), -r.date.toordinal(), r.pk))
    return rows[:limit]


def _unexpired(today):
    return "(d.expires_at IS NULL OR d.expires_at >= %s)", [today]


# ---------------------------------------------------------------------------
# Popular queries and suggestions
# ---------------------------------------------------------------------------
def popular_queries(limit: int = 10, days: int = 30) -> list[str]:
    """What people searched for most in the last ``days`` days and found something (cached 5 min)."""
    cached = cache.get(POPULAR_CACHE_KEY)
    if cached is None:
        since = timezone.now() - timedelta(days=days)
        rows = (
            QueryLog.objects.filter(created_at__gte=since, results__gt=0)
            .exclude(normalized="")
            .values("normalized")
            .annotate(n=Count("id"))
            .order_by("-n", "normalized")[:50]
        )
        cached = [r["normalized"] for r in rows]
        cache.set(POPULAR_CACHE_KEY, cached, 300)
    return cached[:limit]


def popular_query_counts(days: int = 30, limit: int = 50):
    """Most frequent queries that found something, with counts (the operators' report)."""
    since = timezone.now() - timedelta(days=days)
    return list(
        QueryLog.objects.filter(created_at__gte=since, results__gt=0)
        .exclude(normalized="")
        .values("normalized")
        .annotate(n=Count("id"))
        .order_by("-n", "normalized")[:limit]
    )


def no_result_queries(days: int = 30, limit: int = 100):
    """Queries that found nothing, most frequent first, for operators (with how often and when last)."""
    since = timezone.now() - timedelta(days=days)
    return (
        QueryLog.objects.filter(created_at__gte=since, results=0)
        .values("normalized")
        .annotate(n=Count("id"), last=Max("created_at"))
        .order_by("-n", "-last")[:limit]
    )


def suggestions(prefix: str, limit: int = 8) -> dict:
    """As-you-type suggestions: popular queries starting with what was typed, then matching titles."""
    from search.chinese_text import normalize

    typed = normalize(prefix)
    if not typed:
        return {"queries": popular_queries(5), "documents": [], "typed": ""}
    queries = [q for q in popular_queries(50) if q.startswith(typed) and q != typed][:3]
    hits = search(prefix).hits[: limit - len(queries)]
    return {"queries": queries, "documents": [h.doc for h in hits], "typed": typed}
