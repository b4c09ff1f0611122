"""Benchmark: site search at 100,000 and 1,000,000 generated Chinese documents on PostgreSQL.

For each size, in a throw-away database on the site's PostgreSQL server (``search.isolated``):

1. generate the documents (titles and sentences recombined from the development set in
   ``bench/search/docs.jsonl``, with country names, dates over five years), segment them and load
   them with the code the site uses (``search.index.bulk_load``), store them in date order as
   ``rebuild_search_index`` does (``search.backends.postgres.arrange``) — then build the GIN
   index; each step timed on its own;
2. run 200 mixed queries (exact titles, two-character words, multi-term, partial words,
   abbreviations and synonyms, English country names, question-style) through ``Searcher`` —
   the same code as the results page: parsing, candidates from the GIN index, BM25F ranking,
   facet counts — and report p50/p95/max latency; then the same 200 once more (their index
   pages now in memory: a server's steady state), reported beside the first pass;
3. run the same queries through the naive baseline, ``title ILIKE '%term%' OR body ILIKE
   '%term%'`` for every term (newest 10), and report the ratio of the latencies.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/xqch_search .venv/bin/python bench/search/run.py
    ... run.py --quick                   # 10,000 documents, a minute or two
    ... run.py --sizes 100000            # one size
    ... run.py --sizes 1000000 --baseline-queries 50
    ... run.py --sizes 1000000 --reuse   # load once and keep; later runs only query
    ... run.py --sizes 1000000 --reuse --cold   # first pass from an empty page cache (root)

Writes ``bench/results/search.json``.
"""

import argparse
import json
import os
import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
RESULTS = ROOT / "bench" / "results" / "search.json"
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")


def setup():
    import django

    django.setup()
    from django.db import connections

    if connections["default"].vendor != "postgresql":
        raise SystemExit("本基准需要 PostgreSQL：DATABASE_URL=postgres://postgres@127.0.0.1:5432/xqch_search .venv/bin/python bench/search/run.py")


def devset():
    docs = [json.loads(line) for line in (HERE / "docs.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    queries = [json.loads(line) for line in (HERE / "queries.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    return docs, queries


def sentences_of(text):
    out, current = [], ""
    for ch in text:
        current += ch
        if ch in "。！？；":
            out.append(current)
            current = ""
    if current.strip():
        out.append(current)
    return out


def generate(n, seed=7):
    """``n`` IndexDocuments recombined from the development set."""
    from search.documents import IndexDocument
    from taxonomy.models import Country

    docs, _ = devset()
    titles = [d["title"] for d in docs]
    sentences = [s for d in docs for s in sentences_of(d["body"])]
    columns = sorted({d["column"] for d in docs if d.get("column")})
    countries = list(Country.objects.values_list("code", "name_zh"))
    rng = random.Random(seed)
    start = date(2021, 1, 1)
    for i in range(n):
        picked = rng.sample(countries, rng.choice((0, 1, 1, 2)))
        names = "".join(name for _, name in picked)
        body = "".join(rng.sample(sentences, rng.randint(3, 6)))
        yield IndexDocument(
            kind="article",
            object_id=str(i),
            title=(names + rng.choice(titles))[:300],
            url=f"/bench/{i}/",
            date=start + timedelta(days=rng.randrange(5 * 365)),
            body=body,
            column=rng.choice(columns),
            countries=[code for code, _ in picked],
            extra=names,
        )


def mixed_queries(count=200, seed=11):
    """The development set's queries plus words and fragments of its titles, 200 in all."""
    from search import chinese_text

    docs, judged = devset()
    rng = random.Random(seed)
    queries = [q["query"] for q in judged]
    words = sorted({w for d in docs for w in chinese_text.cut(chinese_text.normalize(d["title"])) if chinese_text.is_cjk(w) and len(w) >= 2})
    two = [w for w in words if len(w) == 2]
    long = [w for w in words if len(w) >= 4]
    english = ["Kenya", "Vietnam", "Egypt", "Indonesia", "Nigeria", "Russia", "Saudi Arabia", "Thailand", "Brazil", "Germany"]
    while len(queries) < count:
        pick = rng.random()
        if pick < 0.3:
            queries.append(rng.choice(two))
        elif pick < 0.5:
            queries.append(rng.choice(long))
        elif pick < 0.65:
            word = rng.choice(long)
            queries.append(word[: len(word) - 1])  # partial: the word without its last character
        elif pick < 0.85:
            queries.append(f"{rng.choice(words)} {rng.choice(words)}")
        else:
            queries.append(rng.choice(english))
    return queries[:count]


def baseline(connection, query, limit=10):
    """The naive scan: every term as ILIKE '%term%' on title or body, newest first."""
    terms = [t for t in query.replace("？", " ").replace("?", " ").split() if t] or [query]
    where = " AND ".join(["(title ILIKE %s OR body ILIKE %s)"] * len(terms))
    params = [p for t in terms for p in (f"%{t}%", f"%{t}%")]
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT id FROM sitesearch_searchdocument WHERE {where} ORDER BY date DESC LIMIT %s", [*params, limit])
        return cursor.fetchall()


def pct(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, int(round(fraction * len(ordered) + 0.5)) - 1))]


