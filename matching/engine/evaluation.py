"""The evaluation harness: rank supply listings for every graded demand, in an isolated store.

Input (JSON Lines, UTF-8):

* listings – ``{"id", "side": "supply"|"demand", "kind", "title", "description", "countries",
  "industries", "amount_usd", "org", "org_type"}``; countries as ISO codes or names, industries
  as GB/T 4754 sections or names, ``amount_usd`` a number, ``[low, high]`` or null;
* gold – ``{"demand": id, "good": {"supply id": grade 1–3}}``.

Nothing touches the site's tables: the listings become ``MatchDoc`` objects in a fresh
``MatchIndex`` and are ranked by ``scoring.rank`` – the code the site ranks with. Quality
ratings are not part of the input, so every organisation counts as unrated (0.5).
"""

import json
from dataclasses import dataclass, field
from pathlib import Path

from matching.engine import metrics
from matching.engine.baseline import TextOnlyRanker
from matching.engine.documents import AmountError, doc_from_record
from matching.engine.index import MatchIndex
from matching.engine.scoring import Weights, rank
from matching.kinds import Side


class InputError(ValueError):
    """A problem with the input files, with the file and line it was found on."""


@dataclass
class Dataset:
    records: list
    docs: list
    gold: dict
    warnings: list = field(default_factory=list)


def read_jsonl(path):
    try:
        lines = Path(path).read_text(encoding="utf-8-sig").splitlines()
    except OSError as exc:
        raise InputError(f"无法打开文件 {path}：{exc.strerror}") from None
    except UnicodeDecodeError:
        raise InputError(f"文件 {path} 不是 UTF-8 编码") from None
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path} 第 {number} 行不是有效的 JSON：{exc.msg}") from None
        if not isinstance(value, dict):
            raise InputError(f"{path} 第 {number} 行应为 JSON 对象")
        yield number, value


def load(listings_path, gold_path) -> Dataset:
    records, docs, seen, warnings = [], [], set(), []
    for number, record in read_jsonl(listings_path):
        try:
            try:
                doc = doc_from_record(record)
            except AmountError as exc:
                warnings.append(f"{listings_path} 第 {number} 行：{exc}，按金额不详处理")
                doc = doc_from_record({**record, "amount_usd": None})
        except ValueError as exc:
            raise InputError(f"{listings_path} 第 {number} 行：{exc}") from None
        if doc.id in seen:
            raise InputError(f"{listings_path} 第 {number} 行：重复的 id “{doc.id}”")
        seen.add(doc.id)
        records.append(record)
        docs.append(doc)
    by_id = {d.id: d for d in docs}
    gold = {}
    for number, row in read_jsonl(gold_path):
        demand = str(row.get("demand", ""))
        good = row.get("good")
        if demand not in by_id or by_id[demand].side != Side.DEMAND:
            warnings.append(f"{gold_path} 第 {number} 行：需求 “{demand}” 不在需求清单中，已跳过")
            continue
        if not isinstance(good, dict):
            raise InputError(f"{gold_path} 第 {number} 行：good 应为 {{供给 id: 等级}}")
        grades = {}
        for supply, grade in good.items():
            if str(supply) not in by_id or by_id[str(supply)].side != Side.SUPPLY:
                warnings.append(f"{gold_path} 第 {number} 行：供给 “{supply}” 不在供给清单中")
                continue
            if not isinstance(grade, (int, float)) or not 0 <= grade <= 3:
                raise InputError(f"{gold_path} 第 {number} 行：“{supply}” 的等级应为 1–3，而不是 {grade!r}")
            grades[str(supply)] = grade
        gold[demand] = grades
    return Dataset(records=records, docs=docs, gold=gold, warnings=warnings)


def engine_rankings(dataset: Dataset, weights: Weights, limit=10) -> dict:
    """Supply ids ranked by the engine for every demand (same code as the site)."""
    index = MatchIndex(dataset.docs)
    return {
        doc.id: [s.doc_id for s in rank(doc, index, weights=weights, limit=limit)]
        for doc in dataset.docs
        if doc.side == Side.DEMAND
    }


def engine_suggestions(dataset: Dataset, weights: Weights, demand_id, limit=5):
    index = MatchIndex(dataset.docs)
    query = index.docs[demand_id]
    return rank(query, index, weights=weights, limit=limit)


def baseline_rankings(dataset: Dataset, limit=10) -> dict:
    ranker = TextOnlyRanker(
        (str(r["id"]), str(r["side"]).strip().lower(), str(r["title"]), str(r.get("description") or ""), r.get("org")) for r in dataset.records
    )
    terms = {rid: t for rid, _, t, _ in ranker.items}
    return {
        doc.id: ranker.rank(doc.id, doc.side, terms[doc.id], query_org=doc.org, limit=limit)
        for doc in dataset.docs
        if doc.side == Side.DEMAND
    }


def evaluate(dataset: Dataset, weights: Weights) -> dict:
    """Metrics of the engine and of the text-only baseline, with per-demand rankings."""
    ours = engine_rankings(dataset, weights)
    base = baseline_rankings(dataset)
    return {
        "engine": metrics.summarize(ours, dataset.gold),
        "baseline": metrics.summarize(base, dataset.gold),
        "rankings": ours,
        "baseline_rankings": base,
        "listings": len(dataset.docs),
        "supply": sum(1 for d in dataset.docs if d.side == Side.SUPPLY),
        "demand": sum(1 for d in dataset.docs if d.side == Side.DEMAND),
        "weights": weights.as_dict(),
    }
