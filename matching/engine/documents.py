"""``MatchDoc``: one listing as the engine sees it, built from a site listing or a JSON record.

Everything is normalised here once, so scoring only compares sets and numbers: countries to
ISO codes (codes, Chinese or English names accepted), industries to GB/T 4754 sections (codes
or names), amounts to a (low, high) range in USD, kinds to ours, and the facets the listing
needs (demand) or provides (supply).
"""

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from matching.engine import places, text
from matching.engine.lexicon import CONCEPTS
from matching.kinds import KIND_FACETS, ORG_TYPE_FACETS, Facet, Side, normalize_kind, normalize_org_type

PRIMARY = 1.0  # weight of a facet the kind itself needs
SECONDARY = 0.6  # weight of a facet only the text mentions


@dataclass(slots=True)
class MatchDoc:
    id: object
    side: str
    kind: str
    title: str
    terms: dict
    countries: frozenset = frozenset()
    continents: frozenset = frozenset()
    industries: frozenset = frozenset()
    amount: tuple | None = None
    org: object = None
    org_type: str = ""
    needs: dict = field(default_factory=dict)  # facet → weight (demand side)
    need_items: frozenset = frozenset()  # the same, hashable: kind complementarity is cached on it
    provides: frozenset = frozenset()  # facets (supply side)
    valid_until: date | None = None
    norm: float = 0.0  # length of the TF-IDF vector, set by the index


@lru_cache(maxsize=1)
def _industries():
    from taxonomy.industries import SECTIONS

    return SECTIONS


def country_codes(values) -> frozenset:
    """ISO codes for codes or names; unknown names and "全球/不限" are dropped (no restriction)."""
    return frozenset(code for code in (places.code_for(v) for v in values or ()) if code)


def continents_of(codes) -> frozenset:
    return frozenset(filter(None, (places.continent_of(c) for c in codes)))


# GB/T 4754-2017 divisions (the first two digits of a numeric code) → section letter.
_DIVISIONS = [(1, "A"), (6, "B"), (13, "C"), (44, "D"), (47, "E"), (51, "F"), (53, "G"), (61, "H"), (63, "I"), (66, "J"), (70, "K"),
              (71, "L"), (73, "M"), (76, "N"), (80, "O"), (83, "P"), (84, "Q"), (86, "R"), (91, "S"), (97, "T")]


def _section_of_division(digits: str) -> str | None:
    division = int(digits[:2])
    letter = None
    for start, section in _DIVISIONS:
        if division >= start:
            letter = section
    return letter


def industry_codes(values) -> frozenset:
    """GB/T 4754 section letters for letters, detailed codes ("E48", "3511") or section names ("建筑业")."""
    sections = _industries()
    letters = {code for code, _ in sections}
    codes = set()
    for value in values or ():
        raw = str(value).strip()
        if raw[:1].upper() in letters and (len(raw) == 1 or raw[1:].isdigit()):
            codes.add(raw[0].upper())
            continue
        if raw.isdigit() and len(raw) in (2, 3, 4):  # a division, group or class code
            letter = _section_of_division(raw.zfill(2) if len(raw) == 2 else raw)
            if letter:
                codes.add(letter)
            continue
        for code, name in sections:
            if raw and (raw == name or raw in name or name.rstrip("业") in raw):
                codes.add(code)
                break
    return frozenset(codes)


_UNITS = {"万": 1e4, "亿": 1e8, "k": 1e3, "m": 1e6}


class AmountError(ValueError):
    """An amount that cannot be read (the harness treats it as unknown, with a warning)."""


def _number(value) -> float | None:
    if value is None or value == "":
        return None
    if isinstance(value, (int, float)):
        return float(value) if value >= 0 else None
    match = re.fullmatch(r"\s*([\d.,]+)\s*(万|亿|k|m)?\s*(美元|usd)?\s*", str(value).lower())
    if not match:
        raise AmountError(f"无法识别的金额“{value}”")
    return float(match.group(1).replace(",", "")) * _UNITS.get(match.group(2) or "", 1)


def amount_range(value) -> tuple | None:
    """(low, high) in USD from a number, ``[low, high]``, ``{"min", "max"}`` or None."""
    if isinstance(value, dict):
        value = [value.get("min"), value.get("max")]
    if isinstance(value, (list, tuple)):
        numbers = [n for n in (_number(v) for v in value) if n is not None]
        if not numbers:
            return None
        return (min(numbers), max(numbers))
    number = _number(value)
    return None if number is None else (number, number)


def _text_facets(concept_names) -> set:
    return {CONCEPTS[c][0] for c in concept_names if c in CONCEPTS and CONCEPTS[c][0]}


def facets(kind: str, side: str, org_type: str, concept_names) -> tuple[dict, frozenset]:
    """(needs, provides): what a demand listing needs, with weights, or what a supply listing provides."""
    own = KIND_FACETS.get(kind, set())
    mentioned = _text_facets(concept_names)
    if side == Side.DEMAND:
        needs = dict.fromkeys(mentioned, PRIMARY if not own else SECONDARY)
        needs.update(dict.fromkeys(own, PRIMARY))
        return needs, frozenset()
    provides = set(own) | ORG_TYPE_FACETS.get(org_type, set())
    if not own:  # a generic service offer says in its text what it provides (a service brings no capital)
        provides |= mentioned - {Facet.CAPITAL}
    return {}, frozenset(provides)


def make_doc(*, id, side, kind, title, description="", countries=(), industries=(), amount=None, org=None, org_type="",
             terms=None, valid_until=None) -> MatchDoc:
    """Build a document; ``terms`` may be given when precomputed (the site stores them per listing)."""
    if side not in Side.values:
        raise ValueError(f"side 必须是 supply 或 demand，而不是“{side}”")
    org_type = normalize_org_type(org_type)
    kind = normalize_kind(kind, side, org_type)
    codes = country_codes(countries)
    terms = terms if terms is not None else text.analyze(title, description)
    needs, provides = facets(kind, side, org_type, [text.concept_name(t) for t in terms if text.is_concept(t)])
    return MatchDoc(
        id=id, side=side, kind=kind, title=title, terms=terms,
        countries=codes, continents=continents_of(codes), industries=industry_codes(industries), amount=amount_range(amount),
        org=org, org_type=org_type, needs=needs, need_items=frozenset(needs.items()), provides=provides, valid_until=valid_until,
    )


def doc_from_record(record: dict) -> MatchDoc:
    """A document from one line of the harness format (see ``matching.engine.evaluation``)."""
    missing = [key for key in ("id", "side", "title") if record.get(key) in (None, "")]
    if missing:
        raise ValueError(f"缺少字段：{'、'.join(missing)}")
    return make_doc(
        id=str(record["id"]), side=str(record["side"]).strip().lower(), kind=record.get("kind", ""),
        title=str(record["title"]), description=str(record.get("description") or ""),
        countries=_as_list(record.get("countries")), industries=_as_list(record.get("industries")),
        amount=record.get("amount_usd"), org=record.get("org"), org_type=str(record.get("org_type") or ""),
    )


def _as_list(value):
    if value is None:
        return []
    if isinstance(value, str):
        return [v for v in re.split(r"[,，、;；\s]+", value) if v]
    return list(value)
