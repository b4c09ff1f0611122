"""Health, readiness, metrics and request ids, as a load balancer, Prometheus and an operator see them."""

import json
import logging
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from operations import probes, request_id

pytestmark = pytest.mark.django_db


def test_healthz_answers_without_the_database_or_a_known_host(client, monkeypatch):
    def broken(*args, **kwargs):
        raise AssertionError("liveness must not touch the database")

    monkeypatch.setattr(probes, "check_database", broken)
    response = client.get("/healthz", HTTP_HOST="10.0.0.7")  # a balancer probes by IP: not in ALLOWED_HOSTS
    assert response.status_code == 200 and response.content == b"ok" and response["Cache-Control"] == "no-store"


def test_readyz_reports_each_check(client):
    response = client.get("/readyz", HTTP_HOST="10.0.0.7")
    body = response.json()
    assert response.status_code == 200 and body["status"] == "ok"
    assert set(body["checks"]) == {"database", "cache", "migrations", "task_queue"}
    assert all(c["ok"] for c in body["checks"].values())


def test_readyz_fails_when_the_database_does_not_answer(client, monkeypatch):
    def down():
        raise OSError("connection refused")

    monkeypatch.setattr(probes, "CHECKS", {**probes.CHECKS, "database": down})
    response = client.get("/readyz")
    assert response.status_code == 503 and response.json()["checks"]["database"]["ok"] is False
    assert "refused" not in response.content.decode()  # no error text on a public probe


def test_readyz_fails_when_a_due_task_waits_too_long(client, settings, django_capture_on_commit_callbacks):
    from django_tasks_db.models import DBTaskResult

    from background.testing import DATABASE_TASKS
    from notifications.tasks import deliver

    settings.TASKS = DATABASE_TASKS
    settings.READY_MAX_TASK_LAG_SECONDS = 60
    with django_capture_on_commit_callbacks(execute=True):
        deliver.enqueue([])
    assert DBTaskResult.objects.count() == 1
    DBTaskResult.objects.update(enqueued_at=timezone.now() - timedelta(minutes=5))
    assert probes.task_lag_seconds() >= 299
    body = client.get("/readyz").json()
    assert body["status"] == "fail" and body["checks"]["task_queue"]["ok"] is False
    DBTaskResult.objects.update(run_after=timezone.now() + timedelta(hours=1))  # scheduled for later: not late
    assert probes.task_lag_seconds() == 0 and client.get("/readyz").status_code == 200


def test_metrics_only_for_the_monitoring_network(settings):
    settings.METRICS_ALLOWED_NETWORKS = ["10.20.0.0/16"]
    probes._monitoring_networks.cache_clear()
    try:
        Client().get("/search/", {"q": "肯尼亚"})
        assert Client(REMOTE_ADDR="203.0.113.9").get("/metrics").status_code == 404
        response = Client(REMOTE_ADDR="10.20.3.4").get("/metrics")
        text = response.content.decode()
        assert response.status_code == 200 and "xqch_http_requests_total" in text
        assert 'route="search/"' in text or "route=\"search/\"" in text
        assert "xqch_task_queue_lag_seconds" in text
    finally:
        probes._monitoring_networks.cache_clear()


def test_every_response_carries_a_request_id_and_keeps_a_proxy_one(client):
    first, second = client.get("/robots.txt"), client.get("/robots.txt")
    assert len(first["X-Request-ID"]) == 32 and first["X-Request-ID"] != second["X-Request-ID"]
    assert client.get("/robots.txt", HTTP_X_REQUEST_ID="nginx-4f2a9c1e")["X-Request-ID"] == "nginx-4f2a9c1e"
    assert client.get("/robots.txt", HTTP_X_REQUEST_ID="bad id <script>")["X-Request-ID"] != "bad id <script>"


def test_json_log_lines_carry_the_request_id():
    from pythonjsonlogger.json import JsonFormatter

    record = logging.LogRecord("filings", logging.WARNING, __file__, 1, "备案编号重复", None, None)
    token = request_id.current.set("abc123def456")
    try:
        request_id.RequestIdFilter().filter(record)
    finally:
        request_id.current.reset(token)
    line = json.loads(JsonFormatter("%(levelname)s %(name)s %(request_id)s %(message)s").format(record))
    assert line == {"levelname": "WARNING", "name": "filings", "request_id": "abc123def456", "message": "备案编号重复"}


def test_a_task_runs_under_the_id_of_the_request_that_enqueued_it():
    class Result:
        id = "t-1"

    token = request_id.current.set("req-0123456789")
    try:
        request_id._remember_enqueuing_request(None, Result())
    finally:
        request_id.current.reset(token)
    request_id._adopt_request_id(None, Result())
    assert request_id.current.get() == "req-0123456789"
    request_id._forget(None, Result())
    Result.id = "t-2"
    request_id._adopt_request_id(None, Result())
    assert request_id.current.get() == "task-t-2"
    request_id._forget(None, Result())
