"""Prometheus metrics with prometheus-client (django-prometheus does not support Django 6.1 yet).

Per request: ``xqch_http_requests_total{method, route, status}`` and the latency histogram
``xqch_http_request_duration_seconds{route}``, labelled by the URL pattern (``filings/<int:pk>/``),
never by the raw path, so the number of series stays bounded. At scrape time: the task queue's
lag. Under gunicorn with several workers set ``PROMETHEUS_MULTIPROC_DIR`` (an empty directory per
start, see docs/operations.md) so the scrape adds up every worker.
"""

import logging
import os
import time

from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Gauge, Histogram, generate_latest, multiprocess

REQUESTS = Counter("xqch_http_requests_total", "Requests answered", ["method", "route", "status"])
LATENCY = Histogram(
    "xqch_http_request_duration_seconds", "Time to answer a request", ["route"],
    buckets=(0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0),
)
TASK_LAG = Gauge("xqch_task_queue_lag_seconds", "How long the oldest due task has waited", multiprocess_mode="max")
logger = logging.getLogger(__name__)
METHODS = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}


def route_of(request) -> str:
    match = getattr(request, "resolver_match", None)
    if match is None:
        return "unmatched"
    return "page" if match.url_name == "wagtail_serve" else (match.route or match.view_name or "unknown")


class MetricsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        route = route_of(request)
        method = request.method if request.method in METHODS else "other"
        REQUESTS.labels(method, route, str(response.status_code)).inc()
        LATENCY.labels(route).observe(time.perf_counter() - started)
        return response


def exposition() -> tuple[bytes, str]:
    from operations.probes import task_lag_seconds

    try:
        TASK_LAG.set(task_lag_seconds())
    except Exception:  # noqa: BLE001 — a scrape still answers when the database does not
        logger.warning("task queue lag not measured: the database did not answer", exc_info=True)
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        return generate_latest(registry), CONTENT_TYPE_LATEST
    from prometheus_client import REGISTRY

    return generate_latest(REGISTRY), CONTENT_TYPE_LATEST
