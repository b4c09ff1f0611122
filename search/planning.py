"""Keeping candidate queries small: estimates of how many documents a query matches.

A candidate query wants the newest ``limit`` documents matching an expression. The database
finds every match through its full-text index and keeps the newest, so a frequent word (出口 in
every other document) would cost as much as the whole index. Every document carries the facet
of its month (``mon202511``), so such a query is first confined to the newest months expected to
hold a few times ``limit`` matches (``window_cover``, ``newest_months``); only if that finds fewer than ``limit`` is it
asked again over the whole index. Either way the answer is exactly the newest ``limit`` matches:
everything outside the window is older than everything in it.

The estimates come from the document frequencies kept in ``SearchTerm`` — no query.
"""

from dataclasses import replace

from search.chinese_text import bigrams

# A window holds about this many times ``limit`` expected matches.
WINDOW_MARGIN = 3
# Months of document counts read to build a window (older documents: no window).
WINDOW_MONTHS = 120
# The newest months of a window asked one at a time (``window_parts``).
SINGLE_MONTHS = 2
# How much a further term thins the matches of a conjunction (``_thin``).
CORRELATION = 0.35
# A query expected to match this many times the candidate limit ranks half as many candidates.
DEEP = 10


def _thin(counts: list[float], docs: int) -> float:
    """Documents holding all of several terms: the rarest, thinned by the others.

    Words in one text are far from independent, so each further term counts by its share to the
    power ``CORRELATION`` (independence would take the share itself and badly underestimate).
    Erring high is cheap (a window that finds too few is asked again, with the index pages
    already read), erring low is not (a frequent query run over the whole index): on the
    benchmark's 200 queries at 1,000,000 documents the square root still left a query with
    35,807 matches estimated at 1,400, and 0.35 was the largest power that caught every such case.
    """
    if not counts:
        return docs
    counts = sorted(counts)
    estimate = counts[0]
    for count in counts[1:]:
        estimate *= (min(count, docs) / docs) ** CORRELATION
    return estimate


def _fragment(grams, stats) -> int:
    """The bigrams of one fragment come together: the rarest bounds it."""
    return min((stats.df.get("~" + g, 0) for g in grams), default=0)


def _alternative(alt, stats) -> float:
    if alt.mode == "grams":
        return _fragment(alt.tokens, stats)
    if alt.mode == "parts":  # each part anywhere in the text
        return _thin([_fragment(bigrams(part), stats) for part in alt.tokens], stats.docs)
    return _thin([stats.df.get(t, 0) for t in alt.tokens], stats.docs)  # words; a prefix counts as the word


def _concept(concept, stats) -> float:
    """Synonyms' words are mostly different documents (added up); a fragment's grams and a
    compound's parts mostly find the documents the word finds (the largest counts)."""
    words = sum(_alternative(a, stats) for a in concept.alts if a.mode in ("words", "prefix"))
    others = max((_alternative(a, stats) for a in concept.alts if a.mode in ("grams", "parts")), default=0)
    return min(stats.docs, max(words, others))


def expected_matches(concepts, facets, stats, mode: str = "and", title_only: bool = False) -> float:
    """About how many unexpired documents match ``concepts`` (joined by ``mode``) and every facet."""
    counts = [_concept(c, stats) for c in concepts]
    if counts and mode == "or":
        counts = [min(stats.docs, sum(counts))]
    if counts and title_only:  # a word is in the title about as often as the title is long
        share = stats.avg_title / (stats.avg_title + stats.avg_body)
        counts = [c * share for c in counts]
    return _thin([*counts, *(stats.df.get("!" + f, 0) for f in facets)], stats.docs)


def candidate_limit(expected: float, candidates: int) -> int:
    """How many of the newest complete matches to rank.

    ``candidates`` as a rule, so a query matching fewer is ranked exactly; half as many when the
    query is expected to match ``DEEP`` times more (a frequent word in a large index): the newest
    400 of 50,000 matches are no better a sample than the newest 200, and cost twice as much to
    fetch and rank. The title tier (``engine``) still adds the strongest matches of any date.
    """
    return candidates // 2 if expected >= DEEP * candidates else candidates


def words_only(concepts, facets, stats, candidates: int):
    """``concepts`` without their fragment alternatives (grams, parts) when the words alone are
    expected to match ``DEEP`` times the candidates; otherwise ``concepts`` as they are.

    Fragments find the documents where a word was segmented differently or written apart; they
    are the most frequent tokens of the index (~境外, ~投资), and reading their posting lists is
    most of the cost of a frequent query. When the words themselves match tens of thousands of
    documents, the newest of those are as good candidates, and the fragments would only add
    weaker matches for the ranking to put below them. A small index is never affected.
    """
    lean = [replace(c, alts=words) if (words := [a for a in c.alts if a.mode in ("words", "prefix")]) else c for c in concepts]
    if lean != concepts and expected_matches(lean, facets, stats) >= DEEP * candidates:
        return lean
    return concepts


def window_cover(expected: float, limit: int, docs: int) -> float | None:
    """How many of the newest documents a window for a query expected to match ``expected``
    should cover; None when that would be most of the index anyway (no window)."""
    if expected <= 0 or docs <= 0:
        return None
    wanted = WINDOW_MARGIN * limit * docs / min(expected, docs)
    return None if wanted >= docs / 2 else wanted


def newest_months(cover: float, months: list[tuple[str, int]]) -> list[str] | None:
    """The month facets, newest first, that together hold ``cover`` documents; None if they do not.

    ``months``: (facet, documents) for consecutive months from the newest document's back.
    """
    picked, covered = [], 0
    for facet, count in months:
        picked.append(facet)
        covered += count
        if covered >= cover:
            return picked
    return None


def window_parts(months: list[str]) -> list[list[str]]:
    """The window asked in parts, newest first: its first ``SINGLE_MONTHS`` months one by one,
    then the rest together.

    A query that must hold one given month lets the full-text index skip through the other
    posting lists in step with that month's (PostgreSQL's GIN "fast scan"); "one of several
    months" does not, and reads them whole. The window holds a few times the matches wanted, so
    the first month or two usually suffice. The parts are disjoint and in date order, so their
    newest-first results joined are the window's newest first.
    """
    head = [[m] for m in months[:SINGLE_MONTHS]]
    return head + ([months[SINGLE_MONTHS:]] if months[SINGLE_MONTHS:] else [])
