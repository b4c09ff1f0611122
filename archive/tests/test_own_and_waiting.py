"""The archive keeps the organisation's own to-dos apart from what waits on government or another
party, and lists the intents it sent as well as those it received."""

from datetime import timedelta

import pytest
from django.utils import timezone

from archive.registry import next_steps, sections_for, split_next_steps
from filings.models import State
from filings.tests.factories import create_filing
from matching.models import Intent, IntentStatus, Listing, Status

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _reference_data(db):
    from taxonomy.loading import ensure_reference_data

    ensure_reference_data()


@pytest.fixture
def two(make_org, make_user):
    cs, sy = make_org("长沙档案测试机械", city="changsha"), make_org("邵阳档案测试制造", city="shaoyang")
    return {"cs": cs, "sy": sy, "cs_user": make_user("cs_user", org=cs), "sy_user": make_user("sy_user", org=sy)}


def _listing(user, title):
    return Listing.objects.create(kind="need_product", title=title, description="采购。", owner=user, organization=user.organization, status=Status.PUBLISHED,
                                  published_at=timezone.now(), valid_until=timezone.localdate() + timedelta(days=90))


def _intent(sender, listing, **fields):
    return Intent.objects.create(listing=listing, sender=sender, sender_org=sender.organization, message="有意合作", contact_name="李", **fields)


def test_own_todos_and_items_waiting_on_government_are_apart(client, two):
    org, user = two["cs"], two["cs_user"]
    create_filing(org, project_name="草稿项目", start_date=timezone.localdate() + timedelta(days=30))
    create_filing(org, project_name="已提交项目", state=State.SUBMITTED)
    create_filing(org, project_name="省厅审核项目", state=State.PROVINCIAL_REVIEW)
    own, waiting = split_next_steps(next_steps(sections_for(org, user)))
    assert [i.title for _s, i in own] == ["境外投资：草稿项目"]
    assert sorted((i.title, i.waiting_on) for _s, i in waiting) == [("境外投资：已提交项目", "市州商务局"), ("境外投资：省厅审核项目", "省商务厅")]

    client.force_login(user)
    html = client.get(f"/archive/{org.pk}/").content.decode()
    own_part = html[html.index('id="next-title"'):html.index('id="waiting-title"')]
    waiting_part = html[html.index('id="waiting-title"'):html.index('id="sec-')]
    assert "草稿项目" in own_part and "已提交项目" not in own_part
    assert "已提交项目" in waiting_part and "市州商务局：等待市州商务局初审" in waiting_part


def test_archive_shows_sent_and_received_intents_only_to_their_parties(client, two, make_user):
    from accounts.roles import DEPT_ADMIN

    cs_user, sy_user = two["cs_user"], two["sy_user"]
    _intent(cs_user, _listing(sy_user, "邵阳供应钢材"))  # sent by 长沙
    _intent(sy_user, _listing(cs_user, "长沙采购挖掘机"))  # received by 长沙
    _intent(sy_user, _listing(cs_user, "长沙已谈妥"), status=IntentStatus.ACCEPTED)

    section = next(s for s in sections_for(two["cs"], cs_user) if s.key == "intents")
    by_title = {i.title: i for i in section.items}
    sent = by_title["发出的意向：邵阳供应钢材（致 邵阳档案测试制造）"]
    received = by_title["收到的意向：长沙采购挖掘机（来自 邵阳档案测试制造）"]
    assert (sent.next_step, sent.waiting_on) == ("等待对方回复", "邵阳档案测试制造")
    assert (received.next_step, received.waiting_on) == ("回复对方的合作意向", "")
    assert by_title["收到的意向：长沙已谈妥（来自 邵阳档案测试制造）"].next_step == ""

    client.force_login(cs_user)
    html = client.get(f"/archive/{two['cs'].pk}/").content.decode()
    assert "发出的意向：邵阳供应钢材" in html and "合作意向（发出与收到）" in html

    # No staff role reads intents (matching's rule): the department sees the section empty.
    department = make_user("dept", role=DEPT_ADMIN)
    assert next(s for s in sections_for(two["cs"], department) if s.key == "intents").items == []
