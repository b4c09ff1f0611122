"""Test data for the portal: articles written through the bulk writer or through Wagtail."""

import itertools
from datetime import timedelta

from django.utils import timezone

from portal.bulk_articles import ArticleData, save_articles
from portal.models import ArticlePage

_ids = itertools.count(1)


def articles(parent, n=1, **fields):
    """``n`` published articles under ``parent``; newest first by date; returns them oldest first."""
    today = timezone.localdate()
    items = []
    for i in range(n):
        number = next(_ids)
        data = {
            "external_id": f"t-{number}",
            "title": fields.get("title", f"测试文章{number}"),
            "parent": parent,
            "kind": fields.get("kind", getattr(parent, "default_kind", "news")),
            "info_class": fields.get("info_class", getattr(parent, "info_class", "basic")),
            "date": fields.get("date", today - timedelta(days=n - i)),
            "body": fields.get("body", "<p>正文</p>"),
            "summary": fields.get("summary", "摘要"),
            "countries": fields.get("countries", []),
            "industries": fields.get("industries", []),
            "expires_at": fields.get("expires_at"),
            "city": fields.get("city", getattr(parent, "city", "") or ""),
            "attachments": fields.get("attachments", []),
        }
        items.append(ArticleData(**data))
    outcome = save_articles(items)
    return list(ArticlePage.objects.filter(pk__in=outcome.created).order_by("date", "pk"))


def article(parent, **fields):
    return articles(parent, 1, **fields)[0]


def draft(parent, *, owner, title="草稿文章", **fields):
    """An unpublished article created the way the admin does (a page plus a revision)."""
    page = ArticlePage(title=title, slug=f"draft-{next(_ids)}", live=False, owner=owner, **fields)
    parent.add_child(instance=page)
    page.save_revision(user=owner)
    return page
