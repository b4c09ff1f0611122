"""Benchmark: import the old platform's 11,196 articles in one run (``manage.py import_articles``).

Generates a JSON Lines file shaped like the old platform's export (every sub-column and city
zone, countries, industries, HTML bodies with markup to sanitise, policies with document numbers,
some expiry dates), imports it into a fresh database in one ``import_articles`` run, and reports
articles per second — for the import itself (validation, sanitising, writing the pages, their
countries and industries, publishing) and, separately, for indexing them for search (the import
enqueues index tasks for the workers; here the same task is run inline and timed). Then imports
the same file again (must change nothing) and checks that the articles are live and findable.

Baseline, measured in the same run on the same rows: creating each article the ordinary Wagtail
way, one page at a time (``add_child`` + ``save_revision().publish()``), for the first
``--baseline`` rows, inside a transaction that is rolled back afterwards. The ratio says how much
faster the bulk path is.

    .venv/bin/python bench/import/run.py            # 11,196 articles, fresh SQLite in a temp dir
    .venv/bin/python bench/import/run.py --quick    # 2,000 articles, baseline on 50
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/xqch_bench_import .venv/bin/python bench/import/run.py

Writes ``bench/results/import.json``.
"""

import argparse
import json
import os
import random
import shutil
import sys
import tempfile
import time
from datetime import date, timedelta
from io import StringIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def setup_django(workdir):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    if "DATABASE_URL" not in os.environ:
        os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'import.sqlite3'}"  # a fresh database every run
    os.environ.setdefault("MEDIA_ROOT", str(workdir / "media"))
    os.environ["DEBUG"] = "false"
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


WORDS = [
    "湖南", "企业", "走出去", "境外投资", "对外承包工程", "劳务合作", "一带一路", "非洲", "东盟", "中欧班列",
    "跨境电商", "园区", "产能合作", "贸易便利化", "外汇", "结算", "保险", "风险防范", "合规", "展会",
    "装备制造", "工程机械", "农业", "矿产", "新能源", "物流", "项目对接", "签证", "税收", "营商环境",
]


def column_names():
    """Every sub-column (by the name the importer accepts) and every city zone."""
    from portal.importing import RowChecker
    from portal.models import ColumnPage

    checker = RowChecker(ROOT, save_files=False)
    leaves = []
    columns = list(ColumnPage.objects.order_by("path"))
    paths = {c.path for c in columns}
    parents = {c.path[:-4] for c in columns}
    by_path = {c.path: c for c in columns}
    for column in columns:
        if column.path in parents:
            continue
        name = column.title
        if name in checker.ambiguous:
            name = f"{by_path[column.path[:-4]].title}/{column.title}" if column.path[:-4] in paths else name
        leaves.append(name)
    zones = [z for z in checker.targets if z.endswith("市") or z.endswith("州")]
    return leaves, sorted(set(zones))


def generate(path: Path, size: int):
    from taxonomy.models import Country, Industry

    rng = random.Random(2026)
    countries = list(Country.objects.values_list("code", flat=True))
    industries = list(Industry.objects.values_list("code", flat=True))
    leaves, zones = column_names()
    targets = leaves * 4 + zones
    start = date(2012, 1, 1)
    with open(path, "w", encoding="utf-8") as f:
        for n in range(size):
            column = targets[n % len(targets)]
            words = rng.sample(WORDS, 6)
            title = f"{words[0]}{words[1]}：{words[2]}与{words[3]}工作动态（第{n + 1}期）"
            body = "".join(
                f"<p>{''.join(rng.sample(WORDS, 8))}。<strong>{words[4]}</strong>相关工作稳步推进。</p>" for _ in range(rng.randint(3, 8))
            )
            if n % 7 == 0:
                body += '<script>alert("x")</script><p onclick="steal()">带脚本的旧内容</p><iframe src="http://example.com"></iframe>'
            row = {
                "id": f"old-{n + 1}",
                "title": title,
                "body": body if n % 5 else body.replace("<p>", "").replace("</p>", "\n").replace("<strong>", "").replace("</strong>", ""),
                "column": column,
                "countries": rng.sample(countries, rng.randint(0, 3)),
                "industries": rng.sample(industries, rng.randint(0, 2)),
                "published_at": (start + timedelta(days=rng.randint(0, 5000))).isoformat(),
                "source": rng.choice(["湖南省商务厅", "中国建设银行湖南省分行", "商务部", "市商务局", ""]),
            }
            if "政策" in column or "通知" in column:
                row["doc_number"] = f"湘商发〔{rng.randint(2012, 2026)}〕{rng.randint(1, 120)}号"
            if n % 11 == 0:
                row["expires_at"] = (date.today() + timedelta(days=rng.randint(30, 900))).isoformat()
            f.write(json.dumps(row, ensure_ascii=False) + "\n")


def run_import(path):
    from django.core.management import call_command

    out, err = StringIO(), StringIO()
    started = time.perf_counter()
    try:
        call_command("import_articles", str(path), "--no-progress", stdout=out, stderr=err)
    except SystemExit:
        pass
    return time.perf_counter() - started, out.getvalue().strip(), err.getvalue().strip()


