"""Benchmark: smart matching at market scale (default 100,000 existing listings).

A synthetic market is generated from the development set (bench/match/dev_listings.jsonl):
each listing takes the title of one development listing and sentences of two others of the same
side, a random subset of countries and industries, an amount scaled up or down, and one of
5,000 organisations. Texts are segmented once (the site stores each listing's term vector).

Measured in the same run, on the same market, with the same weights and threshold as the site:

* **one new listing** – adding it to the in-memory ``MatchIndex`` and ranking the other side
  (``scoring.rank``, the code the site uses): latency p50/p95/max over ``--queries`` listings;
* **nightly re-match** – ranking every listing in the market (top 20 each): listings per second
  and the time for the whole market (``--nightly N`` times a random sample of N and extrapolates);
* **baseline** for both – a naive full scan: every listing of the other side scored in Python with
  the very same score (``scoring.components`` + ``scoring.total``), no index, no candidate pruning.
  Its latency is measured on ``--baseline-queries`` listings and its nightly time extrapolated from
  that rate (a full baseline night takes hours). The same queries also give the **agreement** of
  the two: the share of the full scan's top 20 that the indexed ranking also returns, i.e. what
  candidate pruning costs in quality.

Prints the figures and the ratios to the baseline; writes ``bench/results/match.json``.

    .venv/bin/python bench/match/run.py              # 100,000 listings; nightly timed on 5,000 and extrapolated (~6 min)
    .venv/bin/python bench/match/run.py --nightly 0  # the same with the whole-market night actually run (~1 h of one CPU)
    .venv/bin/python bench/match/run.py --quick      # 10,000 listings, nightly on a 1,000 sample (~1 min)
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
    """``size`` synthetic listings as engine documents, and the seconds spent segmenting their texts."""
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
        pool.append((side, a, title, description, text.analyze(title, description)))
    analyse_seconds = time.perf_counter() - started
    docs = []
    for i in range(size):
        side, template, title, description, terms = pool[rng.randrange(pool_size)]
        countries = list(template.get("countries") or []) if rng.random() < 0.5 else rng.sample(COUNTRIES, rng.randint(0, 3))
        industries = list(template.get("industries") or []) if rng.random() < 0.6 else rng.sample(INDUSTRIES, rng.randint(1, 2))
        amount = template.get("amount_usd")
        if amount is not None:
            factor = 10 ** rng.uniform(-1, 1)
            amount = [int(a * factor) for a in amount] if isinstance(amount, list) else int(amount * factor)
        org = f"org{rng.randrange(5000)}"
        docs.append(make_doc(id=i, side=side, kind=template.get("kind", ""), title=title, terms=dict(terms), countries=countries,
                             industries=industries, amount=amount, org=org, org_type=template.get("org_type", "")))
    return docs, analyse_seconds


def full_scan(query, docs_by_side, weights, quality, limit, min_score):
    """The baseline: score every listing of the other side with the site's score, keep the best ``limit``."""
    import heapq

    from matching.engine.scoring import components, total

    scored = []
    for other in docs_by_side["supply" if query.side == "demand" else "demand"]:
        if other.id == query.id or other.org == query.org:
            continue
        score = total(components(query, other, INDEX_REF[0], quality), weights)
        if score >= min_score:
            scored.append((score, str(other.id), other.id))
    return [doc_id for _, _, doc_id in heapq.nlargest(limit, scored)]


