"""Answering a query: candidates from the database, ranking, facet counts and snippets.

Candidates come in tiers, each a single indexed query returning ids newest first:

1. documents matching every required concept (up to ``CANDIDATES``);
2. when that tier is full (a frequent word in a large index), also the newest documents with the
   words in the *title*, so strong matches are never crowded out by recency alone;
3. when it is not full and the query has several concepts, documents matching any of them —
   ranked below the complete matches by the coverage factor;
4. when all that still leaves the first page short, *partial matches*: documents with some of
   the words the query's terms are made of (中欧班列 → 班列), listed after everything else and
   marked as such on the results page (``search.query.relaxed``).

Then ``search.ranking`` orders them. On an index where a query matches fewer than
``CANDIDATES`` documents — every query of the evaluation set — this is exact BM25F ranking.
"""

import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from django.db import connections
from django.utils import timezone

from search import planning, ranking
from search.backends import backend_for
from search.documents import facet_token, month_facet
from search.index import newest_date, statistics
from search.query import ParsedQuery, alt_grams, holds_enough, parse, relaxed
from search.snippets import snippet

CANDIDATES = 400
# Partial matches are added only while there are fewer results than this (one results page).
FILL_TO = 10
RANK_FIELDS = (
    "id", "kind", "object_id", "url", "title", "title_norm", "column", "countries", "industries", "city", "date",
    "expires_at", "title_tokens", "body_tokens", "title_len", "body_len", "body",
)  # fmt: skip


RANK_COLUMNS = ", ".join(f'"{name}"' for name in RANK_FIELDS)


class Row:
    """One index row as the ranking and the results page read it (the fields of ``RANK_FIELDS``)."""

    __slots__ = RANK_FIELDS

    def __init__(self, *values):
        for name, value in zip(RANK_FIELDS, values, strict=True):
            setattr(self, name, value)
        if isinstance(self.date, str):  # SQLite hands raw rows back with ISO date strings
            self.date = date.fromisoformat(self.date)
            self.expires_at = date.fromisoformat(self.expires_at) if self.expires_at else None

    @property
    def pk(self) -> int:
        return self.id

    @property
    def country_codes(self) -> list[str]:
        return self.countries.split()

    @property
    def industry_codes(self) -> list[str]:
        return self.industries.split()


@dataclass
class SearchFilters:
    kind: str = ""
    column: str = ""
    country: str = ""
    industry: str = ""
    city: str = ""
    date_from: date | None = None
    date_to: date | None = None

    def facets(self) -> list[str]:
        pairs = [("kind", self.kind), ("col", self.column), ("ctry", self.country), ("ind", self.industry), ("city", self.city)]
        return [facet_token(prefix, value) for prefix, value in pairs if value]

    @property
    def is_active(self) -> bool:
        return bool(self.facets() or self.date_from or self.date_to)


@dataclass
class Hit:
    doc: Row
    score: float
    snippet: str = ""
    partial: bool = False  # matches only some of the words of the query (tier 4)


@dataclass
class SearchResults:
    query: ParsedQuery
    hits: list[Hit] = field(default_factory=list)
    capped: bool = False
    # Empty counters, not an empty dict, when nothing was searched: the page reads them the same way.
    facets: dict = field(default_factory=lambda: facet_counts(()))
    elapsed_ms: float = 0.0
    # How many hits hold every required word of the query (the rest match some of the words):
    # none means the query as typed found nothing, so "did you mean" is offered.
    complete: int = 0

    @property
    def total(self) -> int:
        return len(self.hits)

    def __len__(self):
        return len(self.hits)

    def keys(self, limit=None) -> list[str]:
        return [h.doc.object_id for h in self.hits[:limit]]


