"""Scoring a counterpart listing for a listing, and saying why.

The score combines six components, each in [0, 1], as a weighted geometric mean in which every
component is first lifted by a floor, so that one mismatch lowers a listing without vetoing it:

    score = Π (floor_i + (1 − floor_i) · c_i) ^ w_i        (weights sum to 1)

A multiplicative score keeps an irrelevant listing from the same country below a relevant one
from elsewhere (an additive score let the country term swamp the text), and a component that is
the same for every candidate (e.g. quality when nobody is rated) does not change the order.
The components:

* ``text``     – cosine similarity of the TF-IDF vectors (words and domain concepts);
* ``country``  – 1 for a shared country, 0.4 for the same continent, 0.6 when either side
                 names no country (serves anywhere), else 0;
* ``industry`` – 1 for a shared GB/T 4754 section, 0.5 for sections that work together
                 (trade and manufacturing, construction and power…), 0.5 when unknown;
* ``kind``     – kind complementarity: does the counterpart provide what this listing needs
                 (labour demand ↔ labour offers, tenders ↔ contractors, investment projects ↔
                 investors, financing needs ↔ banks and insurers)?
* ``amount``   – 1 when the amount ranges overlap, falling with the order-of-magnitude gap,
                 0.5 when either is unknown;
* ``quality``  – the counterpart organisation's quality rating (0.5 when unrated).

Weights come from settings (``MATCHING_WEIGHTS``) or the harness's ``--weights``.
"""

import heapq
import math
from dataclasses import dataclass, fields
from datetime import date
from functools import lru_cache

from matching.engine.lexicon import CONCEPTS, FACET_NAMES
from matching.engine.places import continent_label, country_label
from matching.engine.text import CONCEPT_PREFIX, concept_name, concept_of_word, is_concept
from matching.kinds import Facet, Side

NEUTRAL = 0.5


@dataclass(frozen=True)
class Weights:
    text: float = 0.45
    kind: float = 0.15
    country: float = 0.15
    industry: float = 0.08
    amount: float = 0.07
    quality: float = 0.10

    @classmethod
    def parse(cls, spec: str) -> "Weights":
        """``"text=0.5,country=0.2"``: the named weights replaced, the rest kept; all rescaled to sum 1."""
        values = {f.name: getattr(cls(), f.name) for f in fields(cls)}
        for part in filter(None, (p.strip() for p in (spec or "").split(","))):
            name, _, number = part.partition("=")
            name = name.strip()
            if name not in values:
                raise ValueError(f"未知的权重“{name}”，可用：{'、'.join(values)}")
            try:
                values[name] = float(number)
            except ValueError:
                raise ValueError(f"权重“{name}”的值“{number}”不是数字") from None
            if values[name] < 0:
                raise ValueError(f"权重“{name}”不能为负数")
        total = sum(values.values())
        if total <= 0:
            raise ValueError("权重之和必须大于 0")
        return cls(**{k: v / total for k, v in values.items()})

    def as_dict(self) -> dict:
        return {f.name: round(getattr(self, f.name), 4) for f in fields(self)}


# Sections that work together: a buyer in trade and a maker in manufacturing, builders and power…
RELATED_INDUSTRIES = {
    frozenset(pair)
    for pair in ("CE", "CF", "DE", "EN", "EG", "BC", "BE", "AC", "AF", "CQ", "EQ", "EI", "CI", "GK", "GL", "GF", "HK", "KE", "CD", "BD")
}
HORIZONTAL_INDUSTRIES = frozenset("JLM")  # finance, business and technical services serve every sector

