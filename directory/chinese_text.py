"""Word segmentation for searching Chinese profiles.

Chinese has no spaces, so a query such as “肯尼亚工程机械” is not a substring of a profile
that says “在肯尼亚销售工程机械”. We cut both the profile and the query into words with
jieba (search mode, which also yields the shorter words inside long ones) and match words.
"""

import logging
import re

import jieba

jieba.setLogLevel(logging.WARNING)  # not "Building prefix dict…" on every start

_PUNCT = re.compile(r"[\s\W_]+", re.UNICODE)
STOPWORDS = frozenset(["的", "了", "和", "与", "及", "等", "在", "是", "有", "为", "对", "中", "我们", "公司", "有限公司", "有限责任公司", "集团", "股份"])


def words(text: str) -> list[str]:
    """The distinct search words of ``text``, lower-cased, in order, without punctuation or stopwords."""
    seen, out = set(), []
    for raw in jieba.cut_for_search(text or ""):
        word = _PUNCT.sub("", raw).lower()
        if word and word not in STOPWORDS and word not in seen:
            seen.add(word)
            out.append(word)
    return out


def query_words(query: str) -> list[str]:
    """Words a query must match: jieba's precise cut (not search mode, which would add
    sub-words and make matching stricter than the user meant)."""
    seen, out = set(), []
    for raw in jieba.cut(query or ""):
        word = _PUNCT.sub("", raw).lower()
        if word and word not in STOPWORDS and word not in seen:
            seen.add(word)
            out.append(word)
    return out


def index_text(*parts: str) -> str:
    """The stored search text: the segmented words, space separated and space delimited,
    followed by the raw text (so a query word jieba cut differently still matches as a substring)."""
    joined = " ".join(p for p in parts if p)
    return " " + " ".join(words(joined)) + " \n" + joined.lower()
