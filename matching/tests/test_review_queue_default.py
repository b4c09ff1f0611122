"""The listing review queue shows what waits for the reviewer — pending listings, the longest
waiting first — and nothing already decided."""

from datetime import timedelta

from django.utils import timezone

from matching.models import Listing, Status
from matching.tests.support import client_for


def _listing(user, title, status, submitted_days_ago=None):
    return Listing.objects.create(kind="need_product", title=title, description="采购挖掘机十台。", owner=user, organization=user.organization,
                                  valid_until=timezone.localdate() + timedelta(days=60), status=status,
                                  submitted_at=timezone.now() - timedelta(days=submitted_days_ago) if submitted_days_ago is not None else None)


def test_review_queue_lists_only_pending_listings_oldest_first(client, seller, buyer, reviewer):
    _listing(seller, "甲·昨天提交", Status.PENDING, 1)
    _listing(buyer, "乙·五天前提交", Status.PENDING, 5)
    _listing(seller, "丙·已发布", Status.PUBLISHED)
    _listing(buyer, "丁·已退回", Status.RETURNED, 9)
    html = client_for(client, reviewer).get("/matching/review/").content.decode()
    shown = sorted((t for t in ["甲·昨天提交", "乙·五天前提交", "丙·已发布", "丁·已退回"] if t in html), key=html.index)
    assert shown == ["乙·五天前提交", "甲·昨天提交"]
