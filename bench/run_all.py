"""Run every benchmark (``bench/*/run.py``) one after the other and print one summary table.

    .venv/bin/python bench/run_all.py              # each with --quick (small sizes, minutes)
    .venv/bin/python bench/run_all.py --full       # full sizes (long: the search one alone takes a while)
    .venv/bin/python bench/run_all.py --only pages import
    .venv/bin/python bench/run_all.py --summary    # only print the table from bench/results/*.json

Each benchmark measures its own baseline in the same run and writes ``bench/results/<name>.json``;
this script only runs them (whatever ``DATABASE_URL`` says is passed on) and then reads those
files: every figure named ``ratio…``/``speedup…`` (and the targets, where a benchmark has them) is
shown, after the absolute figures a benchmark lists under ``figures`` (kB and LCP in bench/phone).
The exit code is 1 when a benchmark failed or missed a target.
"""

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "bench"
RESULTS = BENCH / "results"
RATIO_WORDS = ("ratio", "speedup")


def benchmarks():
    return sorted(p.parent.name for p in BENCH.glob("*/run.py"))


def run_one(name, full):
    command = [sys.executable, str(BENCH / name / "run.py"), *([] if full else ["--quick"])]
    print(f"\n=== {name}: {' '.join(command[1:])}", flush=True)
    started = time.perf_counter()
    code = subprocess.run(command, cwd=ROOT, env=os.environ.copy()).returncode
    return {"exit": code, "seconds": round(time.perf_counter() - started, 1)}


def _label(item, index):
    for key in ("case", "name", "size", "path"):
        if isinstance(item, dict) and key in item:
            return str(item[key])
    return str(index)


def ratio_figures(data, prefix=""):
    """Every numeric figure whose key names a ratio or a speed-up, with its path in the JSON."""
    if isinstance(data, dict):
        for key, value in data.items():
            path = f"{prefix}{key}"
            if isinstance(value, (int, float)) and not isinstance(value, bool) and any(w in key.lower() for w in RATIO_WORDS):
                yield path, value
            elif isinstance(value, (dict, list)):
                yield from ratio_figures(value, f"{path} › ")
    elif isinstance(data, list):
        for index, item in enumerate(data):
            yield from ratio_figures(item, f"{prefix}{_label(item, index)} › ")


def latency_ratios(data):
    """For results that give median latencies of pages and of a minimal view (bench/filing)."""
    baselines, pages = data.get("baselines", {}), data.get("pages", {})
    minimal = next((v for k, v in baselines.items() if "minimal" in k), None)
    if not minimal or not minimal.get("median_ms"):
        return
    for name, row in pages.items():
        if row.get("median_ms"):
            yield f"{name} (latency × minimal view)", round(row["median_ms"] / minimal["median_ms"], 1)


def summarise(name):
    path = RESULTS / f"{name}.json"
    if not path.exists():
        return [("(no results file)", "")], {}
    data = json.loads(path.read_text(encoding="utf-8"))
    if "ratios" in data and isinstance(data["ratios"], dict):  # bench/pages lists its own
        rows = [(f"{k} (req/s ÷ minimal view)", v) for k, v in data["ratios"].items()]
    else:
        rows = list(ratio_figures(data)) or list(latency_ratios(data))
    rows = [*data.get("figures", {}).items(), *rows]  # absolute figures a benchmark wants shown (bench/phone)
    if "articles_per_second" in data:
        rows.insert(0, ("articles per second", data["articles_per_second"]))
    return rows, data.get("targets", {})


def print_summary(names, runs):
    print("\n" + "=" * 78)
    print(f"{'benchmark':10} {'figure':56} {'value':>10}")
    print("-" * 78)
    failed = False
    for name in names:
        run = runs.get(name)
        if run is not None:
            status = "ok" if run["exit"] == 0 else f"exit {run['exit']}"
            failed |= run["exit"] != 0
            print(f"{name:10} {'(run: ' + status + f', {run['seconds']} s)':56}")
        rows, targets = summarise(name)
        for figure, value in rows:
            print(f"{name:10} {figure[:56]:56} {value!s:>10}")
        for target, met in targets.items():
            failed |= not met
            print(f"{name:10} {'target: ' + target:56} {'met' if met else 'NOT met':>10}")
    print("=" * 78)
    return failed


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--full", action="store_true", help="full sizes instead of --quick")
    parser.add_argument("--only", nargs="+", metavar="NAME", help=f"run only these ({', '.join(benchmarks())})")
    parser.add_argument("--summary", action="store_true", help="do not run anything, only print the table")
    args = parser.parse_args()
    names = benchmarks()
    if args.only:
        unknown = set(args.only) - set(names)
        if unknown:
            parser.error(f"unknown benchmark(s): {', '.join(sorted(unknown))}")
        names = [n for n in names if n in args.only]
    runs = {} if args.summary else {name: run_one(name, args.full) for name in names}
    sys.exit(1 if print_summary(names, runs) else 0)


if __name__ == "__main__":
    main()
