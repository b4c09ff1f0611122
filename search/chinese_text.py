"""Chinese text for search: normalisation, word segmentation and character bigrams.

Everything that turns text into index tokens lives here, and the same functions are used when a
document is indexed and when a query is parsed, so both sides always agree:

* ``normalize`` — NFKC (full-width letters and digits become half-width), traditional characters
  become simplified (OpenCC's character table, applied with ``str.translate``), lower case,
  whitespace collapsed.
* ``words`` — rjieba (jieba's Rust port, ~20× faster with the same output) in search mode, with
  the going-global dictionary in ``data/userdict.txt``; long words also yield the dictionary words
  inside them (对外承包工程 → 对外, 承包, 工程, 承包工程, …) so a search for a part finds the whole.
* ``bigrams`` — every pair of adjacent Chinese characters, the index that lets a fragment that is
  no word at all (承包工) still be found.
"""

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import rjieba

DATA_DIR = Path(__file__).resolve().parent / "data"
USER_DICT = DATA_DIR / "userdict.txt"

# A token is a run of letters/digits of any script (CJK ideographs are letters); "_" separates.
TOKEN_RE = re.compile(r"[^\W_]+")
CJK_RUN_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
WHITESPACE_RE = re.compile(r"\s+")
MAX_TOKEN_CHARS = 40

# Function words that carry no meaning for search; dropped on both sides.
STOPWORDS = frozenset(
    ["的", "了", "和", "与", "及", "或", "是", "在", "对", "为", "于", "把", "被", "等", "之", "其", "这", "那", "也", "就", "都", "而", "并", "从", "向", "以", "由", "所", "着", "过", "吗", "呢", "吧", "啊", "呀", "a", "an", "the", "of", "and", "or", "to", "in", "on", "for", "is", "are", "be", "by", "with"]
)
# Words that make a query a question but say nothing about what is asked for.
QUESTION_WORDS = frozenset(
    ["怎么", "怎样", "怎么样", "如何", "什么", "哪些", "哪个", "哪里", "哪儿", "哪", "多少", "多久", "为什么", "为何", "是否", "能否", "可否", "能不能", "可不可以", "有没有", "是不是", "请问", "怎么办", "一下", "需要", "需", "要", "应该", "应当", "可以", "能", "会", "该", "我", "我们", "你", "你们", "咱们", "有", "没有", "吗", "呢", "想", "想要", "办", "去", "到", "做", "关于", "相关", "问题", "哪家", "几天", "多少天", "多长时间", "多长", "how", "what", "which", "where", "when", "why", "do", "does", "can", "should", "i", "we"]
)

# Words a question is phrased with that say little about its subject (办理, 遇到, 才能, 时间):
# kept, but optional — a document is not required to contain them.
WEAK_WORDS = frozenset(
    ["才能", "下来", "办下来", "遇到", "解决", "办理", "处理", "出现", "发生", "进行", "开展", "注意", "了解", "知道", "获得", "得到", "提供", "情况", "时候", "时间", "一般", "大概", "具体", "还有", "以及", "一些", "主要", "已经", "现在", "目前", "最新", "能够", "必须", "一定", "出了", "参加", "准备", "告诉", "帮忙", "帮助", "介绍"]
)
# What kind of answer a question word asks for, as words an answer usually contains
# (多久 → 工作日, 时限…): optional, weaker alternatives that rank answering documents first.
ANSWER_HINTS = {
    "多久": ["时限", "期限", "工作日", "多长时间"],
    "多长时间": ["时限", "期限", "工作日"],
    "几天": ["时限", "工作日", "天数", "时效"],
    "多少天": ["时限", "工作日", "天数"],
    "钱": ["费用", "收费", "价格", "费率"],
    "手续": ["备案", "流程", "材料", "登记", "审批"],
}


@lru_cache(maxsize=1)
def _traditional_table() -> dict[int, str]:
    """Traditional → simplified, character by character, from OpenCC's own dictionary."""
    import opencc

    path = Path(opencc.__file__).resolve().parent / "dictionary" / "TSCharacters.txt"
    table = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 2 and len(parts[0]) == 1:
            simplified = parts[1].split(" ")[0]
            if simplified and simplified != parts[0]:
                table[ord(parts[0])] = simplified
    return table


def normalize(text: str) -> str:
    """Half-width, simplified, lower-case text with single spaces."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text).translate(_traditional_table()).lower()
    return WHITESPACE_RE.sub(" ", text).strip()


@lru_cache(maxsize=1)
def segmenter() -> rjieba.Jieba:
    """rjieba's default dictionary plus the going-global terms of ``data/userdict.txt``."""
    jieba = rjieba.Jieba()
    for line in USER_DICT.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts or parts[0].startswith("#"):
            continue
        freq = int(parts[1]) if len(parts) > 1 else 1000
        jieba.add_word(parts[0].lower(), freq, parts[2] if len(parts) > 2 else "n")
    return jieba


def _clean(raw_tokens) -> list[str]:
    tokens = []
    for raw in raw_tokens:
        for token in TOKEN_RE.findall(raw):
            if token not in STOPWORDS and len(token) <= MAX_TOKEN_CHARS:
                tokens.append(token)
    return tokens


def _inner_words(word: str) -> list[str]:
    """Dictionary words of four or more characters inside a longer word (search mode stops at three)."""
    jieba = segmenter()
    found = []
    for size in range(4, len(word)):
        for start in range(len(word) - size + 1):
            part = word[start : start + size]
            if jieba.has_word(part):
                found.append(part)
    return found


def words(normalized: str) -> list[str]:
    """Index tokens of normalised text: words, the shorter words inside them, English words, numbers."""
    if not normalized:
        return []
    tokens = _clean(segmenter().cut_for_search(normalized))
    extra = [part for token in tokens if len(token) > 4 and CJK_RUN_RE.fullmatch(token) for part in _inner_words(token)]
    return tokens + extra


def cut(normalized: str) -> list[str]:
    """Precise-mode segmentation for queries (one token per word, no sub-words)."""
    return _clean(segmenter().cut(normalized))


def bigrams(normalized: str) -> list[str]:
    """Distinct pairs of adjacent Chinese characters, in order of first appearance."""
    grams = {}
    for run in CJK_RUN_RE.findall(normalized):
        for i in range(len(run) - 1):
            grams[run[i : i + 2]] = None
    return list(grams)


def is_cjk(text: str) -> bool:
    return bool(CJK_RUN_RE.fullmatch(text))


def has_word(word: str) -> bool:
    return segmenter().has_word(word)