# How well a provided facet answers a needed one, besides the facet itself (1.0).
RELATED_FACETS = {
    (Facet.CONSTRUCTION, Facet.CONSULTING): 0.5,
    (Facet.CONSTRUCTION, Facet.PRODUCT): 0.4,
    (Facet.CONSTRUCTION, Facet.FINANCE): 0.3,
    (Facet.CAPITAL, Facet.FINANCE): 0.6,
    (Facet.CAPITAL, Facet.INSURANCE): 0.3,
    (Facet.FINANCE, Facet.INSURANCE): 0.6,
    (Facet.INSURANCE, Facet.FINANCE): 0.6,
    (Facet.FINANCE, Facet.CAPITAL): 0.6,
    (Facet.LEGAL, Facet.TAX): 0.5,
    (Facet.TAX, Facet.LEGAL): 0.5,
    (Facet.LEGAL, Facet.CONSULTING): 0.4,
    (Facet.TAX, Facet.CONSULTING): 0.4,
    (Facet.CONSULTING, Facet.LEGAL): 0.3,
    (Facet.CONSULTING, Facet.TAX): 0.3,
    (Facet.SITE, Facet.LOGISTICS): 0.4,
    (Facet.LOGISTICS, Facet.SITE): 0.4,
    (Facet.LABOUR, Facet.TRAINING): 0.3,
    (Facet.TRAINING, Facet.LABOUR): 0.3,
    (Facet.PRODUCT, Facet.TECHNOLOGY): 0.5,
    (Facet.TECHNOLOGY, Facet.PRODUCT): 0.5,
    (Facet.TECHNOLOGY, Facet.CONSTRUCTION): 0.4,
}
UNKNOWN_KIND = 0.4
UNRELATED_KIND = 0.1


def query_weights(query, index) -> dict:
    """``query``'s term weights multiplied by IDF² once, so scoring many candidates needs no logarithms."""
    idf = index.idf
    return {t: w * idf(t) ** 2 for t, w in query.terms.items()}


def text_similarity(a, b, index, a_weights=None) -> float:
    """TF-IDF cosine of two listings; ``a_weights`` (``query_weights(a, index)``) may be passed when ``a`` is scored often."""
    if a_weights is None:
        small, large = (a, b) if len(a.terms) <= len(b.terms) else (b, a)
        idf = index.idf
        dot = sum(w * large.terms[t] * idf(t) ** 2 for t, w in small.terms.items() if t in large.terms)
    elif len(b.terms) < len(a_weights):
        dot = sum(w * a_weights[t] for t, w in b.terms.items() if t in a_weights)
    else:
        terms = b.terms
        dot = sum(w * terms[t] for t, w in a_weights.items() if t in terms)
    if not dot:
        return 0.0
    return min(1.0, dot / ((a.norm or index.norm_of(a)) * (b.norm or index.norm_of(b))))


def country_fit(a, b) -> float:
    if not a.countries or not b.countries:
        return 0.6
    if a.countries & b.countries:
        return 1.0
    if a.continents & b.continents:
        return 0.4
    return 0.0


def industry_fit(a, b) -> float:
    if not a.industries or not b.industries:
        return NEUTRAL
    if a.industries & b.industries:
        return 1.0
    if (a.industries | b.industries) & HORIZONTAL_INDUSTRIES:
        return NEUTRAL
    if any(frozenset((x, y)) in RELATED_INDUSTRIES for x in a.industries for y in b.industries):
        return NEUTRAL
    return 0.0


def demand_and_supply(a, b):
    return (a, b) if a.side == Side.DEMAND else (b, a)


def kind_fit(a, b) -> tuple[float, str]:
    """(complementarity, the need it answers): how well the supply listing provides what the demand needs."""
    demand, supply = demand_and_supply(a, b)
    if not demand.needs or not supply.provides:
        return UNKNOWN_KIND, ""
    return _complementarity(demand.need_items or frozenset(demand.needs.items()), supply.provides)


@lru_cache(maxsize=4096)
def _complementarity(needs, provides) -> tuple[float, str]:
    # Few distinct (needs, provides) pairs exist, and ranking meets each of them thousands of times.
    # Sorted, so that between equally good needs the same one is named on every run.
    best, facet = 0.0, ""
    for need, weight in sorted(needs, key=lambda item: (-item[1], item[0])):
        for provided in sorted(provides):
            value = weight * (1.0 if provided == need else RELATED_FACETS.get((need, provided), 0.0))
            if value > best:
                best, facet = value, need
    return max(best, UNRELATED_KIND), facet


def amount_fit(a, b) -> float:
    if not a.amount or not b.amount or not a.amount[1] or not b.amount[1]:
        return NEUTRAL
    (lo1, hi1), (lo2, hi2) = a.amount, b.amount
    if lo1 <= hi2 and lo2 <= hi1:
        return 1.0
    ratio = lo2 / hi1 if hi1 < lo2 else lo1 / max(hi2, 1.0)
    return max(0.0, 1.0 - math.log10(ratio) / 1.5)


@dataclass(frozen=True)
class Suggestion:
    doc_id: object
    score: float
    components: dict
    reasons: tuple


