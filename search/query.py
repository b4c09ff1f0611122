"""Turning what a user typed into concepts the index can match and the ranking can score.

A query is a list of *concepts* (一个词或一个短语). Each concept has alternatives, any of which
may match a document:

* ``words``  — all of these index tokens (the word itself, or the words of a phrase);
* ``grams``  — all bigrams of a fragment, confirmed by the fragment occurring in the text
  (how 承包工 finds 对外承包工程);
* ``prefix`` — a token starting with this (a lone character, a half-typed English word).

Synonym and abbreviation groups and country names (``search.synonyms``) are recognised as
phrases first, so 中信保 also looks for 中国出口信用保险公司 and Kenya for 肯尼亚. Question words
(如何, 哪些, 需要…) are dropped. A document must match every *required* concept to be in the
first tier of results; lone characters are optional.

``relaxed`` gives the looser form of a query used only to fill a short first page: every word a
concept is made of (中欧班列 → 中欧, 班列; 避免双重征税 → 避免, 双重, 征税) becomes an optional
concept of its own.
"""

from dataclasses import dataclass, field

from search import chinese_text
from search.chinese_text import ANSWER_HINTS, QUESTION_WORDS, STOPWORDS, WEAK_WORDS, bigrams, is_cjk, normalize

MAX_CONCEPTS = 12
LITERAL_WEIGHT = 1.0
SYNONYM_WEIGHT = 0.9
RELATED_WEIGHT_OF_TERM = 0.6  # a term of a "related" group (外汇 for 汇率)
GRAMS_WEIGHT = 0.8
PARTIAL_WEIGHT = 0.9
PREFIX_WEIGHT = 0.5
LOOSE_WEIGHT = 0.45
RELAXED_WEIGHT = 0.5
HINT_WEIGHT = 0.5  # a word an answer usually contains (工作日 for 多久)
MAX_COMPLETED_GROUPS = 3
MAX_CANDIDATE_GROUPS = 6  # a fragment inside terms of more groups than this says too little


@dataclass(frozen=True)
class Alt:
    mode: str  # "words" | "grams" | "prefix" | "parts"
    tokens: tuple[str, ...]
    weight: float
    text: str  # surface form: substring to confirm (grams) and to highlight


def alt_grams(alt: "Alt") -> tuple[str, ...]:
    """The bigrams that must all be in a document for a "grams" or "parts" alternative to match."""
    if alt.mode == "grams":
        return alt.tokens
    if alt.mode == "parts":
        return tuple(dict.fromkeys(g for part in alt.tokens for g in bigrams(part)))
    return ()


def matching_alts(alts: list["Alt"]) -> list["Alt"]:
    """The alternatives a full-text expression needs: one whose tokens include all of another's is
    implied by it (A | (A & B) is A), so it only makes the index read more posting lists.

    Words and gram alternatives are compared among themselves (a gram "~ab" is not the word "ab");
    a prefix alternative is kept as it is. Exact: the expression matches the same documents.
    """

    def terms(alt):
        if alt.mode == "prefix":
            return None
        return (alt.mode == "words", frozenset(alt.tokens if alt.mode == "words" else alt_grams(alt)))

    keyed = [(alt, terms(alt)) for alt in alts]
    kept = []
    for i, (alt, key) in enumerate(keyed):
        implied = key is not None and any(
            other is not None and other[0] == key[0] and other[1] and other[1] <= key[1] and (other[1] < key[1] or j < i)
            for j, (_, other) in enumerate(keyed)
            if j != i
        )
        if not implied:
            kept.append(alt)
    return kept


@dataclass
class Concept:
    text: str
    alts: list[Alt]
    required: bool = True
    # Only counts in ranking; never brings a document in by itself (a weak word such as 办理, or
    # the words an answer contains, such as 工作日 for 多久).
    scoring_only: bool = False


