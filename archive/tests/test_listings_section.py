"""The 经贸对接信息 section of the enterprise archive (registered in archive/sections.py)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.roles import city_bureau_role
from archive.registry import next_steps, registered, sections_for
from matching.models import Listing, Source, Status

pytestmark = pytest.mark.django_db


def _listing(org, owner, title, status, *, days=90, **kw):
    return Listing.objects.create(
        kind="offer_product", title=title, description="测试用对接信息说明文字，内容足够长，仅用于档案栏目测试。",
        valid_until=timezone.localdate() + timedelta(days=days), owner=owner, organization=org, status=status, **kw,
    )


def _items(org, user):
    return {i.title: i for s in sections_for(org, user) if s.key == "matching" for i in s.items}


@pytest.fixture
def company(make_org, make_user):
    org = make_org("株洲对接档案测试有限公司", city="zhuzhou")
    return org, make_user("zz_owner", org=org)


@pytest.fixture
def listings(company, make_org, make_user):
    org, owner = company
    other_org = make_org("衡阳其他测试有限公司", city="hengyang")
    other = make_user("hy_owner", org=other_org)
    return {
        "returned": _listing(org, owner, "退回的轨道交通配件", Status.RETURNED, review_note="请补充型号"),
        "expiring": _listing(org, owner, "即将到期的电力设备", Status.PUBLISHED, days=10, published_at=timezone.now()),
        "fresh": _listing(org, owner, "有效期充足的工程机械", Status.PUBLISHED, days=90, published_at=timezone.now()),
        "pending": _listing(org, owner, "待审核的农机出口", Status.PENDING, submitted_at=timezone.now()),
        "draft": _listing(org, owner, "尚未提交的草稿", Status.DRAFT),
        "withdrawn": _listing(org, owner, "已撤回的纺织品", Status.WITHDRAWN),
        "other": _listing(other_org, other, "别家企业的陶瓷出口", Status.PUBLISHED, days=5, published_at=timezone.now()),
        "peer": Listing.objects.create(
            kind="offer_product", title="对方平台的信息", description="来自全球撮合家平台的对接信息，不属于本单位。", source=Source.PEER, peer_id="p-1",
            valid_until=timezone.localdate() + timedelta(days=5), status=Status.PUBLISHED, published_at=timezone.now(),
        ),
    }


def test_matching_section_is_registered_after_events():
    contributions = {c.key: c for c in registered()}
    assert contributions["matching"].title == "经贸对接信息"
    keys = [c.key for c in registered()]
    assert keys.index("events") < keys.index("matching")


def test_owner_sees_own_listings_with_next_step_and_deadline(company, listings):
    org, owner = company
    items = _items(org, owner)
    names = {key: f"对接信息：{li.title}（{li.get_kind_display()}）" for key, li in listings.items()}
    assert set(items) == {names[k] for k in ("returned", "expiring", "fresh", "pending", "draft", "withdrawn")}

    returned = items[names["returned"]]
    assert (returned.status, returned.next_step, returned.deadline) == ("已退回", "修改后重新提交", None)
    assert returned.url == reverse("matching:detail", args=[listings["returned"].pk])

    expiring = items[names["expiring"]]
    assert expiring.next_step == "即将到期，可续期/更新"
    assert expiring.deadline == listings["expiring"].valid_until and not expiring.overdue
    assert expiring.status.startswith("已发布")

    fresh = items[names["fresh"]]
    assert fresh.next_step == "" and fresh.deadline is None and fresh.status.startswith("已发布")

    pending = items[names["pending"]]
    assert pending.status == "待审核" and pending.next_step == "等待平台审核" and pending.deadline is None

    assert items[names["draft"]].next_step == "完善并提交审核"
    assert items[names["withdrawn"]].next_step == "" and items[names["withdrawn"]].status == "已撤回"

    todo = [item.title for _section, item in next_steps(sections_for(org, owner))]
    assert names["expiring"] in todo and names["returned"] in todo and names["fresh"] not in todo and names["withdrawn"] not in todo


def test_published_listing_past_its_validity_is_shown_expired_without_a_step(company):
    org, owner = company
    stale = _listing(org, owner, "过了有效期尚未下架", Status.PUBLISHED, days=-1, published_at=timezone.now())
    item = _items(org, owner)[f"对接信息：{stale.title}（{stale.get_kind_display()}）"]
    assert item.status == "已过期" and item.next_step == "" and item.deadline is None


def test_expiry_reminder_starts_thirty_days_ahead(company):
    org, owner = company
    edge = _listing(org, owner, "三十天后到期", Status.PUBLISHED, days=30, published_at=timezone.now())
    later = _listing(org, owner, "三十一天后到期", Status.PUBLISHED, days=31, published_at=timezone.now())
    items = _items(org, owner)
    assert items[f"对接信息：{edge.title}（{edge.get_kind_display()}）"].deadline == edge.valid_until
    assert items[f"对接信息：{later.title}（{later.get_kind_display()}）"].next_step == ""


def test_city_bureau_sees_submitted_listings_but_not_drafts_and_links_only_what_it_may_open(company, listings, make_user):
    org, _owner = company
    bureau = make_user("zz_bureau", role=city_bureau_role("zhuzhou"))
    items = _items(org, bureau)
    titles = {li.title for li in listings.values() for t in items if li.title in t}
    assert titles == {"退回的轨道交通配件", "即将到期的电力设备", "有效期充足的工程机械", "待审核的农机出口", "已撤回的纺织品"}
    by_title = {t.split("：", 1)[1].rsplit("（", 1)[0]: i for t, i in items.items()}
    assert by_title["有效期充足的工程机械"].url == reverse("matching:detail", args=[listings["fresh"].pk])
    assert by_title["退回的轨道交通配件"].url == "" and by_title["待审核的农机出口"].url == ""


def test_archive_page_shows_the_section_without_other_organisations_listings(client, company, listings):
    org, owner = company
    client.force_login(owner)
    body = client.get(reverse("archive:detail", args=[org.pk])).content.decode()
    assert "经贸对接信息" in body
    assert "退回的轨道交通配件" in body and "修改后重新提交" in body and "即将到期，可续期/更新" in body
    assert listings["expiring"].valid_until.isoformat() in body
    assert "别家企业的陶瓷出口" not in body and "对方平台的信息" not in body
