"""The task mechanism: database backend, retry with backoff, crash recovery, periodic jobs."""

from datetime import timedelta

import pytest
from django.tasks import TaskResultStatus, task
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from background import periodic as periodic_module
from background.models import PeriodicJob
from background.testing import DATABASE_TASKS
from background.worker import RetryingWorker, backoff, recover_stalled

CALLS = []


@task()
def flaky(fail_times: int):
    """Fails the first ``fail_times`` calls, then succeeds."""
    CALLS.append("call")
    if len(CALLS) <= fail_times:
        raise RuntimeError("temporary failure")
    return len(CALLS)


@task()
def tick():
    CALLS.append("tick")


def run_worker_once():
    worker = RetryingWorker(
        queue_names=["*"], interval=0, batch=True, backend_name="default", startup_delay=False, max_tasks=None, worker_id="test-worker", excluded_queue_names=[]
    )
    worker.run()


@pytest.fixture(autouse=True)
def reset_calls():
    CALLS.clear()


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DATABASE_TASKS, BACKGROUND_MAX_ATTEMPTS=3, BACKGROUND_RETRY_BASE_SECONDS=0)
def test_failed_task_is_retried_until_it_succeeds():
    result = flaky.enqueue(2)
    run_worker_once()
    row = DBTaskResult.objects.get(pk=result.id)
    assert row.status == TaskResultStatus.SUCCESSFUL
    assert len(row.worker_ids) == 3
    assert row.return_value == 3


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DATABASE_TASKS, BACKGROUND_MAX_ATTEMPTS=2, BACKGROUND_RETRY_BASE_SECONDS=0)
def test_task_fails_for_good_after_max_attempts():
    result = flaky.enqueue(10)
    run_worker_once()
    row = DBTaskResult.objects.get(pk=result.id)
    assert row.status == TaskResultStatus.FAILED
    assert len(CALLS) == 2
    assert "temporary failure" in row.traceback


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DATABASE_TASKS, BACKGROUND_MAX_ATTEMPTS=3, BACKGROUND_LEASE_SECONDS=60)
def test_task_whose_worker_died_is_run_again():
    result = flaky.enqueue(0)
    # A worker claimed it and then vanished (killed mid-way).
    DBTaskResult.objects.filter(pk=result.id).update(
        status=TaskResultStatus.RUNNING, started_at=timezone.now() - timedelta(minutes=5), worker_ids=["dead-worker"]
    )
    assert recover_stalled() == 1
    run_worker_once()
    row = DBTaskResult.objects.get(pk=result.id)
    assert row.status == TaskResultStatus.SUCCESSFUL
    assert row.worker_ids == ["dead-worker", "test-worker"]


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DATABASE_TASKS, BACKGROUND_LEASE_SECONDS=600)
def test_running_task_within_its_lease_is_left_alone():
    result = flaky.enqueue(0)
    DBTaskResult.objects.filter(pk=result.id).update(status=TaskResultStatus.RUNNING, started_at=timezone.now(), worker_ids=["busy"])
    assert recover_stalled() == 0
    assert DBTaskResult.objects.get(pk=result.id).status == TaskResultStatus.RUNNING


def test_backoff_grows_and_is_capped():
    assert backoff(1) < backoff(2) < backoff(3)
    assert backoff(50) == timedelta(hours=1)


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DATABASE_TASKS)
def test_periodic_job_is_enqueued_once_per_period(monkeypatch):
    monkeypatch.setattr(periodic_module, "REGISTRY", {})
    periodic_module.periodic(minutes=10)(tick)
    now = timezone.now()
    assert periodic_module.enqueue_due_jobs(now) == [tick.module_path]
    # A second worker looking at the same moment does not enqueue it again.
    assert periodic_module.enqueue_due_jobs(now) == []
    assert periodic_module.enqueue_due_jobs(now + timedelta(minutes=11)) == [tick.module_path]
    assert DBTaskResult.objects.filter(task_path=tick.module_path).count() == 2
    assert PeriodicJob.objects.get().next_run_at == now + timedelta(minutes=21)
    run_worker_once()
    assert CALLS == ["tick", "tick"]