@dataclass
class ParsedQuery:
    raw: str
    normalized: str
    concepts: list[Concept] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not self.concepts

    @property
    def required(self) -> list[Concept]:
        return [c for c in self.concepts if c.required] or self.concepts

    @property
    def retrieving(self) -> list[Concept]:
        """The concepts any of which can bring a document in (all but the scoring-only ones)."""
        return [c for c in self.concepts if not c.scoring_only] or self.concepts

    def highlight_terms(self) -> list[str]:
        """Every surface string worth marking in a snippet, longest first.

        Synonyms and related terms are marked whole; only what the user typed is also marked
        word by word (not 工作 and 合作 of 出国工作 and 劳务合作 for 出国打工).
        """
        terms = {c.text for c in self.concepts if not c.scoring_only}
        for concept in self.concepts:
            for alt in concept.alts:
                terms.add(alt.text)
                if alt.weight >= LITERAL_WEIGHT or alt.text == concept.text:
                    terms.update(t for t in alt.tokens if len(t) > 1 or not is_cjk(t))
        return sorted((t for t in terms if t), key=len, reverse=True)

    def phrase(self) -> str:
        """The literal concepts joined, for the "whole query in the title" bonus."""
        return "".join(c.text for c in self.concepts if c.required)


def _word_alts(word: str, weight: float) -> list[Alt]:
    """Alternatives for one word or phrase as it appears in the query or a synonym group."""
    tokens = chinese_text.cut(word) if " " not in word else [t for part in word.split() for t in chinese_text.cut(part)]
    tokens = [t for t in tokens if t not in STOPWORDS] or tokens
    if not tokens:
        return []
    alts = [Alt("words", tuple(dict.fromkeys(tokens)), weight, word)]
    parts = _loose_parts(word)
    if parts:
        alts.append(Alt("parts", parts, weight * LOOSE_WEIGHT, word))
    if is_cjk(word) and (len(word) >= 3 or not chinese_text.has_word(word)):
        grams = bigrams(word)
        if grams:
            alts.append(Alt("grams", tuple(grams), weight * GRAMS_WEIGHT, word))
    elif not is_cjk(word) and word.isascii() and word.isalpha() and len(word) >= 4 and " " not in word:
        alts.append(Alt("prefix", (word,), weight * PREFIX_WEIGHT, word))
    return alts


def _loose_parts(word: str) -> tuple[str, ...] | None:
    """The words a compound is made of, when it is one (外派劳务 → 外派, 劳务).

    A document that has the parts apart (外派……劳务人员) is about the same thing more often than
    not; it ranks well below one with the whole compound.
    """
    if not is_cjk(word) or len(word) < 4:
        return None
    jieba = chinese_text.segmenter()
    parts, position = [], 0
    while position < len(word):
        # The longest dictionary word (shorter than the whole) starting here, else one character.
        for size in range(min(len(word) - 1, len(word) - position), 0, -1):
            piece = word[position : position + size]
            if size == 1 or jieba.has_word(piece):
                break
        parts.append(piece)
        position += size
    parts = [p for p in parts if len(p) > 1 and p not in STOPWORDS]
    return tuple(dict.fromkeys(parts)) if len(parts) >= 2 else None


def _phrase_concept(text: str, group: list[str], related=()) -> Concept:
    alts = _word_alts(text, LITERAL_WEIGHT)
    for terms, weight in ((group, SYNONYM_WEIGHT), (related, RELATED_WEIGHT_OF_TERM)):
        for term in terms:
            if term != text:
                # A synonym is matched as a word or as a contiguous fragment, never loosely as
                # parts scattered through the text: that is kept for what the user typed.
                alts.extend(a for a in _word_alts(term, weight) if a.mode != "parts")
    return Concept(text, _dedupe(alts))


def _dedupe(alts: list[Alt]) -> list[Alt]:
    best = {}
    for alt in alts:
        key = (alt.mode, alt.tokens, alt.text if alt.mode == "grams" else "")
        if key not in best or best[key].weight < alt.weight:
            best[key] = alt
    return list(best.values())


