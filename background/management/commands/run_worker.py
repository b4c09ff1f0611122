"""``manage.py run_worker``: the platform's background worker (see background/worker.py).

Accepts every option of django-tasks-db's ``db_worker``; run as many as you like.
"""

from django_tasks_db.management.commands import db_worker

from background.worker import RetryingWorker


class Command(db_worker.Command):
    help = "Run background tasks with retry, crash recovery and periodic jobs"

    def handle(self, *args, **options):
        original = db_worker.Worker
        db_worker.Worker = RetryingWorker
        try:
            if options.get("queue_name") == db_worker.DEFAULT_TASK_QUEUE_NAME:
                options["queue_name"] = "*"
            return super().handle(*args, **options)
        finally:
            db_worker.Worker = original
