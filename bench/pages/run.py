"""Benchmark: portal pages against a minimal Django view, served by the same server in the same run.

One command:

    .venv/bin/python bench/pages/run.py            # 10 s per URL, 4 concurrent clients
    .venv/bin/python bench/pages/run.py --quick    # 3 s per URL
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/xqch_bench_pages .venv/bin/python bench/pages/run.py

What it does:

1. makes a demo-loaded database: by default a SQLite file in a fresh temporary directory
   (migrations + ``manage.py load_demo``; the prepared file is kept in ``var/bench/`` and copied,
   and made again whenever a migration or a ``demo.py`` changes; ``--rebuild`` forces it);
2. starts gunicorn (``config.wsgi``, DEBUG off, a free port, ``--workers`` processes × 2 threads)
   twice: once with the page cache off (``PORTAL_PAGE_CACHE_SECONDS=0``: every request routes and
   renders the page, only the 相关阅读 fragment is kept until content changes) and once with it on;
3. in each run, drives the minimal view (``/robots.txt``: a plain Django view through the whole
   middleware stack, no database), the home page, a column listing and an article page with
   concurrent keep-alive clients for a fixed time, and records requests per second and the
   p50/p99 latency; the minimal view is measured before and after the pages and averaged;
4. prints each page's throughput as a ratio of the minimal view's, with the queries each page
   costs (counted in-process after one warm-up request), and writes ``bench/results/pages.json``.

Targets (issue 2): cached pages ≥ 50 % of the minimal view; uncached article page ≥ 5 %.
The load generator is Python (several processes); on a small machine it shares the CPUs with
the server (and with whatever else runs), which compresses the gap between the minimal view and
the pages — the ratios are comparable within one run, not across machines.
"""

import argparse
import hashlib
import http.client
import json
import multiprocessing
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BENCH_DIR = ROOT / "var" / "bench"
PYTHON = sys.executable
PAGES = ("home", "column", "article")


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
        PYTHONWARNINGS="ignore::UserWarning",  # "No directory at var/static": no collectstatic needed here
    )
    return env