def _where(filters: SearchFilters, today: date) -> tuple[str, list]:
    clauses, params = ["(d.expires_at IS NULL OR d.expires_at >= %s)"], [today]
    if filters.date_from:
        clauses.append("d.date >= %s")
        params.append(filters.date_from)
    if filters.date_to:
        clauses.append("d.date <= %s")
        params.append(filters.date_to)
    return " AND ".join(clauses), params


class Searcher:
    """Search one index (a database alias); the site uses "default", the evaluation its own."""

    def __init__(self, using: str = "default", candidates: int = CANDIDATES):
        self.using = using
        self.connection = connections[using]
        self.backend = backend_for(self.connection)
        self.candidates = candidates
        self._months = None

    def _ids(self, expression, where, params, limit) -> list[int]:
        return self.backend.match_ids(self.connection, expression, where, params, limit)

    def months(self) -> list[tuple[str, int]]:
        """(month facet, documents) from the newest document's month back (``search.planning``).

        Two queries, made only when a query is frequent enough to be given a window."""
        if self._months is None:
            newest = newest_date(self.using)
            facets = _month_facets(newest, planning.WINDOW_MONTHS) if newest else []
            counts = statistics(["!" + f for f in facets], using=self.using)
            self._months = [(f, counts.get("!" + f, 0)) for f in facets]
        return self._months

    def matching_ids(self, concepts, facets, stats, where, params, limit, mode="and", title_only=False) -> list[int]:
        """The newest ``limit`` ids matching ``concepts``, confined first to recent months if frequent."""
        compile_match = self.backend.compile_match
        expression = compile_match(concepts, mode=mode, facets=facets, title_only=title_only)
        if expression is None and (concepts or title_only):
            return []
        if expression is not None:
            cover = planning.window_cover(planning.expected_matches(concepts, facets, stats, mode, title_only=title_only), limit, stats.docs)
            months = planning.newest_months(cover, self.months()) if cover else None
            ids = []
            for part in planning.window_parts(months or []):
                ids += self._ids(compile_match(concepts, mode=mode, facets=facets, title_only=title_only, within=part), where, params, limit - len(ids))
                if len(ids) >= limit:
                    return ids
        return self._ids(expression, where, params, limit)

    def statistics(self, parsed: ParsedQuery, facets=()) -> ranking.Stats:
        """Document frequencies of every token the query can match, its facets and the totals."""
        return ranking.Stats.from_counts(statistics({*query_tokens(parsed), *("!" + f for f in facets)}, using=self.using))

    def tiered_ids(self, parsed: ParsedQuery, filters: SearchFilters, today: date, stats: ranking.Stats | None = None) -> tuple[list[int], bool, set[int]]:
        """Candidate ids, whether the first tier was capped, and the ids that match every required concept."""
        where, params = _where(filters, today)
        facets = filters.facets()
        stats = stats or self.statistics(parsed, facets)

        def ids_for(concepts, limit, mode="and", title_only=False):
            return self.matching_ids(concepts, facets, stats, where, params, limit, mode, title_only)

        if parsed.is_empty:
            ids = ids_for([], self.candidates + 1)
            return ids[: self.candidates], len(ids) > self.candidates, set(ids)
        required = planning.words_only(parsed.required, facets, stats, self.candidates)
        limit = planning.candidate_limit(planning.expected_matches(required, facets, stats), self.candidates)
        ids = ids_for(required, limit + 1)
        if len(ids) > limit:
            ids = ids[:limit]
            title_ids = ids_for(required, limit // 2, title_only=True)
            return list(dict.fromkeys(title_ids + ids)), True, {*ids, *title_ids}
        complete = set(ids)
        if len(parsed.retrieving) > 1:
            more = ids_for(parsed.retrieving, self.candidates, mode="or")
            ids = list(dict.fromkeys(ids + more))[: self.candidates]
        return ids, False, complete

    def fetch(self, ids: list[int]) -> list["Row"]:
        # Plain tuples, not model instances: building hundreds of instances per query costs more
        # than the database lookup itself.
        rows = {r[0]: Row(*r) for r in self.backend.fetch_rows(self.connection, ids, RANK_COLUMNS)}
        return [rows[i] for i in ids if i in rows]

    def search(self, text: str, filters: SearchFilters | None = None, *, sort: str = "relevance", synonyms=None, today=None) -> SearchResults:
        started = time.perf_counter()
        filters = filters or SearchFilters()
        today = today or timezone.localdate()
        parsed = parse(text, synonyms)
        results = SearchResults(query=parsed)
        if parsed.is_empty and not filters.is_active:
            return results
        stats = self.statistics(parsed, filters.facets())
        ids, results.capped, complete = self.tiered_ids(parsed, filters, today, stats)
        rows = self.fetch(ids)
        ranked = [(0.0, row) for row in rows] if parsed.is_empty else ranking.rank(parsed, rows, stats)
        if sort == "date":
            ranked.sort(key=_newest_first)
        results.hits = [Hit(doc=row, score=s) for s, row in ranked]
        results.complete = sum(1 for _, row in ranked if row.pk in complete)
        if len(ranked) < FILL_TO and not parsed.is_empty:
            partial = self.partial_matches(parsed, filters, today, exclude={row.pk for _, row in ranked})
            if sort == "date":
                partial.sort(key=_newest_first)
            results.hits += [Hit(doc=row, score=s, partial=True) for s, row in partial[: FILL_TO - len(ranked)]]
        results.facets = facet_counts(hit.doc for hit in results.hits)
        results.elapsed_ms = (time.perf_counter() - started) * 1000
        return results

    def partial_matches(self, parsed: ParsedQuery, filters: SearchFilters, today: date, exclude: set[int]) -> list[tuple[float, Row]]:
        """Tier 4: documents with some of the words the query's terms are made of, best first."""
        found = relaxed(parsed)
        if found is None:
            return []
        loose, groups = found
        where, params = _where(filters, today)
        facets = filters.facets()
        stats = self.statistics(loose, facets)
        ids = [i for i in self.matching_ids(loose.concepts, facets, stats, where, params, self.candidates, "or") if i not in exclude]
        rows = [row for row in self.fetch(ids) if holds_enough(row, groups)]
        if not rows:
            return []
        return ranking.rank(loose, rows, stats)


def _month_facets(newest: date, count: int) -> list[str]:
    """Facets of ``count`` months, from ``newest``'s back."""
    index = newest.year * 12 + newest.month - 1
    return [month_facet(date((index - i) // 12, (index - i) % 12 + 1, 1)) for i in range(count) if index - i >= 12]


def query_tokens(parsed: ParsedQuery) -> set[str]:
    """Index tokens whose document frequencies rank and plan ``parsed``: words, grams ("~"), prefixes."""
    tokens = {t for c in parsed.concepts for a in c.alts if a.mode in ("words", "prefix") for t in a.tokens}
    return tokens | {"~" + g for c in parsed.concepts for a in c.alts for g in alt_grams(a)}


def _newest_first(pair):
    return (-pair[1].date.toordinal(), -pair[0], pair[1].kind, pair[1].object_id)


def add_snippets(hits: list[Hit], parsed: ParsedQuery) -> list[Hit]:
    """Fill in highlighted snippets for the hits about to be shown (only those: it costs)."""
    terms = parsed.highlight_terms()
    for hit in hits:
        hit.snippet = snippet(hit.doc.body, terms)
    return hits


def facet_counts(rows) -> dict[str, Counter]:
    counts = {"kind": Counter(), "column": Counter(), "country": Counter(), "industry": Counter(), "city": Counter()}
    for row in rows:
        counts["kind"][row.kind] += 1
        if row.column:
            counts["column"][row.column] += 1
        counts["country"].update(row.countries.split())
        counts["industry"].update(row.industries.split())
        if row.city:
            counts["city"][row.city] += 1
    return counts
