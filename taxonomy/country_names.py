"""Country names from CLDR (through Babel), and the keys they are sorted by.

Names are not typed by hand: the Chinese and English names of every ISO 3166 code come from
the Unicode Common Locale Data Repository, so a Babel upgrade brings corrections with it.
``OVERRIDES`` lists the few names Chinese official usage requires instead of CLDR's, each with
its reason. Pinyin keys are computed from the names; ``READINGS`` fixes the characters whose
reading in a transliterated name differs from pypinyin's guess (佛得角 is Fódéjiǎo, not Fúdéjiǎo).
"""

import re
import unicodedata
from functools import lru_cache

from babel import Locale
from pypinyin import Style, lazy_pinyin

CHINESE_LOCALE = "zh_Hans_CN"
ENGLISH_LOCALE = "en"

OVERRIDES = {
    # CLDR's zh default is “台湾”; the PRC's standard naming (GB/T 2659, 外交部) names it as part of China.
    "TW": {"zh": "中国台湾", "en": "Taiwan, China"},
    # CLDR says “巴勒斯坦领土 / Palestinian Territories”; China has recognised the State of Palestine since 1988.
    "PS": {"zh": "巴勒斯坦", "en": "Palestine"},
}

# Readings of characters in transliterated names where pypinyin's default is wrong.
READINGS = {"佛": "fo2", "泊": "bo2", "勒": "le4", "塞": "sai4"}

_NOT_KEY = re.compile(r"[^0-9a-z]")


@lru_cache(maxsize=2)
def _territories(locale: str) -> dict:
    return Locale.parse(locale).territories


def chinese_name(code: str) -> str:
    """The Chinese (simplified, mainland) name of an ISO 3166-1 alpha-2 code."""
    return OVERRIDES.get(code, {}).get("zh") or _territories(CHINESE_LOCALE)[code]


def english_name(code: str) -> str:
    return OVERRIDES.get(code, {}).get("en") or _territories(ENGLISH_LOCALE)[code]


def _syllables(name: str) -> list[str]:
    """Pinyin with tone digits, one item per character (a non-Chinese run is split too, so
    ``READINGS`` can be applied by position)."""
    syllables = lazy_pinyin(name, style=Style.TONE3, neutral_tone_with_five=True, errors=lambda run: list(run))
    return [READINGS.get(char, syllable).lower() for char, syllable in zip(name, syllables, strict=True)]


def pinyin_key(name: str) -> str:
    """Sort key of a Chinese name by pinyin: syllables with their tone digit, nothing else.

    The tone digit ends each syllable, so 西 (xi1) sorts before 先 (xian1) without a separator,
    and the key has only ASCII letters and digits — every database collation orders it the same.
    """
    return _NOT_KEY.sub("", "".join(_syllables(name)))


def english_key(name: str) -> str:
    """Sort key of an English name: letters and digits, accents removed (Åland sorts under A)."""
    plain = unicodedata.normalize("NFKD", name)
    return _NOT_KEY.sub("", "".join(c for c in plain if not unicodedata.combining(c)).casefold())


def search_terms(name_zh: str, name_en: str, code: str) -> str:
    """Words a searchable picker matches besides its label: pinyin, pinyin initials, both names, the code."""
    syllables = [re.sub(r"[^a-z]", "", s) for s in _syllables(name_zh)]
    return " ".join(["".join(syllables), "".join(s[:1] for s in syllables), name_zh, name_en, code])
