"""Relevance evaluation: load a document set into a throw-away index, run judged queries, score.

Used by ``manage.py search_eval``. Documents go through the same ``IndexDocument`` → row code as
the site's articles and every query through the same ``Searcher`` the results page uses; only
the database is a fresh one (``search.isolated``). The baseline is the database's plain full-text
search over the raw, unsegmented text, measured in the same run.

Metrics (k = 10): nDCG@k with gain 2^grade − 1 and log2 discount, the ideal ordering taken from
all judged documents; recall@k over documents with grade ≥ 1; MRR = 1 / rank of the first
relevant document within the top k (0 when there is none).
"""

import json
import math
import re
import time
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from django.db import connections

from search.backends import backend_for
from search.documents import IndexDocument
from search.engine import Searcher
from search.index import bulk_load
from search.isolated import isolated_index

K = 10


# ---------------------------------------------------------------------------
# Metrics
# ---------------------------------------------------------------------------
def dcg(grades) -> float:
    return sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(grades))


def ndcg_at_k(ranked: list[str], relevant: dict[str, int], k: int = K) -> float:
    ideal = dcg(sorted(relevant.values(), reverse=True)[:k])
    if ideal == 0:
        return 0.0
    return dcg([relevant.get(doc, 0) for doc in ranked[:k]]) / ideal


def recall_at_k(ranked: list[str], relevant: dict[str, int], k: int = K) -> float:
    wanted = {doc for doc, grade in relevant.items() if grade > 0}
    if not wanted:
        return 0.0
    return len(wanted & set(ranked[:k])) / len(wanted)


def reciprocal_rank(ranked: list[str], relevant: dict[str, int], k: int = K) -> float:
    for position, doc in enumerate(ranked[:k], 1):
        if relevant.get(doc, 0) > 0:
            return 1.0 / position
    return 0.0


def percentile(values: list[float], fraction: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, math.ceil(fraction * len(ordered)) - 1))
    return ordered[index]


# ---------------------------------------------------------------------------
# Input
# ---------------------------------------------------------------------------
class EvaluationInputError(ValueError):
    pass


def _lines(path: Path):
    try:
        text = path.read_text(encoding="utf-8-sig")  # a byte-order mark is allowed
    except FileNotFoundError:
        raise EvaluationInputError(f"找不到文件：{path}") from None
    except UnicodeDecodeError:
        raise EvaluationInputError(f"{path} 不是 UTF-8 编码的文本文件") from None
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            yield number, json.loads(line)
        except json.JSONDecodeError as exc:
            raise EvaluationInputError(f"{path.name} 第 {number} 行不是合法的 JSON：{exc.msg}") from None


DATE_RE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")


def _date(value, where: str) -> date:
    """A publication date as ISO (2024-03-12, with or without a time) or 2024/3/12, 2024年3月12日."""
    if not value:
        return date(2000, 1, 1)
    text = str(value).strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    found = DATE_RE.match(text)
    try:
        return date(*map(int, found.groups()))
    except (AttributeError, ValueError):  # no date pattern, or no such day (2024/2/30)
        raise EvaluationInputError(f"{where} 的 published_at 不是日期：{value}（应为 YYYY-MM-DD）") from None


def _plain(text) -> str:
    """Plain text of a field that may hold HTML, as the site indexes an article's rich text."""
    text = str(text or "")
    if "<" in text and ">" in text:
        from wagtail.rich_text import get_text_for_indexing

        return get_text_for_indexing(text)
    return text


def _grade(value, where: str, doc_id) -> int:
    """A judgment: 0–3 as a number or a numeric string ("2", 2.0)."""
    try:
        grade = float(value)
    except (TypeError, ValueError):
        grade = -1
    if isinstance(value, bool) or not grade.is_integer() or not 0 <= grade <= 3:
        raise EvaluationInputError(f"{where} 的相关度必须是 0–3 的整数：{doc_id}={value}")
    return int(grade)