def _completions(fragment: str, synonyms) -> list[Alt]:
    """Alternatives for a fragment that is part of a term of some synonym groups.

    承包工 is part of 对外承包工程, so it also looks for that group's other terms (国际工程承包…)
    as whole words or unbroken phrases; 劳务合 (对外劳务合作) also finds 外派劳务. Of several groups
    the three whose terms holding the fragment are shortest are taken (出口信 → 出口信保's group
    first); a fragment found in more than six groups says too little to choose, and gets none.
    """
    groups = synonyms.completing(fragment) if synonyms is not None else []
    if not 1 <= len(groups) <= MAX_CANDIDATE_GROUPS:
        return []
    groups = groups[:MAX_COMPLETED_GROUPS]  # the closest completions: their terms are shortest
    weight = PARTIAL_WEIGHT * SYNONYM_WEIGHT
    alts = []
    for term in (t for group in groups for t in group if fragment not in t):
        # One word as a word; a phrase only where it occurs as it is (its bigrams, confirmed).
        term_alts = _word_alts(term, weight)
        single = [a for a in term_alts if a.mode == "words" and len(a.tokens) == 1]
        alts.extend(single or [a for a in term_alts if a.mode == "grams"])
    return alts


def _segment_concepts(segment: str, synonyms=None) -> list[Concept]:
    """Concepts of text between recognised phrases: words, partial words, lone characters."""
    concepts = []
    pieces = [(w, s, e) for w, s, e in chinese_text.segmenter().tokenize(segment) if w.strip()]
    kept = [(w, s, e) for w, s, e in pieces if w not in STOPWORDS and w not in QUESTION_WORDS and chinese_text.TOKEN_RE.fullmatch(w)]
    if not kept:  # a query made only of question words still means something
        kept = [(w, s, e) for w, s, e in pieces if chinese_text.TOKEN_RE.fullmatch(w) and w not in STOPWORDS]
    i = 0
    while i < len(kept):
        word, start, end = kept[i]
        # A lone character touching a neighbouring word is part of a fragment: 承包|工 → 承包工.
        j = i
        while j + 1 < len(kept) and kept[j + 1][1] == kept[j][2] and is_cjk(kept[j + 1][0]) and is_cjk(kept[j][0]) and (len(kept[j + 1][0]) == 1 or len(kept[j][0]) == 1):
            j += 1
        if j > i and not _at_run_edges(segment, kept[i : j + 1]):
            j = i
        if j > i:
            fragment = segment[start : kept[j][2]]
            alts = [Alt("grams", tuple(bigrams(fragment)), PARTIAL_WEIGHT, fragment)]
            whole = [w for w, _, _ in kept[i : j + 1] if len(w) > 1]
            if whole:
                alts.append(Alt("words", tuple(whole), PARTIAL_WEIGHT * GRAMS_WEIGHT, fragment))
            concepts.append(Concept(fragment, _dedupe(alts + _completions(fragment, synonyms))))
            i = j + 1
            continue
        if len(word) == 1 and is_cjk(word):
            concepts.append(Concept(word, [Alt("words", (word,), PREFIX_WEIGHT, word), Alt("prefix", (word,), PREFIX_WEIGHT, word)], required=False))
        else:
            alts = _word_alts(word, LITERAL_WEIGHT)
            if alts:
                weak = word in WEAK_WORDS
                concepts.append(Concept(word, alts, required=not weak, scoring_only=weak))
        i += 1
    for word, _, _ in pieces:
        hints = ANSWER_HINTS.get(word)
        if hints:
            concepts.append(Concept(f"({word})", [Alt("words", (h,), HINT_WEIGHT, h) for h in hints], required=False, scoring_only=True))
    return concepts


