"""State changes of portal content that are not Wagtail's own (publishing goes through Wagtail)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.actions.unpublish_page import UnpublishPageAction

from audit.services import log
from portal.models import ArticlePage
from portal.permissions import may_archive
from portal.signals import articles_expired


def expire_due_articles(today=None) -> list[int]:
    """Mark live articles whose expiry date has passed as expired; returns their ids.

    They already left listings by date; the flag tells the search index and the archive report.
    """
    today = today or timezone.localdate()
    with transaction.atomic():
        ids = list(ArticlePage.objects.live().filter(content_expired=False, expires_at__lt=today).values_list("pk", flat=True))
        if not ids:
            return []
        ArticlePage.objects.filter(pk__in=ids).update(content_expired=True)
        log("portal.articles_expired", detail={"count": len(ids), "ids": ids[:200], "date": today.isoformat()})
    articles_expired.send(sender=ArticlePage, page_ids=ids)
    return ids


def expired_awaiting_archive():
    """Live articles past their expiry date, oldest expiry first (the operators' archive list)."""
    return ArticlePage.objects.live().past_expiry().order_by("expires_at", "pk")


def archive_article(article: ArticlePage, *, by, request=None) -> ArticlePage:
    """Take an expired article off the site (unpublish) and record when and by whom."""
    if not may_archive(by):
        raise PermissionDenied(_("只有平台运营人员或省商务厅管理员可以归档过期内容"))
    if not article.is_expired:
        raise ValidationError(_("这篇文章尚未过期，不能归档"))
    if not article.live:
        raise ValidationError(_("这篇文章已经下线"))
    with transaction.atomic():
        # Archiving is the operators' own right (checked above), whatever their page permissions.
        UnpublishPageAction(article, user=by).execute(skip_permission_checks=True)
        ArticlePage.objects.filter(pk=article.pk).update(archived_at=timezone.now(), content_expired=True)
        log("portal.article_archived", actor=by, request=request, target=article, detail={"title": article.title, "expires_at": str(article.expires_at)})
    article.refresh_from_db()
    return article
