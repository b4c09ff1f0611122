"""Ranking: BM25F over the segmented title and body, computed here rather than in the database.

The database finds candidates; this module orders them, so SQLite and PostgreSQL rank the same
way. For each concept of the query the best of its alternatives counts (the literal word, a
synonym, a fragment — all on the concept's shared IDF, see ``alt_scales``); a document that misses concepts is scaled down by how much of the query's
weight it covers; the whole query appearing in the title or text adds a bonus.
"""

import math
from dataclasses import dataclass, field

K1 = 1.2
B = 0.75
TITLE_WEIGHT = 4.0
PREFIX_IDF = 1.0
TITLE_PHRASE_BONUS = 1.3
BODY_PHRASE_BONUS = 1.1


@dataclass
class Stats:
    docs: int
    avg_title: float
    avg_body: float
    df: dict
    _idf: dict = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_counts(cls, counts: dict) -> "Stats":
        docs = max(counts.get("@docs", 0), 1)
        return cls(docs, max(counts.get("@tlen", 0) / docs, 1.0), max(counts.get("@blen", 0) / docs, 1.0), counts)

    def idf(self, token: str) -> float:
        """BM25's IDF of ``token``, computed once per token (ranking asks for it for every row)."""
        value = self._idf.get(token)
        if value is None:
            df = min(max(self.df.get(token, 0), 0), self.docs)
            value = self._idf[token] = math.log(1 + (self.docs - df + 0.5) / (df + 0.5))
        return value


def alt_idf(alt, stats: Stats) -> float:
    if alt.mode == "words":
        return sum(stats.idf(t) for t in alt.tokens)
    if alt.mode == "grams":
        return max((stats.idf("~" + g) for g in alt.tokens), default=PREFIX_IDF)
    if alt.mode == "parts":
        return sum(_part_idf(part, stats) for part in alt.tokens)
    return PREFIX_IDF


def _part_idf(part: str, stats: Stats) -> float:
    from search.chinese_text import bigrams

    return max((stats.idf("~" + g) for g in bigrams(part)), default=PREFIX_IDF)


def concept_weights(parsed, stats: Stats) -> list[float]:
    """How much each concept matters: its best alternative's IDF — nothing for a scoring-only
    concept (a weak word, an answer hint), which adds when present and costs nothing when missing."""
    return [0.0 if c.scoring_only else max(alt.weight * alt_idf(alt, stats) for alt in c.alts) for c in parsed.concepts]


def _saturate(tf_title, tf_body, row, stats: Stats) -> float:
    norm_title = 1 - B + B * row.title_len / stats.avg_title
    norm_body = 1 - B + B * row.body_len / stats.avg_body
    tf = TITLE_WEIGHT * tf_title / norm_title + tf_body / norm_body
    return tf * (K1 + 1) / (tf + K1)


def alt_score(alt, row, stats: Stats) -> float:
    if alt.mode == "words":
        total = 0.0
        for token in alt.tokens:
            needle = f" {token} "
            tf_title, tf_body = row.title_tokens.count(needle), row.body_tokens.count(needle)
            if not tf_title and not tf_body:
                return 0.0
            total += stats.idf(token) * _saturate(tf_title, tf_body, row, stats)
        return total
    if alt.mode == "parts":  # every part somewhere in the text, not necessarily together
        total = 0.0
        for part in alt.tokens:
            tf_title, tf_body = row.title_norm.count(part), row.body.count(part)
            if not tf_title and not tf_body:
                return 0.0
            total += _part_idf(part, stats) * _saturate(tf_title, tf_body, row, stats)
        return total
    if alt.mode == "grams":
        tf_title, tf_body = row.title_norm.count(alt.text), row.body.count(alt.text)
    else:  # prefix: tokens starting with it
        needle = " " + alt.tokens[0]
        tf_title, tf_body = row.title_tokens.count(needle), row.body_tokens.count(needle)
    if not tf_title and not tf_body:
        return 0.0
    return alt_idf(alt, stats) * _saturate(tf_title, tf_body, row, stats)


def alt_scales(concept, stats: Stats) -> list[float]:
    """Per alternative of a concept, the factor that puts all of them on the same IDF.

    A synonym, an abbreviation or a fragment counts as the same term as the word typed, as in
    Lucene's ``SynonymQuery``: every alternative scores with the IDF of the most common of the
    concept's words (the group's largest document frequency). Otherwise a rare alternative
    (合作园区) outranks documents using the very words searched for (境外经贸合作区) only because
    it is rare; the alternatives' own weights (1.0 typed, 0.9 synonym, …) still order them.
    """
    word_idfs = [alt_idf(a, stats) for a in concept.alts if a.mode == "words"]
    if not word_idfs:
        return [1.0] * len(concept.alts)
    shared = min(word_idfs)
    return [min(1.0, shared / idf) if idf > 0 else 1.0 for idf in (alt_idf(a, stats) for a in concept.alts)]


def score(parsed, row, stats: Stats, weights: list[float], scales: list[list[float]] | None = None) -> float:
    if scales is None:
        scales = [alt_scales(c, stats) for c in parsed.concepts]
    total, covered = 0.0, 0.0
    for concept, weight, concept_scales in zip(parsed.concepts, weights, scales, strict=True):
        best = max(alt.weight * scale * alt_score(alt, row, stats) for alt, scale in zip(concept.alts, concept_scales, strict=True))
        if best > 0:
            total += best
            covered += weight
    if not total:
        return 0.0
    wanted = sum(weights)
    coverage = covered / wanted if wanted else 1.0
    total *= coverage * coverage
    phrase = parsed.phrase()
    if len(parsed.required) > 1 and phrase:
        if phrase in row.title_norm:
            total *= TITLE_PHRASE_BONUS
        elif phrase in row.body:
            total *= BODY_PHRASE_BONUS
    return total


def rank(parsed, rows, stats: Stats) -> list[tuple[float, object]]:
    """``rows`` ordered best first; rows that match no concept are left out. Ties: newer first."""
    weights = concept_weights(parsed, stats)
    scales = [alt_scales(c, stats) for c in parsed.concepts]
    scored = [(score(parsed, row, stats, weights, scales), row) for row in rows]
    scored = [(s, r) for s, r in scored if s > 0]
    scored.sort(key=lambda pair: (-round(pair[0], 9), -pair[1].date.toordinal(), pair[1].kind, pair[1].object_id))
    return scored
