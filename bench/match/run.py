"""Benchmark: smart matching at market scale (default 100,000 existing listings).

A synthetic market is generated from the development set (bench/match/dev_listings.jsonl):
each listing takes the title of one development listing and sentences of two others of the same
side, a random subset of countries and industries, an amount scaled up or down, and one of
5,000 organisations. Texts are segmented once (the site stores each listing's term vector).

Measured in the same run, on the same market:

* **one new listing** – adding it to the in-memory ``MatchIndex`` and ranking the other side
  (``scoring.rank``, the code the site uses): latency p50/p95/max over ``--queries`` listings;
  **baseline** – the text-only ranker scanning every listing of the other side (no index);
* **nightly re-match** – ranking every listing in the market (top 20 each), in listings per
  second, and the time for the whole market; the baseline's rate is measured on a sample and
  its time for the whole market extrapolated (running it fully takes hours).

Prints the figures and the ratios to the baseline; writes ``bench/results/match.json``.

    .venv/bin/python bench/match/run.py                      # 100,000 listings
    .venv/bin/python bench/match/run.py --size 20000 --queries 100 --nightly 2000
"""

import argparse
import json
import os
import random
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def setup_django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()


COUNTRIES = ["KE", "TZ", "ET", "NG", "ZA", "EG", "ZM", "AO", "GH", "UG", "VN", "ID", "TH", "MY", "KH", "LA", "PH", "PK", "BD", "SA",
             "AE", "KZ", "UZ", "RU", "TR", "BR", "MX", "PE", "DE", "HU", "RS", "MN", "MM", "LK", "DZ", "MA", "CD", "MG", "SG", "IN"]
INDUSTRIES = list("ABCDEFGHIJKLMNOPQRS")


def sentences(text):
    return [s for s in re.split(r"(?<=[。；！？])", text) if s.strip()]


