"""“您是不是要找”: correcting a query that found nothing.

Most Chinese typos are homophones typed with a pinyin input method (境外头资 for 境外投资), so a
word the index has never seen is looked up by its toneless pinyin among known words: the
going-global dictionary, synonym groups and country names, popular queries and the index's most
frequent words. English words are matched by edit distance (kenia → kenya). A correction is
only offered when the corrected query finds something.
"""

import time
from functools import lru_cache

from pypinyin import lazy_pinyin

from search import chinese_text
from search.chinese_text import USER_DICT, is_cjk, normalize
from search.models import SearchTerm

VOCABULARY_SECONDS = 600
FREQUENT_WORDS = 5000
_vocabulary = {"built": 0.0, "pinyin": {}, "ascii": {}}


@lru_cache(maxsize=20000)
def pinyin_key(word: str) -> str:
    return "".join(lazy_pinyin(word))


def _known_words(using: str):
    from search.selectors import popular_queries
    from search.synonyms import current_synonyms

    words = {}
    frequent = (
        SearchTerm.objects.using(using)
        .exclude(token__startswith="~")
        .exclude(token__startswith="@")
        .filter(df__gt=1)
        .order_by("-df")
        .values_list("token", "df")[:FREQUENT_WORDS]
    )
    for token, df in frequent:
        words[token] = df
    for term in current_synonyms().terms():
        words.setdefault(term, 1)
    for line in USER_DICT.read_text(encoding="utf-8").splitlines():
        if line.split():
            words.setdefault(normalize(line.split()[0]), 1)
    for query in popular_queries(50):
        words.setdefault(query, 1)
    return words


def vocabulary(using: str = "default"):
    if time.monotonic() - _vocabulary["built"] > VOCABULARY_SECONDS or not _vocabulary["pinyin"]:
        by_pinyin, ascii_words = {}, {}
        for word, df in _known_words(using).items():
            if is_cjk(word) and 2 <= len(word) <= 8:
                key = pinyin_key(word)
                if df > by_pinyin.get(key, ("", 0))[1]:
                    by_pinyin[key] = (word, df)
            elif word.isascii() and word.replace(" ", "").isalpha() and len(word) >= 3:
                ascii_words[word] = df
        _vocabulary.update(built=time.monotonic(), pinyin=by_pinyin, ascii=ascii_words)
    return _vocabulary


def forget_vocabulary() -> None:
    _vocabulary.update(built=0.0, pinyin={}, ascii={})


def _edit_distance(a: str, b: str, limit: int) -> int:
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def _known(token: str, using: str) -> bool:
    return SearchTerm.objects.using(using).filter(token=token, df__gt=0).exists()


def correct(text: str, using: str = "default") -> str | None:
    """A corrected form of ``text`` with the unknown words replaced, or None when there is none."""
    normalized = normalize(text)
    vocab = vocabulary(using)
    pieces = list(chinese_text.segmenter().cut(normalized))
    out, changed, i = [], False, 0
    while i < len(pieces):
        replaced = False
        # Try the longest run of pieces first: a typo often splits a word into single characters.
        for size in (3, 2, 1):
            span = "".join(pieces[i : i + size])
            if len(pieces[i : i + size]) < size or not is_cjk(span) or not 2 <= len(span) <= 8:
                continue
            if size == 1 and _known(span, using):
                break
            match = vocab["pinyin"].get(pinyin_key(span))
            if match and match[0] != span:
                out.append(match[0])
                i += size
                changed = replaced = True
                break
        if replaced:
            continue
        piece = pieces[i]
        if piece.isascii() and piece.isalpha() and len(piece) >= 3 and not _known(piece, using):
            best = min(vocab["ascii"], key=lambda w: (_edit_distance(piece, w, 2), -vocab["ascii"][w]), default=None)
            if best and _edit_distance(piece, best, 2) <= 2:
                out.append(best)
                changed = True
                i += 1
                continue
        out.append(piece)
        i += 1
    return "".join(out).strip() if changed else None


def did_you_mean(text: str, using: str = "default") -> str | None:
    """A correction of ``text`` that finds results, or None."""
    from search.selectors import search

    suggestion = correct(text, using)
    if suggestion and suggestion != normalize(text) and search(suggestion, using=using).hits:
        return suggestion
    return None