def _demo_fingerprint():
    """Changes when a migration or any app's demo content changes (then the template is rebuilt)."""
    digest = hashlib.sha256()
    for path in sorted([*ROOT.glob("*/migrations/*.py"), *ROOT.glob("*/demo*.py"), *ROOT.glob("portal/demo_*.py")]):
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _load_demo(database_url):
    env = bench_env(database_url, 0)
    subprocess.run([PYTHON, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
    subprocess.run([PYTHON, "manage.py", "load_demo"], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)


def prepare(workdir, rebuild):
    """The database URL to serve: a demo-loaded SQLite copy in ``workdir``, or ``DATABASE_URL``."""
    if os.environ.get("DATABASE_URL"):
        database_url = os.environ["DATABASE_URL"]
        print("Loading the demo content into DATABASE_URL…", flush=True)
        _load_demo(database_url)
        return database_url
    template = BENCH_DIR / "pages-demo.sqlite3"
    marker = BENCH_DIR / "pages-demo.fingerprint"
    fingerprint = _demo_fingerprint()
    if rebuild:
        template.unlink(missing_ok=True)
    if not template.exists() or not marker.exists() or marker.read_text() != fingerprint:
        # migrate and load_demo are both idempotent: an existing template only gets what changed.
        print("Preparing the demo database (migrate + load_demo; several minutes the first time)…", flush=True)
        _load_demo(f"sqlite:///{template}")
        marker.write_text(fingerprint)
    target = Path(workdir) / "pages.sqlite3"
    shutil.copyfile(template, target)
    return f"sqlite:///{target}"


def pick_urls(database_url):
    """A column listing with many articles and an article page with attachments and countries."""
    code = r"""
import json
from portal.models import ColumnPage
from portal.selectors import visible_articles
column = ColumnPage.objects.get(slug="notices")
art = (visible_articles().filter(attachments__isnull=False).exclude(countries=None).order_by("-date").first()
       or visible_articles().order_by("-date").first())
print(json.dumps({"column": column.url_path.removeprefix("/home"), "article": art.url_path.removeprefix("/home")}))
"""
    out = subprocess.run([PYTHON, "manage.py", "shell", "-c", code], cwd=ROOT, env=bench_env(database_url, 0), check=True, capture_output=True, text=True)
    urls = json.loads(out.stdout.strip().splitlines()[-1])
    return {"minimal": "/robots.txt", "home": "/", "column": urls["column"], "article": urls["article"]}


def count_queries(database_url, urls, cached):
    """Queries per request of each URL (after one warm-up request), in-process with the test client."""
    code = r"""
import json, sys
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
client, counts = Client(HTTP_HOST="127.0.0.1"), {}
for name, url in json.loads(sys.argv[-1]).items():
    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200, url
    counts[name] = len(ctx.captured_queries)
print(json.dumps(counts))
"""
    env = bench_env(database_url, 300 if cached else 0)
    script = Path(tempfile.mkdtemp()) / "count.py"
    script.write_text("import django, os, sys\nsys.path.insert(0, os.getcwd())\ndjango.setup()\n" + code)
    out = subprocess.run([PYTHON, str(script), json.dumps(urls)], cwd=ROOT, env=env, capture_output=True, text=True)
    shutil.rmtree(script.parent, ignore_errors=True)
    if out.returncode:
        raise SystemExit(f"counting queries failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


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
    parser.add_argument("--quick", action="store_true", help="3 s per URL instead of 10")
    parser.add_argument("--seconds", type=float, help="measuring time per URL (default 10, 3 with --quick)")
    parser.add_argument("--clients", type=int, default=4, help="concurrent client processes (default 4)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes (default 2)")
    parser.add_argument("--rebuild", action="store_true", help="make the demo database again")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    args.seconds = args.seconds or (3.0 if args.quick else 10.0)
    run_and_report("pages", run, args)


def run_and_report(name, run, args):
    """``run(args, workdir)`` in a fresh temporary directory; the report goes to
    ``bench/results/<name>.json`` and the exit code is 1 when a target was missed."""
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    workdir = tempfile.mkdtemp(prefix=f"bench-{name}-")
    try:
        report = run(args, workdir)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    results = ROOT / "bench" / "results"
    results.mkdir(parents=True, exist_ok=True)
    (results / f"{name}.json").write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n")
    sys.exit(0 if all(report["targets"].values()) else 1)


def run(args, workdir):
    database_url = prepare(workdir, args.rebuild)
    urls = pick_urls(database_url)
    print(f"URLs: {urls}  ({args.clients} clients, {args.workers} gunicorn workers × 2 threads, {args.seconds:g} s each)", flush=True)
    report = {
        "database": database_url.split(":", 1)[0],
        "server": f"gunicorn gthread, {args.workers} workers × 2 threads",
        "urls": urls,
        "seconds": args.seconds,
        "clients": args.clients,
        "cpus": os.cpu_count(),
        "load_average_before": os.getloadavg()[0],
    }
    queries = {mode: count_queries(database_url, urls, mode == "cached") for mode in ("uncached", "cached")}
    for mode in ("uncached", "cached"):
        report[mode] = run_mode(database_url, urls, mode == "cached", args)
        for name, n in queries[mode].items():
            report[mode][name]["queries"] = n
    print(f"\n{'mode':9} {'page':8} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'queries':>8} {'vs minimal':>11}")
    for mode in ("uncached", "cached"):
        for name in ("minimal", *PAGES):
            r = report[mode][name]
            ratio = f"{r['ratio'] * 100:.1f} %" if "ratio" in r else "100 %"
            print(f"{mode:9} {name:8} {r['rps']:>8} {r['p50_ms']:>8} {r['p99_ms']:>8} {r.get('queries', ''):>8} {ratio:>11}")
    cached_ok = all(report["cached"][n]["ratio"] >= 0.5 for n in PAGES)
    uncached_ok = report["uncached"]["article"]["ratio"] >= 0.05
    report["targets"] = {"cached_pages_at_least_50_percent": cached_ok, "uncached_article_at_least_5_percent": uncached_ok}
    report["ratios"] = {f"{mode} {name}": report[mode][name]["ratio"] for mode in ("uncached", "cached") for name in PAGES}
    print(f"\nTargets: cached ≥ 50 % of minimal: {'met' if cached_ok else 'NOT met'}; uncached article ≥ 5 %: {'met' if uncached_ok else 'NOT met'}")
    return report


if __name__ == "__main__":
    main()