def _loaded(connection, size) -> bool:
    """Whether a kept database already holds ``size`` documents and the GIN index."""
    from search.backends import postgres

    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {postgres.MATCH}")
        count = cursor.fetchone()[0]
        cursor.execute("SELECT 1 FROM pg_indexes WHERE indexname = %s", [postgres.VECTOR_INDEX])
        return count == size and cursor.fetchone() is not None


def load(connection, alias, size):
    """Generate and load ``size`` documents, then build the GIN index; (load, index) seconds."""
    from search.backends import postgres
    from search.index import bulk_load

    postgres.drop_vector_index(connection)
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {postgres.DOCS}, {postgres.MATCH}, sitesearch_searchterm")
    started = time.perf_counter()
    done = [0]

    def progress(n):
        done[0] += n
        if done[0] % 50000 == 0:
            print(f"  已载入 {done[0]:,}（{time.perf_counter() - started:.0f} 秒）", flush=True)

    bulk_load(generate(size), using=alias, batch_size=2000, progress=progress)
    load_seconds = time.perf_counter() - started
    with connection.cursor() as cursor:
        cursor.execute("SET maintenance_work_mem = '256MB'")
    started = time.perf_counter()
    postgres.arrange(connection)  # date order, as rebuild_search_index leaves it (before the GIN index: not built twice)
    arrange_seconds = time.perf_counter() - started
    started = time.perf_counter()
    postgres.create_vector_index(connection)
    postgres.refresh_statistics(connection)  # VACUUM ANALYZE: the planner then uses the GIN index
    return load_seconds, arrange_seconds, time.perf_counter() - started


def drop_page_cache():
    """Empty the operating system's page cache (Linux, as root): the first pass then reads from disk.

    PostgreSQL's own buffers (``shared_buffers``) are kept; restart the server as well for the
    very worst case.
    """
    try:
        os.sync()
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
    except OSError as error:
        raise SystemExit(f"--cold 需要 Linux 的 root 权限来清空页缓存：{error}") from error
    print("  已清空操作系统页缓存：第一遍从磁盘读起", flush=True)