INDEX_REF = [None]  # the index whose IDF and vector lengths both rankers use


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def ms(seconds):
    return round(1000 * seconds, 2)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=None, help="existing listings in the market (default 100,000; 10,000 with --quick)")
    parser.add_argument("--queries", type=int, default=None, help="new listings ranked one at a time (default 200; 50 with --quick)")
    parser.add_argument("--baseline-queries", type=int, default=None, help="of which also ranked by the full scan (default 10)")
    parser.add_argument("--nightly", type=int, default=None,
                        help="listings re-matched in the timed nightly run, 0 = the whole market (default 5,000; 1,000 with --quick)")
    parser.add_argument("--limit", type=int, default=20, help="suggestions kept per listing (the site keeps MATCHING_SUGGESTIONS = 20)")
    parser.add_argument("--quick", action="store_true", help="small sizes for a quick check")
    parser.add_argument("--output", default=str(ROOT / "bench" / "results" / "match.json"), help="where to write the JSON result")
    args = parser.parse_args()
    quick = {"size": 10_000, "queries": 50, "baseline_queries": 10, "nightly": 1_000}
    # The whole-market night (--nightly 0) takes about an hour of one CPU at 100,000 listings: by default a sample of
    # 5,000 is timed and the whole market extrapolated from its rate.
    full = {"size": 100_000, "queries": 200, "baseline_queries": 10, "nightly": 5_000}
    for key, value in (quick if args.quick else full).items():
        if getattr(args, key) is None:
            setattr(args, key, value)
    args.baseline_queries = min(args.baseline_queries, args.queries)
    setup_django()
    from django.conf import settings

    from matching.engine.index import MatchIndex
    from matching.engine.scoring import NEUTRAL, Weights, rank

    weights = Weights.parse(settings.MATCHING_WEIGHTS)
    min_score = settings.MATCHING_MIN_SCORE
    total = args.size + args.queries
    print(f"生成 {total:,} 条模拟对接信息…", flush=True)
    docs, analyse_seconds = build_market(total, pool_size=min(20_000, total))
    existing, new = docs[: args.size], docs[args.size:]
    started = time.perf_counter()
    index = MatchIndex(existing)
    build_seconds = time.perf_counter() - started
    INDEX_REF[0] = index
    print(f"索引 {args.size:,} 条用时 {build_seconds:.1f} s（分词另计 {analyse_seconds:.1f} s）", flush=True)

    def quality(doc):
        return NEUTRAL

    # One new listing at a time: into the index, then ranked (what publishing a listing costs).
    latencies, candidates = [], []
    for doc in new:
        t0 = time.perf_counter()
        index.add(doc)
        rank(doc, index, weights=weights, quality=quality, limit=args.limit, min_score=min_score)
        latencies.append(time.perf_counter() - t0)
        candidates.append(len(index.candidates(doc, "supply" if doc.side == "demand" else "demand")))
    print(f"新信息匹配：{len(latencies)} 条完成", flush=True)

    # The baseline on the same market (now including the new listings, as the engine saw it at the end).
    by_side = {"demand": [], "supply": []}
    for doc in index.docs.values():
        by_side[doc.side].append(doc)
    base_latencies, agreement = [], []
    for doc in new[: args.baseline_queries]:
        t0 = time.perf_counter()
        top = full_scan(doc, by_side, weights, quality, args.limit, min_score)
        base_latencies.append(time.perf_counter() - t0)
        ours = {s.doc_id for s in rank(doc, index, weights=weights, quality=quality, limit=args.limit, min_score=min_score)}
        if top:
            agreement.append(len(ours & set(top)) / len(top))
    print(f"基线全量扫描：{len(base_latencies)} 条完成", flush=True)

    # The nightly re-match.
    ids = sorted(index.docs)
    if args.nightly:
        ids = random.Random(3).sample(ids, min(args.nightly, len(ids)))
    t0 = time.perf_counter()
    for n, pk in enumerate(ids, 1):
        rank(index.docs[pk], index, weights=weights, quality=quality, limit=args.limit, min_score=min_score)
        if n % 10_000 == 0:
            print(f"  夜间重匹配 {n:,}/{len(ids):,}", flush=True)
    nightly_seconds = time.perf_counter() - t0
    nightly_rate = len(ids) / nightly_seconds
    base_rate = len(base_latencies) / sum(base_latencies)

    result = {
        "command": " ".join(["bench/match/run.py", *sys.argv[1:]]),
        "quick": args.quick,
        "market": args.size,
        "weights": weights.as_dict(),
        "min_score": min_score,
        "analyse_seconds": round(analyse_seconds, 2),
        "index_build_seconds": round(build_seconds, 2),
        "new_listing_ms": {"p50": ms(statistics.median(latencies)), "p95": ms(percentile(latencies, 95)), "max": ms(max(latencies)),
                           "queries": len(latencies), "mean_candidates_scored": round(statistics.mean(candidates))},
        "baseline_new_listing_ms": {"p50": ms(statistics.median(base_latencies)), "p95": ms(percentile(base_latencies, 95)),
                                    "queries": len(base_latencies), "listings_scored": len(index.docs) // 2},
        "top20_agreement_with_full_scan": round(statistics.mean(agreement), 4) if agreement else None,
        "nightly": {"listings": len(ids), "seconds": round(nightly_seconds, 1), "listings_per_second": round(nightly_rate, 1),
                    "whole_market_seconds": round(len(index.docs) / nightly_rate, 1), "extrapolated": len(ids) < len(index.docs)},
        "baseline_nightly": {"listings_per_second": round(base_rate, 2), "whole_market_seconds_extrapolated": round(len(index.docs) / base_rate)},
    }
    result["speedup_new_listing_p50"] = round(result["baseline_new_listing_ms"]["p50"] / result["new_listing_ms"]["p50"], 1)
    result["speedup_new_listing_p95"] = round(result["baseline_new_listing_ms"]["p95"] / result["new_listing_ms"]["p95"], 1)
    result["speedup_nightly"] = round(nightly_rate / base_rate, 1)
    print()
    print(f"市场规模 {args.size:,} 条{'（--quick）' if args.quick else ''}")
    print(f"新信息匹配（{len(latencies)} 条）：p50 {result['new_listing_ms']['p50']} ms，p95 {result['new_listing_ms']['p95']} ms，"
          f"平均精排候选 {result['new_listing_ms']['mean_candidates_scored']} 条")
    print(f"  基线全量扫描（{len(base_latencies)} 条）：p50 {result['baseline_new_listing_ms']['p50']} ms，p95 {result['baseline_new_listing_ms']['p95']} ms"
          f" → 提速 p50 {result['speedup_new_listing_p50']} 倍，p95 {result['speedup_new_listing_p95']} 倍")
    print(f"  前 {args.limit} 名与全量扫描一致率：{result['top20_agreement_with_full_scan']:.1%}")
    whole = "全市场实测" if not result["nightly"]["extrapolated"] else "全市场外推"
    print(f"夜间全量重匹配：{len(ids):,} 条用时 {nightly_seconds:.1f} s，{nightly_rate:.0f} 条/秒，{whole} {result['nightly']['whole_market_seconds']:.0f} s")
    print(f"  基线：{base_rate:.2f} 条/秒，全市场外推 {result['baseline_nightly']['whole_market_seconds_extrapolated']:,} s → 提速 {result['speedup_nightly']} 倍")
    out = Path(args.output)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")
    print(f"结果已写入 {out}")


if __name__ == "__main__":
    main()
