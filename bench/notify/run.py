"""Benchmark: fan-out of one targeted push to many users (default 100,000).

Three timings in the same run on the same users:

* **baseline** — a plain ``bulk_create`` of the same in-site message rows, nothing else;
* **inbox push** — ``send_push_now`` of a push whose audience selects every benchmark user:
  the audience query, the preference lookup, the messages, the audit entry;
* **inbox + e-mail push** — the same with e-mail on: one ``Delivery`` row per recipient and the
  delivery jobs handed to the task backend (a dummy backend here: sending is not measured).

Prints messages per second and the ratio to the baseline; writes ``bench/results/notify.json``.

    .venv/bin/python bench/notify/run.py                  # 100,000 users, SQLite file var/bench/<name>-<size>.sqlite3
    .venv/bin/python bench/notify/run.py --quick          # 5,000 users, a smoke run
    .venv/bin/python bench/notify/run.py --size 300000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/xqch_bench_notify .venv/bin/python bench/notify/run.py
"""

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
BENCH_TYPE = "individual"


def setup_django(size):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    (ROOT / "var" / "bench").mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench' / f'notify-{size}.sqlite3'}")
    os.environ["DEBUG"] = "false"
    import django
    from django.conf import settings

    django.setup()
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def build_users(size):
    """``size`` active users with e-mail addresses, tagged by a username prefix (re-used between runs)."""
    from django.contrib.auth import get_user_model

    User = get_user_model()
    have = User.objects.filter(username__startswith="bench-").count()
    if have == size:  # exactly: the audience below selects every benchmark user
        return list(User.objects.filter(username__startswith="bench-").order_by("pk"))
    User.objects.filter(username__startswith="bench-").delete()
    User.objects.bulk_create(
        (User(username=f"bench-{i:07d}", email=f"u{i}@bench.example.cn", user_type=BENCH_TYPE, password="!") for i in range(size)), batch_size=5000
    )
    return list(User.objects.filter(username__startswith="bench-").order_by("pk"))


def clear():
    from notifications.models import Delivery, Message, Push

    Delivery.objects.all().delete()
    Message.objects.all().delete()
    Push.objects.all().delete()


def timed(fn):
    clear()
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def run(size):
    from django.db import transaction

    from notifications.models import Delivery, Message, Push
    from notifications.services import send_push_now

    users = build_users(size)
    # The audience: exactly the benchmark users, by uploaded list would be slow to type; by user type
    # they are the only "individual" users in the benchmark database.
    audience = {"user_types": [BENCH_TYPE], "identifiers": []}

    def baseline():
        with transaction.atomic():
            Message.objects.bulk_create((Message(recipient_id=u.pk, kind="push.notice", title="基准", body="正文") for u in users), batch_size=1000)

    def push(channels):
        def go():
            p = Push.objects.create(title="推送", body="正文", channels=channels, audience=audience, status=Push.Status.SCHEDULED)
            assert send_push_now(p) == size

        return go

    results = {}
    results["baseline bulk insert"] = timed(baseline)
    results["push: inbox"] = timed(push([]))
    assert Message.objects.count() >= size
    results["push: inbox + e-mail"] = timed(push(["email"]))
    deliveries = Delivery.objects.count()
    assert deliveries >= size
    clear()
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=100_000, help="number of recipients (default 100,000)")
    parser.add_argument("--quick", action="store_true", help="a quick check with 5,000 recipients")
    args = parser.parse_args()
    if args.quick:
        args.size = 5_000
    setup_django(args.size)
    from django.db import connection

    results = run(args.size)
    base = results["baseline bulk insert"]
    print(f"\nFan-out of one push to {args.size:,} users — database: {connection.vendor}\n")
    print(f"{'case':<24}{'seconds':>10}{'messages/s':>14}{'× baseline time':>18}")
    rows = []
    for name, seconds in results.items():
        rate = args.size / seconds
        print(f"{name:<24}{seconds:>10.2f}{rate:>14,.0f}{seconds / base:>18.2f}")
        rows.append({"case": name, "seconds": round(seconds, 3), "messages_per_second": round(rate), "ratio_to_baseline": round(seconds / base, 2)})
    out = ROOT / "bench" / "results" / "notify.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"size": args.size, "quick": args.quick, "database": connection.vendor, "results": rows}, ensure_ascii=False, indent=2))
    print(f"\nwritten {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