def run_size(size, queries, baseline_count, keep, reuse=False, cold=False, prewarm=False):
    from django.db import connections

    from search import services
    from search.engine import Searcher
    from search.isolated import isolated_index

    print(f"\n== {size:,} 篇文档", flush=True)
    with isolated_index("postgresql", name=f"xqch_search_bench_{size}", keep=keep or reuse, reuse=reuse) as alias:
        connection = connections[alias]
        if reuse and _loaded(connection, size):
            load_seconds = arrange_seconds = gin_seconds = None
            print("  沿用上次保留的数据库（未重新载入，载入与建索引时间不计）", flush=True)
        else:
            load_seconds, arrange_seconds, gin_seconds = load(connection, alias, size)
            print(f"  分词+载入 {load_seconds:.1f} 秒，按日期排列 {arrange_seconds:.1f} 秒，建 GIN 索引 {gin_seconds:.1f} 秒", flush=True)

        if cold:
            drop_page_cache()
        if prewarm:
            started = time.perf_counter()
            pages, _ = services.warm(12, using=alias)  # what manage.py warm_search_index does
            print(f"  manage.py warm_search_index：预热 {pages:,} 页，{time.perf_counter() - started:.1f} 秒", flush=True)
        if not cold:
            for q in queries[:10]:
                Searcher(alias).search(q)  # warm up caches
        ours, found = [], 0
        for q in queries:
            t = time.perf_counter()
            results = Searcher(alias).search(q)  # one per query, as the results page makes one per request
            ours.append((time.perf_counter() - t) * 1000)
            found += bool(results.hits)
        again = []  # the same queries once more: the index pages they need are now in memory
        for q in queries:
            t = time.perf_counter()
            Searcher(alias).search(q)
            again.append((time.perf_counter() - t) * 1000)
        scan = []
        for q in queries[:baseline_count]:
            t = time.perf_counter()
            baseline(connection, q)
            scan.append((time.perf_counter() - t) * 1000)
        result = {
            "documents": size,
            "load_seconds": load_seconds and round(load_seconds, 1),
            "arrange_seconds": arrange_seconds and round(arrange_seconds, 1),
            "gin_index_seconds": gin_seconds and round(gin_seconds, 1),
            "cold": cold,
            "prewarm": prewarm,
            "queries": len(queries),
            "queries_with_results": found,
            "search_ms": {"p50": round(pct(ours, 0.5), 1), "p95": round(pct(ours, 0.95), 1), "max": round(max(ours), 1)},
            "search_again_ms": {"p50": round(pct(again, 0.5), 1), "p95": round(pct(again, 0.95), 1), "max": round(max(again), 1)},
            "scan_queries": len(scan),
            "scan_ms": {"p50": round(pct(scan, 0.5), 1), "p95": round(pct(scan, 0.95), 1), "max": round(max(scan), 1)},
        }
        paired = ours[: len(scan)]
        result["speedup_p50"] = round(pct(scan, 0.5) / max(pct(paired, 0.5), 0.01), 1)
        result["speedup_p95"] = round(pct(scan, 0.95) / max(pct(paired, 0.95), 0.01), 1)
        result["speedup_mean"] = round(statistics.mean(scan) / max(statistics.mean(paired), 0.01), 1)
        s, b = result["search_ms"], result["scan_ms"]
        print(f"  本搜索（{len(ours)} 个查询，{found} 个有结果）p50 {s['p50']} ms，p95 {s['p95']} ms，最慢 {s['max']} ms", flush=True)
        a = result["search_again_ms"]
        print(f"  同样的查询再跑一遍（所需索引页已在内存）p50 {a['p50']} ms，p95 {a['p95']} ms，最慢 {a['max']} ms", flush=True)
        print(f"  ILIKE 扫描（{len(scan)} 个查询）p50 {b['p50']} ms，p95 {b['p95']} ms", flush=True)
        print(f"  倍数：p50 {result['speedup_p50']}×，p95 {result['speedup_p95']}×，平均 {result['speedup_mean']}×", flush=True)
        return result


def main():
    parser = argparse.ArgumentParser(description="站内搜索基准（PostgreSQL）")
    parser.add_argument("--sizes", default=None, help="文档数，逗号分隔（默认 100000,1000000；--quick 时 10000）")
    parser.add_argument("--queries", type=int, default=200, help="查询数（默认 200）")
    parser.add_argument("--baseline-queries", type=int, default=0, help="ILIKE 基线跑几个查询（默认全部；百万级可减少）")
    parser.add_argument("--quick", action="store_true", help="只跑 10,000 篇文档的小规模，用于快速检查")
    parser.add_argument("--keep", action="store_true", help="保留临时数据库以便检查")
    parser.add_argument("--cold", action="store_true", help="第一遍之前清空操作系统页缓存（需 Linux root），且不预热：最坏情况")
    parser.add_argument("--prewarm", action="store_true", help="第一遍之前先做 manage.py warm_search_index 的预热（与 --cold 合用：重启后预热的情形）")
    parser.add_argument("--reuse", action="store_true", help="沿用 --keep 保留的同规模数据库（不重新生成），并继续保留")
    args = parser.parse_args()
    setup()
    sizes = args.sizes or ("10000" if args.quick else "100000,1000000")
    queries = mixed_queries(args.queries)
    output = {"command": "bench/search/run.py " + " ".join(sys.argv[1:]), "quick": args.quick, "results": []}
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    for size in [int(s) for s in sizes.split(",") if s.strip()]:
        output["results"].append(run_size(size, queries, args.baseline_queries or len(queries), args.keep, args.reuse, args.cold, args.prewarm))
        RESULTS.write_text(json.dumps(output, ensure_ascii=False, indent=2), encoding="utf-8")
    print(f"\n结果已写入 {RESULTS}")


if __name__ == "__main__":
    main()