def _at_run_edges(segment: str, run: list[tuple[str, int, int]]) -> bool:
    """Whether the lone characters of a would-be fragment are where a half-typed word would be.

    That is the start or the end of a stretch of Chinese text (承包工, 境外投 ⋯), not the middle
    of a sentence, where a lone character is a word of its own (外派劳务人员出了事故: 出 is "to
    have", not the start of a longer word after 人员).
    """
    for position, (word, start, end) in enumerate(run):
        if len(word) != 1:
            continue
        at_start = position == 0 and (start == 0 or not is_cjk(segment[start - 1]))
        at_end = position == len(run) - 1 and (end == len(segment) or not is_cjk(segment[end]))
        if not (at_start or at_end):
            return False
    return True


def parse(raw: str, synonyms=None) -> ParsedQuery:
    """Parse a user's query; ``synonyms`` is a ``search.synonyms.SynonymIndex`` (the site's by default)."""
    from search.synonyms import current_synonyms

    synonyms = synonyms if synonyms is not None else current_synonyms()
    normalized = normalize(raw)[:200]
    parsed = ParsedQuery(raw=raw, normalized=normalized)
    position = 0
    concepts = []
    for match in synonyms.find(normalized):
        concepts.extend(_segment_concepts(normalized[position : match.start], synonyms))
        concepts.append(_phrase_concept(match.text, match.group, match.related))
        position = match.end
    concepts.extend(_segment_concepts(normalized[position:], synonyms))
    seen = set()
    for concept in concepts:
        if concept.text not in seen and concept.alts:
            seen.add(concept.text)
            parsed.concepts.append(concept)
    parsed.concepts = parsed.concepts[:MAX_CONCEPTS]
    return parsed


def _pieces(alt: Alt) -> list[str]:
    """The shorter words an alternative is made of: its tokens, and the words inside a long one."""
    if alt.mode != "words":
        return []
    if len(alt.tokens) > 1:
        return [t for t in alt.tokens if len(t) > 1 or not is_cjk(t)]
    token = alt.tokens[0]
    if not is_cjk(token) or len(token) < 3:
        return []
    inner = chinese_text.segmenter().cut_for_search(token)
    return [w for w in inner if 2 <= len(w) < len(token) and is_cjk(w) and w not in STOPWORDS and w not in QUESTION_WORDS]


def relaxed(parsed: ParsedQuery) -> tuple[ParsedQuery, list[tuple[str, ...]]] | None:
    """The query with every concept broken into optional words, and the word groups they came from.

    A document matching only some of these is a partial match: the search shows such documents
    after all complete matches, and only when the complete matches do not fill the first page. It
    must hold at least half the words of one group (中欧 or 班列 of 中欧班列; two of 避免, 双重,
    征税), so one common word of a long synonym (对外 of 对外直接投资) is not enough. None when
    nothing breaks up.
    """
    weights: dict[str, float] = {}
    groups: list[tuple[str, ...]] = []
    for concept in parsed.concepts:
        # Only what the user typed is broken up: a piece of a synonym (对外 of 对外直接投资 for
        # ODI) says little about what was asked for.
        for alt in concept.alts:
            if alt.weight < LITERAL_WEIGHT:
                continue
            pieces = tuple(dict.fromkeys(_pieces(alt)))
            if pieces and pieces not in groups:
                groups.append(pieces)
            for piece in pieces:
                weights[piece] = max(weights.get(piece, 0.0), alt.weight * RELAXED_WEIGHT)
    if not weights:
        return None
    concepts = [Concept(p, [Alt("words", (p,), w, p)], required=False) for p, w in list(weights.items())[: MAX_CONCEPTS * 2]]
    return ParsedQuery(raw=parsed.raw, normalized=parsed.normalized, concepts=concepts), groups


def holds_enough(row, groups: list[tuple[str, ...]]) -> bool:
    """Whether an index row has at least half the words (rounded up) of one of ``groups``."""
    for group in groups:
        present = sum(1 for piece in group if f" {piece} " in row.title_tokens or f" {piece} " in row.body_tokens)
        if present * 2 >= len(group):
            return True
    return False
