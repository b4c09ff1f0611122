from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import InstitutionType, OrgKind
from accounts.roles import DEPT_REVIEWER, city_bureau_role
from archive.registry import Item, next_steps, register, registered, sections_for, unregister
from labour.models import State
from labour.tests.factories import create_dispatch

pytestmark = pytest.mark.django_db


@pytest.fixture
def enterprise(make_org, make_user):
    org = make_org("湘潭示范装备公司", city="xiangtan")
    return org, make_user("xt_ent", org=org)


def _dispatch(org, **kw):
    today = date.today()
    return create_dispatch(org, **{"project_name": "新加坡码头项目", "start_date": today + timedelta(days=30), "end_date": today + timedelta(days=400), **kw})


def test_installed_apps_register_their_sections():
    keys = [c.key for c in registered()]
    assert keys[:4] == ["filings", "labour", "zones", "overseas"] and "consultation" in keys


def test_registry_contract_items_and_next_steps_sorted_by_deadline(enterprise):
    org, user = enterprise
    today = timezone.localdate()
    register("test", "测试", lambda o, u: [Item("晚", "x", next_step="做", deadline=today + timedelta(days=5)),
                                          Item("早", "x", next_step="做", deadline=today - timedelta(days=1)),
                                          Item("无期限", "x", next_step="做"), Item("已完成", "x")], order=99)
    try:
        sections = sections_for(org, user)
        steps = [i.title for _, i in next_steps(sections) if _.key == "test"]
        assert steps == ["早", "晚", "无期限"]
        section = next(s for s in sections if s.key == "test")
        assert section.items[1].overdue and not section.items[0].overdue and not section.items[3].overdue
    finally:
        unregister("test")


def test_archive_shows_labour_filing_with_next_step(client, enterprise):
    org, user = enterprise
    filing = _dispatch(org)
    client.force_login(user)
    response = client.get(reverse("archive:mine"), follow=True)
    body = response.content.decode()
    assert "新加坡码头项目" in body and "导入人员名单并提交备案" in body and filing.start_date.isoformat() in body


def test_archive_lists_filings_from_the_filings_app(client, enterprise):
    from filings.models import Filing

    org, user = enterprise
    field_names = {f.name for f in Filing._meta.get_fields()}
    assert "organization" in field_names  # the contract docs/filings.md promises
    client.force_login(user)
    assert "项目备案" in client.get(reverse("archive:detail", args=[org.pk])).content.decode()


def test_zone_archive_reminds_of_missing_annual_report(client, make_org, make_user):
    org = make_org("示范合作区", kind=OrgKind.INSTITUTION, institution_type=InstitutionType.OVERSEAS_ZONE)
    user = make_user("zone", org=org)
    client.force_login(user)
    body = client.get(reverse("archive:detail", args=[org.pk])).content.decode()
    assert f"填报 {date.today().year - 1} 年度考核材料" in body


def test_enterprise_never_sees_another_enterprises_archive(client, enterprise, make_org, make_user):
    org, _ = enterprise
    other = make_user("other", org=make_org("别家公司", city="xiangtan"))
    client.force_login(other)
    assert client.get(reverse("archive:detail", args=[org.pk])).status_code == 403
    assert client.get(reverse("archive:organizations")).status_code == 403


def test_city_bureau_sees_only_its_citys_archives(client, enterprise, make_org, make_user):
    org, _ = enterprise
    _dispatch(org, state=State.SUBMITTED, submitted_at=timezone.now())
    changsha_org = make_org("长沙公司", city="changsha")
    bureau = make_user("xt_bureau", role=city_bureau_role("xiangtan"))
    client.force_login(bureau)
    assert "新加坡码头项目" in client.get(reverse("archive:detail", args=[org.pk])).content.decode()
    assert client.get(reverse("archive:detail", args=[changsha_org.pk])).status_code == 403
    listing = client.get(reverse("archive:organizations")).content.decode()
    assert "湘潭示范装备公司" in listing and "长沙公司" not in listing


def test_department_sees_every_archive(client, enterprise, make_user):
    org, _ = enterprise
    client.force_login(make_user("dept", role=DEPT_REVIEWER))
    assert client.get(reverse("archive:detail", args=[org.pk])).status_code == 200
    assert "湘潭示范装备公司" in client.get(reverse("archive:organizations") + "?q=湘潭").content.decode()


def test_anonymous_and_unaffiliated_users_are_kept_out(client, enterprise, make_user):
    org, _ = enterprise
    assert client.get(reverse("archive:detail", args=[org.pk])).status_code == 302
    client.force_login(make_user("nobody"))
    assert client.get(reverse("archive:mine")).status_code == 403