def run_index(ids):
    """Index the imported articles the way the worker would (the search app's own task)."""
    try:
        from search.tasks import index_objects
    except ImportError:
        return None
    started = time.perf_counter()
    chunk = 500
    for i in range(0, len(ids), chunk):
        index_objects.call("article", [str(x) for x in ids[i : i + chunk]])
    return time.perf_counter() - started


class _RollBack(Exception):
    pass


def run_baseline(path, limit):
    """Articles per second when each row is created as a page the ordinary Wagtail way (rolled back)."""
    from django.db import transaction

    from portal.importing import check_file
    from portal.models import ArticlePage
    from taxonomy.models import Country, Industry

    items = check_file(path, save_files=False).valid[:limit]
    countries = Country.objects.in_bulk()
    industries = Industry.objects.in_bulk()
    started = time.perf_counter()
    try:
        with transaction.atomic():
            for n, item in enumerate(items):
                page = ArticlePage(
                    title=item.title, slug=f"baseline-{n}", kind=item.kind, info_class=item.info_class, date=item.date,
                    body=item.body, summary=item.summary, source=item.source, doc_number=item.doc_number,
                    expires_at=item.expires_at, city=item.city, external_id=f"baseline-{item.external_id}",
                )
                page.countries = [countries[c] for c in item.countries]
                page.industries = [industries[i] for i in item.industries]
                item.parent.add_child(instance=page)
                page.save_revision().publish()
            elapsed = time.perf_counter() - started
            raise _RollBack
    except _RollBack:
        pass
    return len(items), elapsed


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="2,000 articles and a baseline of 50 (a quick check)")
    parser.add_argument("--size", type=int, help="articles to generate (default 11196; 2000 with --quick)")
    parser.add_argument("--baseline", type=int, help="rows created one page at a time for the baseline (default 200; 50 with --quick; 0 to skip)")
    args = parser.parse_args()
    args.size = args.size or (2000 if args.quick else 11196)
    args.baseline = args.baseline if args.baseline is not None else (50 if args.quick else 200)
    workdir = Path(tempfile.mkdtemp(prefix="bench-import-"))
    try:
        sys.exit(bench(args, workdir))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def bench(args, workdir):
    setup_django(workdir)
    from django.db import connection

    from portal import bootstrap
    from portal.models import ArticlePage
    from taxonomy.loading import ensure_reference_data

    ensure_reference_data()
    bootstrap.ensure_portal_tree()
    data = workdir / f"import-{args.size}.jsonl"
    generate(data, args.size)
    print(f"Generated {args.size} articles → {data} ({data.stat().st_size / 1e6:.1f} MB); database: {connection.vendor}", flush=True)

    seconds, out, err = run_import(data)
    imported = ArticlePage.objects.filter(external_id__startswith="old-").count()
    live = ArticlePage.objects.live().filter(external_id__startswith="old-").count()
    print(out)
    if err:
        print(err[:2000])
    rate = imported / seconds if seconds else 0
    print(f"Import: {imported} articles in {seconds:.1f} s → {rate:.0f} articles/s ({live} live)")

    ids = list(ArticlePage.objects.filter(external_id__startswith="old-").values_list("pk", flat=True))
    index_seconds = run_index(ids)
    searchable = None
    if index_seconds is not None:
        from search.models import SearchDocument

        searchable = SearchDocument.objects.filter(kind="article").count()
        print(f"Search indexing: {len(ids)} articles in {index_seconds:.1f} s → {len(ids) / index_seconds:.0f} articles/s ({searchable} documents indexed)")

    again_seconds, again_out, _ = run_import(data)
    print(f"Re-import of the same file: {again_seconds:.1f} s — {again_out}")
    unchanged = "新建 0 篇，更新 0 篇" in again_out

    baseline_rate = None
    if args.baseline:
        n, baseline_seconds = run_baseline(data, args.baseline)
        baseline_rate = n / baseline_seconds
        print(f"Baseline (one page at a time, Wagtail add_child + publish): {n} articles in {baseline_seconds:.1f} s → {baseline_rate:.1f} articles/s; bulk import is {rate / baseline_rate:.1f}× faster")

    sample = ArticlePage.objects.filter(external_id="old-1").values_list("body", flat=True).first() or ""
    clean = "<script" not in sample and "onclick" not in sample
    result = {
        "database": connection.vendor,
        "articles": imported,
        "live": live,
        "import_seconds": round(seconds, 2),
        "articles_per_second": round(rate, 1),
        "index_seconds": round(index_seconds, 2) if index_seconds is not None else None,
        "indexed_per_second": round(len(ids) / index_seconds, 1) if index_seconds else None,
        "end_to_end_per_second": round(imported / (seconds + (index_seconds or 0)), 1) if seconds else None,
        "searchable_documents": searchable,
        "baseline_per_row_per_second": round(baseline_rate, 1) if baseline_rate else None,
        "ratio_vs_per_row": round(rate / baseline_rate, 1) if baseline_rate else None,
        "reimport_seconds": round(again_seconds, 2),
        "reimport_changed_nothing": unchanged,
        "html_sanitised": clean,
    }
    results = ROOT / "bench" / "results"
    results.mkdir(parents=True, exist_ok=True)
    (results / "import.json").write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
    print(json.dumps(result, ensure_ascii=False))
    ok = imported == args.size and live == imported and unchanged and clean
    return 0 if ok else 1


if __name__ == "__main__":
    main()
