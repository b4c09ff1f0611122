"""The pages shown when a request cannot be served: 403, 404 and a failed CSRF check.

Each is in Chinese, in the site's layout, and offers a way back: the previous page when it
was on this site, the home page, the workbench for a signed-in user and the login page for a
visitor who is not. 400.html and 500.html are rendered by Django's own handlers without a
request, so they are standalone templates (``templates/errors/standalone.html``).
"""

from pathlib import Path

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme


def _back_url(request) -> str:
    """The page the visitor came from, when it is a page of this site (never another site's)."""
    referer = request.headers.get("Referer", "")
    try:
        host = request.get_host()
    except DisallowedHost:
        return ""
    if referer and url_has_allowed_host_and_scheme(referer, allowed_hosts={host}, require_https=request.is_secure()):
        return referer
    return ""


def _our_reason(exception) -> str:
    """The refusal's message when our own code raised it: ours are written for the user
    (``PermissionDenied("只有省商务厅管理员可以导入援外数据")``); Django's and Wagtail's are not
    (“Forbidden user agent”)."""
    if exception is None or not str(exception):
        return ""
    frame = exception.__traceback__
    while frame is not None and frame.tb_next is not None:
        frame = frame.tb_next
    if frame is None:
        return ""
    path = Path(frame.tb_frame.f_code.co_filename).resolve()
    ours = path.is_relative_to(Path(settings.BASE_DIR).resolve()) and ".venv" not in path.parts
    return str(exception) if ours else ""


def permission_denied(request, exception=None):
    """403: why, when our code said so, and where to go instead."""
    context = {"reason": _our_reason(exception), "back_url": _back_url(request)}
    return render(request, "403.html", context, status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", {"back_url": _back_url(request)}, status=404)


def csrf_failure(request, reason=""):
    """settings.CSRF_FAILURE_VIEW. Django has already logged the reason (django.security.csrf)."""
    return render(request, "403_csrf.html", {"back_url": _back_url(request)}, status=403)
