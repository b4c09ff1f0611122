"""Benchmark: portal pages against a minimal Django view, served by the same server in the same run.

One command:

    .venv/bin/python bench/pages/run.py                 # 10 s per URL, 4 concurrent clients
    .venv/bin/python bench/pages/run.py --seconds 3     # quicker
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/xqch_bench_pages .venv/bin/python bench/pages/run.py

What it does:

1. prepares a bench database (default ``var/bench/pages.sqlite3``): migrations and the demo
   content (``manage.py load_demo``); reused on later runs (``--rebuild`` to start again);
2. starts gunicorn (``config.wsgi``, DEBUG off, on a free port) twice: once with the page cache
   off (``PORTAL_PAGE_CACHE_SECONDS=0``, every request renders the page) and once with it on;
3. in each run, drives the minimal view (``/robots.txt``: a plain Django view through the whole
   middleware stack, no database), the home page, a column listing and an article page with
   concurrent keep-alive clients for a fixed time, and records requests per second and the
   p50/p99 latency; the minimal view is measured before and after the pages and averaged;
4. prints a table with each page's throughput as a ratio of the minimal view's and writes
   ``bench/results/pages.json``.

Targets (issue 2): cached pages ≥ 50 % of the minimal view; uncached article page ≥ 5 %.
The load generator is Python (several processes); on a small machine it shares the CPUs with
the server, which compresses the gap between the minimal view and the pages — the ratios are
comparable within one run, not across machines.
"""

import argparse
import http.client
import json
import multiprocessing
import os
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BENCH_DIR = ROOT / "var" / "bench"
PYTHON = sys.executable


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def bench_env(database_url, cache_seconds):
    env = dict(os.environ)
    env.update(
        DATABASE_URL=database_url,
        DEBUG="false",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        PORTAL_PAGE_CACHE_SECONDS=str(cache_seconds),
        DJANGO_SETTINGS_MODULE="config.settings",
    )
    return env