class _Vocabulary:
    """Country and industry names of the site's taxonomy, to read a document's facets.

    A facet value may be a code (``KE``, ``C``) or a Chinese or English name (``肯尼亚``,
    ``Kenya``, ``制造业``). Known ones become codes — the facets the site filters on — and their
    Chinese names become searchable text, as on the site's pages; a value the taxonomy does not
    know (``工程机械``, a region) is kept as searchable text, like a page's tags.
    """

    def __init__(self):
        from taxonomy.models import Country, Industry

        countries = Country.objects.values_list("code", "name_zh", "name_en")
        self.country_names = {code: zh for code, zh, _ in countries}
        self.countries = {n.lower(): code for code, zh, en in countries for n in (zh, en) if n}
        self.industry_names = dict(Industry.objects.values_list("code", "name_zh"))
        self.industries = {name: code for code, name in self.industry_names.items()}

    def read(self, values, by_name: dict, names: dict) -> tuple[list[str], list[str]]:
        """(codes, searchable words) of one facet's values."""
        codes, words = [], []
        for value in values or []:
            value = str(value).strip()
            code = value.upper() if value.upper() in names else by_name.get(value.lower())
            if code:
                codes.append(code)
                words.append(names[code])
            elif value:
                words.append(value)
        return codes, words

    def countries_of(self, values):
        return self.read(values, self.countries, self.country_names)

    def industries_of(self, values):
        return self.read(values, self.industries, self.industry_names)


def load_documents(path: Path) -> list[IndexDocument]:
    vocabulary = _Vocabulary()
    docs, seen = [], set()
    for number, item in _lines(path):
        where = f"{path.name} 第 {number} 行"
        if not isinstance(item, dict) or not item.get("id") or not item.get("title"):
            raise EvaluationInputError(f"{where} 缺少 id 或 title")
        doc_id = str(item["id"])
        if doc_id in seen:
            raise EvaluationInputError(f"{where} 的 id 重复：{doc_id}")
        seen.add(doc_id)
        countries, country_words = vocabulary.countries_of(_listed(item.get("countries"), where, "countries"))
        industries, industry_words = vocabulary.industries_of(_listed(item.get("industries"), where, "industries"))
        docs.append(
            IndexDocument(
                kind="article",
                object_id=doc_id,
                title=_plain(item["title"]).strip(),
                url=f"#{doc_id}",
                date=_date(item.get("published_at"), where),
                body="\n".join(t for t in (_plain(item.get("summary")), _plain(item.get("body"))) if t),
                column=str(item.get("column") or ""),
                countries=countries,
                industries=industries,
                extra=" ".join(country_words + industry_words),
            )
        )
    if not docs:
        raise EvaluationInputError(f"{path.name} 里没有文档")
    return docs


def _listed(value, where: str, field_name: str) -> list:
    """A facet field as a list: a list as it is, one string as one value (or several, split by ,，、;)."""
    if value in (None, ""):
        return []
    if isinstance(value, str):
        return [part for part in re.split(r"[,，、;；]", value) if part.strip()]
    if isinstance(value, list):
        return value
    raise EvaluationInputError(f"{where} 的 {field_name} 应是列表，例如 [\"肯尼亚\"]")


@dataclass
class JudgedQuery:
    qid: str
    query: str
    kind: str
    relevant: dict[str, int]


def load_queries(path: Path, doc_ids: set[str]) -> list[JudgedQuery]:
    queries = []
    for number, item in _lines(path):
        where = f"{path.name} 第 {number} 行"
        judged = item.get("relevant") if isinstance(item, dict) else None
        if isinstance(judged, list):  # a plain list of relevant documents: each of grade 1
            judged = dict.fromkeys(map(str, judged), 1)
        if not isinstance(item, dict) or not item.get("query") or not isinstance(judged, dict):
            raise EvaluationInputError(f"{where} 需要 query 和 relevant（文档编号 → 1–3 的相关度）")
        relevant = {}
        for doc_id, grade in judged.items():
            grade = _grade(grade, where, doc_id)
            if str(doc_id) not in doc_ids:
                raise EvaluationInputError(f"{where} 引用了不存在的文档：{doc_id}")
            relevant[str(doc_id)] = grade
        queries.append(JudgedQuery(str(item.get("qid") or number), str(item["query"]), str(item.get("kind") or "other"), relevant))
    if not queries:
        raise EvaluationInputError(f"{path.name} 里没有查询")
    return queries


