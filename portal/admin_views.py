"""Wagtail admin views of the portal: the operators' list of expired content to archive."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.models import ArticlePage
from portal.permissions import may_archive
from portal.services import archive_article, expired_awaiting_archive


def _require_archiver(request):
    if not may_archive(request.user):
        raise PermissionDenied


def expired_report(request):
    """Live articles past their expiry date: still reachable by link (with a banner), awaiting archive."""
    _require_archiver(request)
    articles = expired_awaiting_archive().select_related("owner")
    page_obj = Paginator(articles, 50).get_page(request.GET.get("p"))
    return TemplateResponse(request, "portal/admin/expired_report.html", {"page_obj": page_obj, "total": page_obj.paginator.count})


@require_POST
def archive(request, page_id):
    _require_archiver(request)
    article = get_object_or_404(ArticlePage, pk=page_id)
    try:
        archive_article(article, by=request.user, request=request)
    except ValidationError as error:
        messages.error(request, "；".join(error.messages))
    else:
        messages.success(request, _("已归档：{title}").format(title=article.title))
    return redirect("portal_admin:expired")
