"""A django-tasks-db worker that retries failed tasks and recovers crashed ones.

django-tasks-db claims each task row inside a database transaction (``SELECT ... FOR
UPDATE SKIP LOCKED`` on PostgreSQL), so any number of workers on any number of machines
can share one database. What it does not do, and this module adds:

* **retry** — a task that raises is put back as READY with exponential backoff until it
  has been tried ``BACKGROUND_MAX_ATTEMPTS`` times; only then is it FAILED;
* **crash recovery** — a task left RUNNING longer than ``BACKGROUND_LEASE_SECONDS`` (its
  worker died mid-way: killed, machine lost) is put back as READY, counted as an attempt;
* **periodic jobs** — each loop enqueues the jobs of ``background.periodic`` that are due.

Tasks must therefore be idempotent: a retried task may have done part of its work.
"""

import logging
import time
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.tasks import TaskResultStatus
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from background.periodic import enqueue_due_jobs

logger = logging.getLogger("background")


def max_attempts() -> int:
    return getattr(settings, "BACKGROUND_MAX_ATTEMPTS", 5)


def backoff(attempts: int) -> timedelta:
    """Delay before the next try: 10 s, 20 s, 40 s ... capped at one hour."""
    base = getattr(settings, "BACKGROUND_RETRY_BASE_SECONDS", 10)
    return timedelta(seconds=min(base * 2 ** max(attempts - 1, 0), 3600))


def retry_or_fail(result: DBTaskResult, now=None) -> bool:
    """After a failed attempt: schedule another try (True) or leave it FAILED (False)."""
    attempts = len(result.worker_ids)
    if attempts >= max_attempts():
        return False
    now = now or timezone.now()
    DBTaskResult.objects.filter(pk=result.pk).update(
        status=TaskResultStatus.READY, run_after=now + backoff(attempts), finished_at=None
    )
    logger.warning("task %s (%s) failed on attempt %s; retrying", result.pk, result.task_path, attempts)
    return True


def recover_stalled(now=None) -> int:
    """Put back tasks whose worker died while running them. Returns how many."""
    now = now or timezone.now()
    lease = timedelta(seconds=getattr(settings, "BACKGROUND_LEASE_SECONDS", 15 * 60))
    recovered = 0
    with transaction.atomic():
        stalled = DBTaskResult.objects.select_for_update(skip_locked=True).filter(
            status=TaskResultStatus.RUNNING, started_at__lt=now - lease
        )
        for result in stalled:
            if len(result.worker_ids) >= max_attempts():
                result.status = TaskResultStatus.FAILED
                result.finished_at = now
                result.exception_class_path = "background.worker.WorkerLost"
                result.traceback = "The worker running this task stopped before it finished."
                result.save(update_fields=["status", "finished_at", "exception_class_path", "traceback"])
            else:
                DBTaskResult.objects.filter(pk=result.pk).update(status=TaskResultStatus.READY, run_after=now)
                recovered += 1
    if recovered:
        logger.warning("recovered %s stalled task(s)", recovered)
    return recovered


class RetryingWorker(Worker):
    housekeeping_interval = 30.0

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._last_housekeeping = 0.0

    def housekeeping(self):
        if time.monotonic() - self._last_housekeeping < self.housekeeping_interval:
            return
        self._last_housekeeping = time.monotonic()
        recover_stalled()
        enqueue_due_jobs()

    def run(self):
        # The parent loop calls run_task per task; housekeeping is done between tasks
        # by wrapping run_task and once up front.
        self._last_housekeeping = 0.0
        self.housekeeping()
        super().run()

    def run_task(self, db_task_result):
        super().run_task(db_task_result)
        db_task_result.refresh_from_db(fields=["status", "worker_ids"])
        if db_task_result.status == TaskResultStatus.FAILED:
            retry_or_fail(db_task_result)
        self.housekeeping()
