"""Synonym groups: the operators' table plus every country's Chinese and English name.

``current_synonyms()`` returns a ``SynonymIndex`` that finds the longest group term at each place
in a normalised query (English terms only on word boundaries, so "india" does not fire inside
"indiana"). The index is rebuilt in each process when the table changes: saving a synonym bumps
a version number in the cache, and every process compares it at most every few seconds.
"""

import re
import time
from dataclasses import dataclass

from django.core.cache import cache

from search.chinese_text import normalize

SEPARATORS_RE = re.compile(r"[,，、;；\n|/]+")
VERSION_KEY = "sitesearch:synonyms:version"
CHECK_SECONDS = 5

# Common short names people type instead of the ISO English name.
COUNTRY_ALIASES = {
    "US": ["usa", "america", "美利坚"],
    "GB": ["uk", "britain", "united kingdom", "英国"],
    "RU": ["russia"],
    "KR": ["south korea", "korea"],
    "VN": ["vietnam", "viet nam"],
    "LA": ["laos", "老挝"],
    "IR": ["iran"],
    "SY": ["syria"],
    "TZ": ["tanzania"],
    "BO": ["bolivia"],
    "VE": ["venezuela"],
    "AE": ["uae", "阿联酋"],
    "CD": ["刚果金", "刚果(金)", "drc", "dr congo"],
    "CG": ["刚果布", "刚果(布)"],
    "ID": ["印尼"],
    "SA": ["沙特", "saudi"],
    "ET": ["埃塞"],
    "KG": ["吉尔吉斯斯坦", "kyrgyz"],
    "BD": ["孟加拉"],
    "MM": ["burma"],
    "CZ": ["czech republic", "czechia", "czech"],
    "NL": ["holland", "the netherlands"],
    "VG": ["bvi", "英属维京群岛", "英属维尔京群岛"],
    "CI": ["ivory coast", "科特迪瓦"],
    "TR": ["turkey", "turkiye", "土耳其"],
    "MD": ["moldova"],
    "TW": ["taiwan"],
    "HK": ["hong kong", "香港"],
    "MO": ["macao", "macau", "澳门"],
}


def split_terms(text: str) -> list[str]:
    """Terms of one group as typed by an operator, normalised, without repeats."""
    terms = []
    for part in SEPARATORS_RE.split(text or ""):
        term = normalize(part)
        if term and term not in terms:
            terms.append(term)
    return terms


@dataclass(frozen=True)
class PhraseMatch:
    text: str
    start: int
    end: int
    group: list[str]
    related: list[str] = ()


def _merged(groups: list[list[str]]) -> dict[str, list[str]]:
    """Each term → the terms of every group it is in (itself first among them as written)."""
    merged: dict[str, list[str]] = {}
    for group in groups:
        for term in group:
            known = merged.get(term)
            merged[term] = group if known is None else known + [t for t in group if t not in known]
    return merged


class SynonymIndex:
    """Synonym groups (``groups``) and weaker "related" groups (``related``), ready to find in a query.

    ``group_of[term]`` is every term that means the same as ``term``; ``related_of[term]`` the
    related terms that are not also its synonyms.
    """

    def __init__(self, groups: list[list[str]], related: list[list[str]] | None = None):
        self.groups = [g for g in groups if len(g) >= 2]
        self.group_of = _merged(self.groups)
        self.related_of = {
            term: [t for t in terms if t not in self.group_of.get(term, [term])]
            for term, terms in _merged([g for g in related or [] if len(g) >= 2]).items()
        }
        patterns = [re.escape(t) if not t.isascii() else rf"(?<![a-z0-9]){re.escape(t)}(?![a-z0-9])" for t in sorted(self.terms(), key=len, reverse=True)]
        self.pattern = re.compile("|".join(patterns)) if patterns else None

    def terms(self) -> set[str]:
        """Every term recognised in a query: those of synonym groups and of related groups."""
        return set(self.group_of) | set(self.related_of)

    def find(self, normalized: str) -> list[PhraseMatch]:
        if not self.pattern:
            return []
        return [
            PhraseMatch(text, m.start(), m.end(), self.group_of.get(text, [text]), self.related_of.get(text, []))
            for m in self.pattern.finditer(normalized)
            for text in [m.group(0)]
        ]

    def completing(self, fragment: str) -> list[list[str]]:
        """The synonym groups with a term that holds ``fragment`` (normalised) inside it, each once,
        the group of the shortest such term first (出口信 → 出口信保 before 出口信保融资)."""
        fragment = normalize(fragment)
        shortest: dict[tuple[str, ...], int] = {}
        for term, group in self.group_of.items():
            if fragment in term and term != fragment:
                key = tuple(group)
                shortest[key] = min(shortest.get(key, len(term)), len(term))
        return [list(group) for group in sorted(shortest, key=shortest.get)]

    def expand(self, term: str) -> list[str]:
        return self.group_of.get(normalize(term), [])


def load_groups() -> tuple[list[list[str]], list[list[str]]]:
    """(synonym groups, related groups) of the operators' table, with every country's names."""
    from search.models import Synonym, SynonymKind
    from taxonomy.models import Country

    groups, related = [], []
    for synonym in Synonym.objects.filter(is_active=True):
        (related if synonym.kind == SynonymKind.RELATED else groups).append(split_terms(synonym.terms))
    for country in Country.objects.all():
        names = [country.name_zh, country.name_en, *COUNTRY_ALIASES.get(country.code, [])]
        groups.append(split_terms("|".join(names)))
    return groups, related


_state = {"index": None, "version": None, "checked": 0.0}


def current_synonyms() -> SynonymIndex:
    now = time.monotonic()
    if _state["index"] is None or now - _state["checked"] > CHECK_SECONDS:
        version = cache.get(VERSION_KEY, 0)
        if _state["index"] is None or version != _state["version"]:
            _state["index"] = SynonymIndex(*load_groups())
            _state["version"] = version
        _state["checked"] = now
    return _state["index"]


def synonyms_changed() -> None:
    """Make every process reload the synonym groups (called when the table changes)."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 1, None)
    _state["index"] = None