def prepare(database_url, rebuild):
    env = bench_env(database_url, 0)
    marker = BENCH_DIR / "pages.prepared"
    if database_url.startswith("sqlite") and rebuild:
        Path(database_url.removeprefix("sqlite:///")).unlink(missing_ok=True)
        marker.unlink(missing_ok=True)
    if marker.exists() and marker.read_text() == database_url:
        return
    print("Preparing the bench database (migrate + load_demo)…", flush=True)
    subprocess.run([PYTHON, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
    subprocess.run([PYTHON, "manage.py", "load_demo"], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
    marker.write_text(database_url)


def pick_urls(database_url):
    """A column listing with many articles and an article page with attachments and countries."""
    code = r"""
import json
from portal.models import ArticlePage, ColumnPage
from portal.selectors import visible_articles
column = ColumnPage.objects.get(slug="notices")
art = (visible_articles().filter(attachments__isnull=False).exclude(countries=None).order_by("-date").first()
       or visible_articles().order_by("-date").first())
print(json.dumps({"column": column.url_path.removeprefix("/home"), "article": art.url_path.removeprefix("/home")}))
"""
    out = subprocess.run([PYTHON, "manage.py", "shell", "-c", code], cwd=ROOT, env=bench_env(database_url, 0), check=True, capture_output=True, text=True)
    urls = json.loads(out.stdout.strip().splitlines()[-1])
    return {"minimal": "/robots.txt", "home": "/", "column": urls["column"], "article": urls["article"]}


def _client(args):
    port, path, seconds = args
    latencies = []
    errors = 0
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    deadline = time.perf_counter() + seconds
    while True:
        start = time.perf_counter()
        if start >= deadline:
            break
        try:
            conn.request("GET", path, headers={"Host": "127.0.0.1", "Connection": "keep-alive"})
            response = conn.getresponse()
            response.read()
            if response.status != 200:
                errors += 1
            if response.getheader("Connection", "").lower() == "close":
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        except (OSError, http.client.HTTPException):
            errors += 1
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            continue
        latencies.append(time.perf_counter() - start)
    conn.close()
    return latencies, errors


def measure(pool, port, path, seconds, clients):
    pool.map(_client, [(port, path, 1.0)] * clients)  # warm-up (fills the page cache when on)
    started = time.perf_counter()
    results = pool.map(_client, [(port, path, seconds)] * clients)
    elapsed = time.perf_counter() - started
    latencies = sorted(t for lat, _ in results for t in lat)
    errors = sum(e for _, e in results)
    n = len(latencies)
    return {
        "path": path,
        "requests": n,
        "errors": errors,
        "rps": round(n / elapsed, 1),
        "p50_ms": round(statistics.median(latencies) * 1000, 2) if n else None,
        "p99_ms": round(latencies[min(n - 1, int(n * 0.99))] * 1000, 2) if n else None,
    }


def wait_until_up(port, proc, timeout=60):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if proc.poll() is not None:
            raise SystemExit("gunicorn exited during start-up")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/robots.txt")
            if conn.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit("the server did not come up")


def run_mode(database_url, urls, cached, args):
    port = free_port()
    env = bench_env(database_url, 300 if cached else 0)
    cmd = [
        str(Path(PYTHON).parent / "gunicorn"), "config.wsgi", "-b", f"127.0.0.1:{port}",
        "-w", str(args.workers), "-k", "gthread", "--threads", "2", "--keep-alive", "5",
        "--log-level", "warning", "--access-logfile", "-" if args.verbose else "/dev/null",
    ]
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env)
    try:
        wait_until_up(port, proc)
        results = {}
        with multiprocessing.Pool(args.clients) as pool:
            before = measure(pool, port, urls["minimal"], args.seconds, args.clients)
            for name in ("home", "column", "article"):
                results[name] = measure(pool, port, urls[name], args.seconds, args.clients)
            after = measure(pool, port, urls["minimal"], args.seconds, args.clients)
        minimal = {
            "path": urls["minimal"],
            "rps": round((before["rps"] + after["rps"]) / 2, 1),
            "rps_before": before["rps"],
            "rps_after": after["rps"],
            "p50_ms": round((before["p50_ms"] + after["p50_ms"]) / 2, 2),
            "p99_ms": max(before["p99_ms"], after["p99_ms"]),
            "errors": before["errors"] + after["errors"],
        }
        for r in results.values():
            r["ratio"] = round(r["rps"] / minimal["rps"], 3) if minimal["rps"] else None
        return {"minimal": minimal, **results}
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=10.0, help="measuring time per URL (default 10)")
    parser.add_argument("--clients", type=int, default=4, help="concurrent client processes (default 4)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes (default 2)")
    parser.add_argument("--rebuild", action="store_true", help="recreate the bench database")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    database_url = os.environ.get("DATABASE_URL") or f"sqlite:///{BENCH_DIR / 'pages.sqlite3'}"
    prepare(database_url, args.rebuild)
    urls = pick_urls(database_url)
    print(f"URLs: {urls}  ({args.clients} clients, {args.workers} gunicorn workers × 2 threads, {args.seconds:g} s each)", flush=True)
    report = {"database": database_url.split(":", 1)[0], "urls": urls, "seconds": args.seconds, "clients": args.clients, "workers": args.workers, "cpus": os.cpu_count()}
    for mode in ("uncached", "cached"):
        report[mode] = run_mode(database_url, urls, mode == "cached", args)
    print(f"\n{'mode':9} {'page':8} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'vs minimal':>11}")
    for mode in ("uncached", "cached"):
        for name in ("minimal", "home", "column", "article"):
            r = report[mode][name]
            ratio = f"{r['ratio'] * 100:.1f} %" if "ratio" in r else "100 %"
            print(f"{mode:9} {name:8} {r['rps']:>8} {r['p50_ms']:>8} {r['p99_ms']:>8} {ratio:>11}")
    cached_ok = all(report["cached"][n]["ratio"] >= 0.5 for n in ("home", "column", "article"))
    uncached_ok = report["uncached"]["article"]["ratio"] >= 0.05
    report["targets"] = {"cached_pages_at_least_50_percent": cached_ok, "uncached_article_at_least_5_percent": uncached_ok}
    print(f"\nTargets: cached ≥ 50 % of minimal: {'met' if cached_ok else 'NOT met'}; uncached article ≥ 5 %: {'met' if uncached_ok else 'NOT met'}")
    results = ROOT / "bench" / "results"
    results.mkdir(parents=True, exist_ok=True)
    (results / "pages.json").write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n")


if __name__ == "__main__":
    main()
