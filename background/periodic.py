"""Periodic jobs: ``@periodic(minutes=5)`` on a Django task makes workers enqueue it on schedule.

Usage, in any app's ``tasks.py``::

    from django.tasks import task
    from background.periodic import periodic

    @periodic(minutes=5)
    @task()
    def expire_content(): ...

The registry is filled when apps' ``tasks`` modules are imported
(``background.apps`` imports them all at start-up).
"""

from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from background.models import PeriodicJob


@dataclass(frozen=True)
class Schedule:
    task: object
    every: timedelta

    @property
    def name(self) -> str:
        return self.task.module_path


REGISTRY: dict[str, Schedule] = {}


def periodic(*, minutes: int = 0, hours: int = 0, days: int = 0):
    every = timedelta(minutes=minutes, hours=hours, days=days)
    if every <= timedelta(0):
        raise ValueError("a periodic job needs a positive interval")

    def register(task):
        schedule = Schedule(task=task, every=every)
        REGISTRY[schedule.name] = schedule
        return task

    return register


def enqueue_due_jobs(now=None) -> list[str]:
    """Enqueue every registered job whose time has come; return the names enqueued."""
    now = now or timezone.now()
    enqueued = []
    for name, schedule in REGISTRY.items():
        PeriodicJob.objects.get_or_create(name=name, defaults={"next_run_at": now})
        with transaction.atomic():
            won = PeriodicJob.objects.filter(name=name, next_run_at__lte=now).update(
                next_run_at=now + schedule.every, last_enqueued_at=now
            )
            if won:
                schedule.task.enqueue()
                enqueued.append(name)
    return enqueued
