"""The site's URLs plus views that fail on purpose, for test_error_pages.py."""

from django.core.exceptions import PermissionDenied
from django.urls import path

from config.urls import handler403, handler404  # noqa: F401 (the handlers are read from here)
from config.urls import urlpatterns as site_urlpatterns


def server_error(request):
    raise RuntimeError("a bug, on purpose")


def refused_in_chinese(request):
    raise PermissionDenied("只有省商务厅可以导出备案明细")


urlpatterns = [
    path("test-errors/500/", server_error),
    path("test-errors/403/", refused_in_chinese),
    *site_urlpatterns,
]
