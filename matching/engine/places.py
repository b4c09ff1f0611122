"""Countries and regions as the engine reads them: ISO codes, Chinese and English names, continents.

Read from ``taxonomy/data/countries.csv`` (the same file the taxonomy app loads), so the
engine needs no database. ``ALIASES`` adds the short names people write ("沙特", "阿联酋",
"刚果（金）"); ``REGION_WORDS`` are names of regions. Place names are kept out of the text
similarity – where a listing is belongs to the country component, not to what it is about.
"""

from functools import lru_cache

ALIASES = {
    "沙特": "SA", "阿联酋": "AE", "迪拜": "AE", "刚果（金）": "CD", "刚果(金)": "CD", "刚果金": "CD", "民主刚果": "CD",
    "刚果（布）": "CG", "刚果(布)": "CG", "刚果布": "CG", "印尼": "ID", "大马": "MY", "坦桑": "TZ", "埃塞": "ET",
    "南苏丹": "SS", "科特迪瓦": "CI", "马达加斯加": "MG", "乌兹别克": "UZ", "哈萨克": "KZ", "吉尔吉斯": "KG",
}
REGION_WORDS = frozenset(
    ["非洲", "东非", "西非", "南部非洲", "北非", "中部非洲", "撒哈拉", "亚洲", "东南亚", "南亚", "中亚", "西亚", "东亚", "中东", "海湾", "欧洲", "东欧", "西欧", "中东欧", "欧盟", "北美", "南美", "拉美", "拉丁美洲", "美洲", "加勒比", "大洋洲", "太平洋", "印度洋", "一带一路", "沿线"]
)
CONTINENT_LABELS = {"asia": "亚洲", "africa": "非洲", "europe": "欧洲", "americas": "美洲", "oceania": "大洋洲", "other": "其他地区"}
SHORT_LABELS = {"SA": "沙特", "AE": "阿联酋", "CD": "刚果（金）", "CG": "刚果（布）", "ID": "印尼", "DO": "多米尼加", "CF": "中非共和国"}


@lru_cache(maxsize=1)
def table():
    """(key → code, code → continent, code → Chinese name)."""
    from taxonomy.loading import country_rows

    by_key, continent, names = {}, {}, {}
    for row in country_rows():
        code = row["code"].upper()
        continent[code] = row["continent"]
        names[code] = row["name_zh"]
        for key in (code, row["alpha3"].upper(), row["name_zh"], row["name_en"].upper()):
            by_key[key] = code
    by_key.update(ALIASES)
    return by_key, continent, names


@lru_cache(maxsize=1)
def place_words() -> frozenset:
    """Words that only say where: country names, short names and regions."""
    _, _, names = table()
    return frozenset(names.values()) | frozenset(ALIASES) | REGION_WORDS


def code_for(value) -> str | None:
    raw = str(value).strip()
    by_key = table()[0]
    return by_key.get(raw.upper()) or by_key.get(raw)


def continent_of(code: str) -> str:
    return table()[1].get(code, "")


def country_label(code: str) -> str:
    return SHORT_LABELS.get(code) or table()[2].get(code, code)


def continent_label(continent: str) -> str:
    return CONTINENT_LABELS.get(continent, continent)