def components(query, other, index, quality, query_weights=None) -> dict:
    """The six components for ``other`` as a counterpart of ``query``, each in [0, 1]."""
    kind_value, _ = kind_fit(query, other)
    return {
        "text": text_similarity(query, other, index, query_weights),
        "country": country_fit(query, other),
        "industry": industry_fit(query, other),
        "kind": kind_value,
        "amount": amount_fit(query, other),
        "quality": quality(other),
    }


# How far a component at 0 pulls the score down: a wrong country costs less than unrelated text.
FLOORS = {"text": 0.05, "kind": 0.1, "country": 0.3, "industry": 0.3, "amount": 0.3, "quality": 0.5}


def total(parts: dict, weights: Weights) -> float:
    log_score = 0.0
    for name, value in parts.items():
        weight = getattr(weights, name)
        if weight:
            floor = FLOORS[name]
            log_score += weight * math.log(floor + (1.0 - floor) * value)
    return math.exp(log_score)


# Concepts too general to tell anyone why two listings fit.
GENERIC_CONCEPTS = frozenset({"采购", "设备供货"})


def shared_topics(a, b, index, *, skip_facet="", limit=2) -> list[str]:
    """What the two listings have in common, most telling first: sectors, then other concepts, else words."""
    shared = [t for t in a.terms if t in b.terms]
    weight = {t: a.terms[t] * b.terms[t] * index.idf(t) ** 2 for t in shared}
    def telling(concept):
        return concept not in GENERIC_CONCEPTS and CONCEPTS[concept][0] != skip_facet

    concepts = [c for c in (concept_name(t) for t in shared if is_concept(t)) if telling(c)]
    if concepts:
        concepts.sort(key=lambda c: (CONCEPTS[c][0] is not None, -weight[CONCEPT_PREFIX + c]))
        return concepts[:limit]
    plain = [t for t in shared if not is_concept(t) and (concept_of_word(t) is None or telling(concept_of_word(t)))]
    return sorted(plain, key=lambda t: -weight[t])[:1]


def explain(query, other, parts: dict, index) -> tuple:
    """Short Chinese reasons, e.g. ("同在肯尼亚", "工程机械", "金额相符")."""
    reasons = []
    shared = sorted(query.countries & other.countries)
    if shared:
        reasons.append("同在" + "、".join(country_label(c) for c in shared[:2]))
    elif parts["country"] == 0.4:
        reasons.append("同属" + "、".join(continent_label(c) for c in sorted(query.continents & other.continents)))
    elif parts["country"] == 0.6 and (query.countries or other.countries):
        reasons.append("不限国别")
    value, need = kind_fit(query, other)
    reasons.extend(shared_topics(query, other, index, skip_facet=need if value >= 0.6 else ""))
    if value >= 0.6 and need:
        reasons.append(f"{FACET_NAMES.get(need, need)}需求对口")
    if parts["amount"] == 1.0:
        reasons.append("金额相符")
    elif parts["amount"] >= 0.6:
        reasons.append("金额接近")
    if parts["quality"] >= 0.8:
        reasons.append("优质企业")
    return tuple(reasons)


def rank(query, index, *, weights: Weights, quality=lambda doc: NEUTRAL, limit=10, min_score=0.0, today: date | None = None,
         exclude_same_org=True) -> list[Suggestion]:
    """The best ``limit`` listings of the other side for ``query``, best first, each with its reasons."""
    side = Side.SUPPLY if query.side == Side.DEMAND else Side.DEMAND
    scored = []
    docs = index.docs
    weighted = query_weights(query, index)
    for doc_id in index.candidates(query, side):
        other = docs[doc_id]
        if exclude_same_org and query.org is not None and other.org == query.org:
            continue
        if today is not None and other.valid_until is not None and other.valid_until < today:
            continue
        parts = components(query, other, index, quality, weighted)
        score = total(parts, weights)
        if score >= min_score:
            scored.append((score, str(doc_id), doc_id, parts))
    best = heapq.nlargest(limit, scored, key=lambda row: (row[0], row[1]))
    return [
        Suggestion(doc_id=doc_id, score=round(score, 4), components={k: round(v, 4) for k, v in parts.items()},
                   reasons=explain(query, docs[doc_id], parts, index))
        for score, _, doc_id, parts in best
    ]
