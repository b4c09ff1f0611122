"""``/healthz``, ``/readyz`` and ``/metrics``, answered before any other middleware.

A load balancer probes by IP over plain HTTP, so the probes come before the host check, the HTTPS
redirect, the site lookup and the session: liveness must not depend on the database, and neither
probe may be redirected or cached.

* ``/healthz`` — the process answers: always 200.
* ``/readyz`` — 200 when the database answers, the cache answers, every migration is applied and
  the oldest task waiting in the queue has waited less than ``READY_MAX_TASK_LAG_SECONDS``;
  otherwise 503. The JSON body names each check (no error text: the probe is public).
* ``/metrics`` — Prometheus metrics (``operations.metrics``), only to addresses in
  ``METRICS_ALLOWED_NETWORKS`` (the monitoring network); anyone else gets a 404.
"""

import ipaddress
import time
from functools import cache as remember

from django.conf import settings
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connections
from django.http import Http404, HttpResponse, JsonResponse
from django.utils import timezone

_migrations_applied = False


def check_database():
    with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_cache():
    key = "readyz:probe"
    cache.set(key, "1", 10)
    if cache.get(key) != "1":
        raise RuntimeError("cache read back nothing")


def check_migrations():
    """Every migration applied; once true it stays true for this process (a deploy is a restart)."""
    global _migrations_applied
    if _migrations_applied:
        return
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        raise RuntimeError("migrations not applied")
    _migrations_applied = True


def task_lag_seconds() -> float:
    """How long the oldest task that is due has been waiting (0 when none waits)."""
    from django.db.models import Q
    from django.tasks import TaskResultStatus
    from django_tasks_db.models import DBTaskResult, get_date_max

    now, unscheduled = timezone.now(), get_date_max()  # the backend stores "no run_after" as the largest date
    oldest = (
        DBTaskResult.objects.filter(status=TaskResultStatus.READY)
        .filter(Q(run_after=unscheduled) | Q(run_after__lte=now))
        .order_by("enqueued_at").values_list("enqueued_at", "run_after").first()
    )
    if oldest is None:
        return 0.0
    enqueued, run_after = oldest
    due_since = enqueued if run_after == unscheduled else max(enqueued, run_after)
    return max(0.0, (now - due_since).total_seconds())


def check_task_queue():
    if "django_tasks_db" not in settings.TASKS["default"]["BACKEND"]:
        return  # another backend watches its own queue
    lag = task_lag_seconds()
    if lag > settings.READY_MAX_TASK_LAG_SECONDS:
        raise RuntimeError(f"oldest due task waited {lag:.0f} s")


CHECKS = {"database": check_database, "cache": check_cache, "migrations": check_migrations, "task_queue": check_task_queue}


def readiness() -> tuple[bool, dict]:
    results, ready = {}, True
    for name, check in CHECKS.items():
        started = time.perf_counter()
        try:
            check()
            ok = True
        except Exception:  # noqa: BLE001 — any failure means "not ready"; the probe never raises
            ok = False
        results[name] = {"ok": ok, "ms": round((time.perf_counter() - started) * 1000, 1)}
        ready &= ok
    return ready, results


@remember
def _monitoring_networks():
    return [ipaddress.ip_network(n.strip(), strict=False) for n in settings.METRICS_ALLOWED_NETWORKS if n.strip()]


def from_monitoring_network(request) -> bool:
    try:
        address = ipaddress.ip_address(request.META.get("REMOTE_ADDR", ""))
    except ValueError:
        return False
    return any(address in network for network in _monitoring_networks())


def healthz(request):
    return HttpResponse("ok", content_type="text/plain")


def readyz(request):
    ready, checks = readiness()
    return JsonResponse({"status": "ok" if ready else "fail", "checks": checks}, status=200 if ready else 503)


def metrics(request):
    if not from_monitoring_network(request):
        raise Http404
    from operations.metrics import exposition

    body, content_type = exposition()
    return HttpResponse(body, content_type=content_type)


PROBES = {"/healthz": healthz, "/readyz": readyz, "/metrics": metrics}


class ProbeMiddleware:
    """Answers the three probe paths itself, first in the chain; every other request passes on."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        probe = PROBES.get(request.path_info.rstrip("/") or "/")
        if probe is None:
            return self.get_response(request)
        try:
            response = probe(request)
        except Http404:
            response = HttpResponse(status=404)
        response["Cache-Control"] = "no-store"
        return response
