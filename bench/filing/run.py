"""Benchmark: statistics pages over many filed projects (default 100,000).

Measures each statistics page (latency median/p95 over several requests, and the number of SQL
queries), cold (statistics cache emptied before each request: every aggregate computed from the
filings) and cached (same data version), against two baselines measured in the same run on the same data: a plain
``COUNT(*)`` of the filed projects, and a minimal view served by the same Django stack
(``/robots.txt``). Prints a table and writes ``bench/results/filing.json``.

    .venv/bin/python bench/filing/run.py                 # 100,000 filings, SQLite file var/bench/<name>-<size>.sqlite3
    .venv/bin/python bench/filing/run.py --size 300000   # larger
    .venv/bin/python bench/filing/run.py --quick         # 5,000 filings, a smoke run
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/xqch_bench_filing .venv/bin/python bench/filing/run.py

The data set is generated once per database and reused (``--rebuild`` to regenerate).
"""

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def setup_django(size):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    (ROOT / "var" / "bench").mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench' / f'filing-{size}.sqlite3'}")
    os.environ["DEBUG"] = "false"
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    # The reviewers below sign in with force_login; two-factor sign-in is not what is measured.
    os.environ["STAFF_REQUIRE_2FA"] = "false"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def build(size, rebuild):
    """Make ``size`` filed projects spread over enterprises in every city (re-used between runs)."""
    import random

    from django.db import transaction

    from accounts.models import Organization
    from filings import demo
    from filings.models import Filing, FilingEvent, Kind, State
    from taxonomy.loading import ensure_reference_data

    ensure_reference_data()
    existing = Filing.objects.filter(state=State.FILED).count()
    if existing == size and not rebuild:
        return existing
    FilingEvent.objects.all().delete()
    Filing.objects.all().delete()
    rng = random.Random(1)
    orgs = demo.demo_organizations(rng)
    have = set(Organization.objects.values_list("credit_code", flat=True))
    Organization.objects.bulk_create([o for o in orgs if o.credit_code not in have], batch_size=1000)
    orgs = list(Organization.objects.filter(credit_code__in=[o.credit_code for o in orgs]))
    countries, rates = demo._countries(), demo.usd_rates()
    regions = [region for region, count in demo.REGION_COUNTS.items() for _ in range(count)]
    kinds = [Kind.INVESTMENT] * 7 + [Kind.CONTRACTING] * 2 + [Kind.LABOUR]
    batch = []
    with transaction.atomic():
        for _ in range(size):
            country = countries[rng.choice(demo.REGION_COUNTRIES[rng.choice(regions)])]
            batch.append(demo.make_filing(rng, rng.choice(orgs), rng.choice(kinds), country, rates))
            if len(batch) == 5000:
                Filing.objects.bulk_create(batch)
                batch = []
        Filing.objects.bulk_create(batch)
    return Filing.objects.filter(state=State.FILED).count()


def measure(fn, repeat, cold=False):
    """Median/p95 latency and queries of ``fn``; ``cold`` empties the statistics cache before each call."""
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    fn()  # warm-up (template loading, query plans)
    times, queries = [], 0
    for _ in range(repeat):
        if cold:
            cache.clear()
        with CaptureQueriesContext(connection) as ctx:
            start = time.perf_counter()
            fn()
            times.append((time.perf_counter() - start) * 1000)
        queries = len(ctx.captured_queries)
    times.sort()
    return {"median_ms": round(statistics.median(times), 1), "p95_ms": round(times[max(0, int(len(times) * 0.95) - 1)], 1), "queries": queries}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=100_000, help="number of filed projects (default 100000)")
    parser.add_argument("--repeat", type=int, default=7, help="requests per page (default 7)")
    parser.add_argument("--rebuild", action="store_true", help="regenerate the data set")
    parser.add_argument("--quick", action="store_true", help="a quick check: 5,000 filings, 3 requests per page")
    args = parser.parse_args()
    if args.quick:
        args.size, args.repeat = 5_000, 3
    setup_django(args.size)

    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client

    from accounts.roles import DEPT_ADMIN, city_bureau_role, ensure_groups
    from filings.models import Filing, State

    t0 = time.perf_counter()
    count = build(args.size, args.rebuild)
    build_s = time.perf_counter() - t0
    groups = ensure_groups()
    User = get_user_model()
    dept, _ = User.objects.get_or_create(username="bench_dept", defaults={"is_staff": True})
    dept.groups.add(groups[DEPT_ADMIN.code])
    city, _ = User.objects.get_or_create(username="bench_changsha", defaults={"is_staff": True})
    city.groups.add(groups[city_bureau_role("changsha").code])
    clients = {}
    for name, user in [("dept", dept), ("city", city)]:
        clients[name] = Client()
        clients[name].force_login(user)
    anonymous = Client()

    def get(client, url):
        def run():
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
            _ = response.content

        return run

    baselines = {
        "COUNT(*) of filed projects": measure(lambda: Filing.objects.filter(state=State.FILED).count(), args.repeat),
        "minimal view /robots.txt": measure(get(anonymous, "/robots.txt"), args.repeat),
    }
    urls = {
        "/stats/ (department, all)": (clients["dept"], "/stats/"),
        "/stats/?year=2024&kind=investment": (clients["dept"], "/stats/?year=2024&kind=investment"),
        "/stats/ (长沙 bureau)": (clients["city"], "/stats/"),
        "/stats/public/": (anonymous, "/stats/public/"),
        "/stats/export.xlsx": (clients["dept"], "/stats/export.xlsx"),
    }
    pages = {}
    for name, (client, url) in urls.items():
        pages[f"{name} cold"] = measure(get(client, url), args.repeat, cold=True)
        pages[f"{name} cached"] = measure(get(client, url), args.repeat)
    count_ms = baselines["COUNT(*) of filed projects"]["median_ms"] or 0.1
    view_ms = baselines["minimal view /robots.txt"]["median_ms"] or 0.1
    print(f"\nStatistics over {count:,} filed projects on {connection.vendor} (data built/checked in {build_s:.1f} s, {args.repeat} requests each)\n")
    print(f"{'page':<46} {'median ms':>10} {'p95 ms':>8} {'queries':>8} {'× COUNT':>9} {'× minimal view':>15}")
    for name, row in {**baselines, **pages}.items():
        print(f"{name:<46} {row['median_ms']:>10} {row['p95_ms']:>8} {row['queries']:>8} {row['median_ms'] / count_ms:>9.1f} {row['median_ms'] / view_ms:>15.1f}")
    out = ROOT / "bench" / "results" / "filing.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"filings": count, "quick": args.quick, "database": connection.vendor, "repeat": args.repeat, "baselines": baselines, "pages": pages}, ensure_ascii=False, indent=2))
    print(f"\nwritten {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
