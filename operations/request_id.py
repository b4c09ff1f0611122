"""One id per request, in every log line of the request and of the tasks it enqueues.

The id comes from the ``X-Request-ID`` header a proxy set (nginx ``$request_id``) when it is a
plain token, otherwise a new one; it is echoed in the response's ``X-Request-ID``. Log records get
it as ``request_id`` through ``RequestIdFilter`` (configured in settings.LOGGING). A task enqueued
during the request is remembered with the id in the cache, and the worker that runs the task logs
under the same id (with the shared Redis cache of production; a process-local cache falls back to
``task-<task id>``).
"""

import logging
import re
import uuid
from contextvars import ContextVar

from django.core.cache import cache

HEADER = "HTTP_X_REQUEST_ID"
TOKEN = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
TASK_KEY = "request-id:task:{}"
TASK_TTL_SECONDS = 24 * 3600

current: ContextVar[str] = ContextVar("request_id", default="-")


def new_id() -> str:
    return uuid.uuid4().hex


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        given = request.META.get(HEADER, "")
        request.request_id = given if TOKEN.match(given) else new_id()
        token = current.set(request.request_id)
        try:
            response = self.get_response(request)
        finally:
            current.reset(token)
        response["X-Request-ID"] = request.request_id
        return response


class RequestIdFilter(logging.Filter):
    def filter(self, record):
        record.request_id = current.get()
        return True


def _remember_enqueuing_request(sender, task_result, **kwargs):
    if current.get() != "-":
        cache.set(TASK_KEY.format(task_result.id), current.get(), TASK_TTL_SECONDS)


def _adopt_request_id(sender, task_result, **kwargs):
    current.set(cache.get(TASK_KEY.format(task_result.id)) or f"task-{task_result.id}")


def _forget(sender, task_result, **kwargs):
    current.set("-")


def connect_task_signals():
    from django.tasks.signals import task_enqueued, task_finished, task_started

    task_enqueued.connect(_remember_enqueuing_request, dispatch_uid="operations.request_id.enqueued")
    task_started.connect(_adopt_request_id, dispatch_uid="operations.request_id.started")
    task_finished.connect(_forget, dispatch_uid="operations.request_id.finished")
