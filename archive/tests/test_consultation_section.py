"""The archive's 咨询 section: the organisation's enquiries, what the asker must do next and by when."""

import pytest
from django.urls import reverse

from accounts.roles import DEPT_ADMIN
from archive.registry import as_date, sections_for
from consultation import services
from consultation.models import Category, Status

pytestmark = pytest.mark.django_db


def _items(org, user):
    return {i.title: i for s in sections_for(org, user) if s.key == "consultation" for i in s.items}


def test_open_and_answered_enquiries_show_their_next_step(make_org, make_user, groups):
    org = make_org("常德咨询档案测试有限公司", city="changde")
    asker, colleague = make_user("cd_asker", org=org), make_user("cd_colleague", org=org)
    outsider = make_user("yy_asker", org=make_org("岳阳其他测试有限公司", city="yueyang"))
    waiting = services.ask(asker=asker, asker_name="李", category=Category.INVESTMENT, subject="境外投资备案材料", body="需要哪些材料？")
    answered = services.ask(asker=asker, asker_name="李", category=Category.POLICY, subject="税收协定待遇", body="如何申请？")
    services.ask(asker=outsider, asker_name="周", category=Category.LABOUR, subject="别家企业的问题", body="……")
    staff = make_user("dept_staff", role=DEPT_ADMIN)
    services.reply(answered, by=staff, body="可向主管税务机关申请。", public=False)
    answered.refresh_from_db()
    assert answered.status == Status.ANSWERED

    items = _items(org, asker)
    assert set(items) == {"咨询：境外投资备案材料", "咨询：税收协定待遇"}
    assert items["咨询：境外投资备案材料"].next_step == "等待答复"
    assert items["咨询：境外投资备案材料"].deadline == as_date(waiting.due_at)
    assert items["咨询：境外投资备案材料"].url == reverse("consultation:mine_detail", args=[waiting.pk])
    assert items["咨询：税收协定待遇"].next_step == "查看答复，满意请评价" and items["咨询：税收协定待遇"].deadline is None

    # A colleague sees that the enterprise asked, but cannot open someone else's enquiry.
    seen_by_colleague = _items(org, colleague)
    assert set(seen_by_colleague) == set(items) and all(i.url == "" for i in seen_by_colleague.values())

    services.rate(answered, user=asker, rating=5)
    assert _items(org, asker)["咨询：税收协定待遇"].next_step == ""
