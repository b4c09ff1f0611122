"""The 数据报送 section of the enterprise archive (registered in archive/sections.py)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from archive.registry import next_steps, registered, sections_for
from datacalls.models import Audience, CallStatus, DataCall, DataCallField, Submission, SubmissionStatus

pytestmark = pytest.mark.django_db


def _call(title, *, days, **kw):
    now = timezone.now()
    call = DataCall.objects.create(title=title, audience=Audience.ALL, opens_at=now - timedelta(days=30), closes_at=now + timedelta(days=days),
                                   **{"status": CallStatus.PUBLISHED, **kw})
    DataCallField.objects.create(call=call, label="营业收入", field_type="number", sort_order=0)
    return call


def test_datacalls_section_is_registered_between_overseas_and_consultation():
    keys = [c.key for c in registered()]
    assert keys.index("overseas") < keys.index("datacalls") < keys.index("consultation")


def test_archive_lists_calls_due_with_their_deadline_and_drops_submitted_ones(client, make_org, make_user):
    org = make_org("岳阳报送档案测试有限公司", city="yueyang")
    user = make_user("yy_ent", org=org)
    due = _call("2026 年度经营情况调查", days=5)
    done = _call("境外项目安全风险排查", days=9)
    Submission.objects.create(call=done, organization=org, status=SubmissionStatus.SUBMITTED, submitted_at=timezone.now())
    _call("长沙专项调查", days=3, owner_city="changsha")  # not addressed to a 岳阳 enterprise
    _call("尚未发布", days=3, status=CallStatus.DRAFT)

    items = {i.title: i for section in sections_for(org, user) if section.key == "datacalls" for i in section.items}
    assert set(items) == {"数据报送：2026 年度经营情况调查", "数据报送：境外项目安全风险排查"}
    pending = items["数据报送：2026 年度经营情况调查"]
    assert pending.status == "未填报" and pending.next_step == "在线填报并提交"
    assert pending.deadline == timezone.localtime(due.closes_at).date() and pending.url == reverse("datacalls:fill", args=[due.pk])
    assert items["数据报送：境外项目安全风险排查"].status == "已提交" and items["数据报送：境外项目安全风险排查"].next_step == ""

    todo = [item.title for _section, item in next_steps(sections_for(org, user))]
    assert "数据报送：2026 年度经营情况调查" in todo and "数据报送：境外项目安全风险排查" not in todo
    client.force_login(user)
    body = client.get(reverse("archive:detail", args=[org.pk])).content.decode()
    assert "数据报送：2026 年度经营情况调查" in body and "长沙专项调查" not in body