def build_market(size, seed=7, pool_size=20000):
    """``size`` synthetic listings as engine documents (plus their records for the baseline)."""
    from matching.engine import text
    from matching.engine.documents import make_doc

    rng = random.Random(seed)
    dev = [json.loads(line) for line in (ROOT / "bench" / "match" / "dev_listings.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    by_side = {"demand": [r for r in dev if r["side"] == "demand"], "supply": [r for r in dev if r["side"] == "supply"]}
    # A pool of distinct texts, each segmented once; listings draw from it.
    pool = []
    started = time.perf_counter()
    for i in range(pool_size):
        side = "demand" if i % 2 else "supply"
        a, b, c = rng.sample(by_side[side], 3)
        parts = sentences(b["description"])[:2] + sentences(c["description"])[-1:]
        rng.shuffle(parts)
        title, description = a["title"], "".join(parts)
        pool.append((side, a, title, description, text.analyze(title, description), text.plain_terms(title, description)))
    analyse_seconds = time.perf_counter() - started
    docs, records = [], []
    for i in range(size):
        side, template, title, description, terms, plain = pool[rng.randrange(pool_size)]
        countries = list(template.get("countries") or []) if rng.random() < 0.5 else rng.sample(COUNTRIES, rng.randint(0, 3))
        industries = list(template.get("industries") or []) if rng.random() < 0.6 else rng.sample(INDUSTRIES, rng.randint(1, 2))
        amount = template.get("amount_usd")
        if amount is not None:
            factor = 10 ** rng.uniform(-1, 1)
            amount = [int(a * factor) for a in amount] if isinstance(amount, list) else int(amount * factor)
        org = f"org{rng.randrange(5000)}"
        docs.append(make_doc(id=i, side=side, kind=template.get("kind", ""), title=title, terms=dict(terms), countries=countries,
                             industries=industries, amount=amount, org=org, org_type=template.get("org_type", "")))
        records.append((i, side, plain, org))
    return docs, records, analyse_seconds


class Baseline:
    """The text-only ranker of ``matching.engine.baseline`` over pre-segmented plain terms."""

    def __init__(self, records):
        from matching.engine.baseline import TextOnlyRanker

        ranker = TextOnlyRanker.__new__(TextOnlyRanker)
        ranker.items = [(rid, side, terms, org) for rid, side, terms, org in records]
        import math
        from collections import Counter

        df = Counter(t for _, _, terms, _ in ranker.items for t in terms)
        n = len(ranker.items)
        ranker.idf = {t: math.log((n + 1) / (c + 1)) + 1.0 for t, c in df.items()}
        ranker.norms = {rid: ranker._norm(terms) for rid, _, terms, _ in ranker.items}
        self.ranker = ranker
        self.terms = {rid: terms for rid, _, terms, _ in records}

    def rank(self, rid, side, org, limit):
        return self.ranker.rank(rid, side, self.terms[rid], query_org=org, limit=limit)


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000, help="existing listings in the market")
    parser.add_argument("--queries", type=int, default=200, help="new listings ranked one at a time")
    parser.add_argument("--baseline-queries", type=int, default=20, help="of which also ranked by the baseline")
    parser.add_argument("--nightly", type=int, default=0, help="listings re-matched in the nightly run (0 = the whole market)")
    parser.add_argument("--limit", type=int, default=20, help="suggestions kept per listing")
    args = parser.parse_args()
    setup_django()
    from matching.engine.index import MatchIndex
    from matching.engine.scoring import NEUTRAL, Weights, rank

    weights = Weights.parse("")
    total = args.size + args.queries
    print(f"生成 {total:,} 条模拟对接信息…", flush=True)
    docs, records, analyse_seconds = build_market(total)
    existing, new = docs[: args.size], docs[args.size:]
    started = time.perf_counter()
    index = MatchIndex(existing)
    build_seconds = time.perf_counter() - started
    print(f"索引 {args.size:,} 条用时 {build_seconds:.1f} s（分词另计 {analyse_seconds:.1f} s / 2 万条文本）", flush=True)

    def quality(doc):
        return NEUTRAL

    latencies, candidates = [], []
    for doc in new:
        t0 = time.perf_counter()
        index.add(doc)
        rank(doc, index, weights=weights, quality=quality, limit=args.limit, min_score=0.25)
        latencies.append(time.perf_counter() - t0)
        candidates.append(len(index.candidates(doc, "supply" if doc.side == "demand" else "demand")))
    baseline = Baseline(records[: args.size] + records[args.size: args.size + args.baseline_queries])
    base_latencies = []
    for doc in new[: args.baseline_queries]:
        t0 = time.perf_counter()
        baseline.rank(doc.id, doc.side, doc.org, args.limit)
        base_latencies.append(time.perf_counter() - t0)

    ids = sorted(index.docs)
    if args.nightly:
        ids = random.Random(3).sample(ids, min(args.nightly, len(ids)))
    t0 = time.perf_counter()
    for pk in ids:
        rank(index.docs[pk], index, weights=weights, quality=quality, limit=args.limit, min_score=0.25)
    nightly_seconds = time.perf_counter() - t0
    nightly_rate = len(ids) / nightly_seconds
    base_rate = len(base_latencies) / sum(base_latencies)

    result = {
        "market": args.size, "analyse_seconds_20k_texts": round(analyse_seconds, 2), "index_build_seconds": round(build_seconds, 2),
        "new_listing_ms": {"p50": round(1000 * statistics.median(latencies), 2), "p95": round(1000 * percentile(latencies, 95), 2),
                           "max": round(1000 * max(latencies), 2), "queries": len(latencies),
                           "mean_candidates_scored": round(statistics.mean(candidates))},
        "baseline_new_listing_ms": {"p50": round(1000 * statistics.median(base_latencies), 2), "p95": round(1000 * percentile(base_latencies, 95), 2),
                                    "queries": len(base_latencies)},
        "nightly": {"listings": len(ids), "seconds": round(nightly_seconds, 1), "listings_per_second": round(nightly_rate, 1),
                    "whole_market_seconds": round(len(index.docs) / nightly_rate, 1)},
        "baseline_nightly": {"listings_per_second": round(base_rate, 2), "whole_market_seconds_extrapolated": round(len(index.docs) / base_rate)},
    }
    result["speedup_new_listing_p50"] = round(result["baseline_new_listing_ms"]["p50"] / result["new_listing_ms"]["p50"], 1)
    result["speedup_nightly"] = round(nightly_rate / base_rate, 1)
    print()
    print(f"新信息匹配（{len(latencies)} 条）：p50 {result['new_listing_ms']['p50']} ms，p95 {result['new_listing_ms']['p95']} ms，"
          f"平均精排候选 {result['new_listing_ms']['mean_candidates_scored']} 条")
    print(f"  纯文本基线全量扫描（{len(base_latencies)} 条）：p50 {result['baseline_new_listing_ms']['p50']} ms → 提速 {result['speedup_new_listing_p50']} 倍")
    print(f"夜间全量重匹配：{len(ids):,} 条用时 {nightly_seconds:.1f} s，{nightly_rate:.0f} 条/秒，全市场约 {result['nightly']['whole_market_seconds']:.0f} s")
    print(f"  纯文本基线：{base_rate:.2f} 条/秒，全市场约 {result['baseline_nightly']['whole_market_seconds_extrapolated']:,} s → 提速 {result['speedup_nightly']} 倍")
    out = ROOT / "bench" / "results" / "match.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")
    print(f"结果已写入 {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