# ---------------------------------------------------------------------------
# Running
# ---------------------------------------------------------------------------
@dataclass
class QueryOutcome:
    query: JudgedQuery
    ranked: list[str]
    baseline: list[str]
    ms: float
    baseline_ms: float

    def metrics(self, which: str = "ours") -> dict[str, float]:
        ranked = self.ranked if which == "ours" else self.baseline
        rel = self.query.relevant
        return {"ndcg": ndcg_at_k(ranked, rel), "recall": recall_at_k(ranked, rel), "mrr": reciprocal_rank(ranked, rel)}


@dataclass
class Report:
    vendor: str
    documents: int
    index_seconds: float
    outcomes: list[QueryOutcome] = field(default_factory=list)

    def summary(self, which: str = "ours", kind: str | None = None) -> dict[str, float]:
        chosen = [o for o in self.outcomes if kind is None or o.query.kind == kind]
        if not chosen:
            return {"ndcg": 0.0, "recall": 0.0, "mrr": 0.0, "queries": 0}
        totals = {"ndcg": 0.0, "recall": 0.0, "mrr": 0.0}
        for outcome in chosen:
            for name, value in outcome.metrics(which).items():
                totals[name] += value
        result = {name: value / len(chosen) for name, value in totals.items()}
        times = [o.ms if which == "ours" else o.baseline_ms for o in chosen]
        result.update(queries=len(chosen), p50_ms=percentile(times, 0.5), p95_ms=percentile(times, 0.95))
        return result

    def kinds(self) -> list[str]:
        return sorted({o.query.kind for o in self.outcomes})

    def as_dict(self) -> dict:
        return {
            "vendor": self.vendor,
            "documents": self.documents,
            "index_seconds": self.index_seconds,
            "overall": {"ours": self.summary("ours"), "baseline": self.summary("baseline")},
            "by_kind": {k: {"ours": self.summary("ours", k), "baseline": self.summary("baseline", k)} for k in self.kinds()},
            "queries": [
                {"qid": o.query.qid, "query": o.query.query, "kind": o.query.kind, "ms": o.ms, "top10": o.ranked[:K], **o.metrics()}
                for o in self.outcomes
            ],
        }


def evaluate(docs_path: Path, queries_path: Path, vendor: str | None = None) -> Report:
    docs = load_documents(Path(docs_path))
    queries = load_queries(Path(queries_path), {d.object_id for d in docs})
    with isolated_index(vendor, baseline=True) as alias:
        connection = connections[alias]
        backend = backend_for(connection)
        started = time.perf_counter()
        bulk_load(docs, using=alias)
        backend.refresh_statistics(connection)
        report = Report(vendor=connection.vendor, documents=len(docs), index_seconds=time.perf_counter() - started)
        backend.baseline_insert(connection, [(d.object_id, d.title, d.body) for d in docs])
        searcher = Searcher(alias)
        searcher.search(queries[0].query)  # warm up: dictionary, synonyms, connection
        for judged in queries:
            started = time.perf_counter()
            ranked = searcher.search(judged.query).keys(K)
            ms = (time.perf_counter() - started) * 1000
            started = time.perf_counter()
            baseline = backend.baseline_search(connection, judged.query, K)
            baseline_ms = (time.perf_counter() - started) * 1000
            report.outcomes.append(QueryOutcome(judged, ranked, baseline, ms, baseline_ms))
    return report
