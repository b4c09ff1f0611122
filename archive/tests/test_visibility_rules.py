"""The archive shows each viewer exactly the records the owning app lets that viewer read.

The filings, labour and zones sections intersect the organisation's records with the app's own
rule (``filings_visible_to``, ``dispatches_visible_to``, ``reports_visible_to``): the owner sees its
drafts, the department and the city bureau only what the app shows them (docs/archive.md).
"""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.models import InstitutionType, OrgKind
from accounts.roles import DEPT_ADMIN, DEPT_REVIEWER, city_bureau_role
from archive.registry import sections_for
from zones.selectors import sees_reports_of as sees_zone_reports

pytestmark = pytest.mark.django_db


def _filing(org, state, project_name, **kw):
    from filings.tests.factories import create_filing

    return create_filing(org, state=state, project_name=project_name, **kw)


def _dispatch(org, state, project_name, **kw):
    from labour.tests.factories import create_dispatch

    return create_dispatch(org, state=state, project_name=project_name, **kw)


def _report(zone, state, year):
    from zones.models import ZoneReport

    return ZoneReport.objects.create(
        zone=zone, year=year, enterprises=40, chinese_enterprises=30, summary="年度总结", state=state, submitted_at=timezone.now() if state != "draft" else None
    )


def _titles(org, user, key):
    return [i.title for s in sections_for(org, user) if s.key == key for i in s.items]


@pytest.fixture
def people(make_org, make_user):
    org = make_org("长沙档案可见性测试有限公司", city="changsha")
    return {
        "owner": make_user("cs_owner", org=org),
        "dept_reviewer": make_user("dept_rev", role=DEPT_REVIEWER),
        "dept_admin": make_user("dept_adm", role=DEPT_ADMIN),
        "bureau": make_user("cs_bureau", role=city_bureau_role("changsha")),
        "org": org,
    }


STAFF = ("dept_reviewer", "dept_admin", "bureau")


def test_filings_section_hides_drafts_from_staff_and_shows_them_to_the_owner(client, people):
    from filings.models import State

    org = people["org"]
    draft = _filing(org, State.DRAFT, "草稿：老挝钾盐矿二期")
    submitted = _filing(org, State.SUBMITTED, "已提交：越南饲料厂", submitted_at=timezone.now())
    draft_title, submitted_title = (f"{f.get_kind_display()}：{f.project_name}" for f in (draft, submitted))

    assert set(_titles(org, people["owner"], "filings")) == {draft_title, submitted_title}
    for viewer in STAFF:
        assert _titles(org, people[viewer], "filings") == [submitted_title], viewer
        client.force_login(people[viewer])
        assert client.get(reverse("filings:detail", args=[draft.pk])).status_code == 404  # the app hides it …
        body = client.get(reverse("archive:detail", args=[org.pk])).content.decode()
        assert draft.project_name not in body and submitted.project_name in body  # … and so does the archive


def test_labour_section_hides_draft_dispatches_from_staff_and_shows_them_to_the_owner(client, people):
    from labour.models import State

    org = people["org"]
    draft = _dispatch(org, State.DRAFT, "草稿：新加坡码头项目")
    submitted = _dispatch(org, State.SUBMITTED, "已提交：马来西亚电站项目", submitted_at=timezone.now())

    owner_titles = _titles(org, people["owner"], "labour")
    assert any(draft.project_name in t for t in owner_titles) and any(submitted.project_name in t for t in owner_titles)
    for viewer in STAFF:
        titles = _titles(org, people[viewer], "labour")
        assert len(titles) == 1 and submitted.project_name in titles[0], viewer
        client.force_login(people[viewer])
        assert client.get(reverse("labour:detail", args=[draft.pk])).status_code == 404
        body = client.get(reverse("archive:detail", args=[org.pk])).content.decode()
        assert draft.project_name not in body and submitted.project_name in body


def test_sections_leave_out_other_organisations_records_the_viewer_may_see(people, make_org):
    """The intersection keeps the archive to its organisation: a bureau sees other firms' submissions in filings, not here."""
    from filings.models import State as FilingState
    from labour.models import State as DispatchState

    other = make_org("长沙另一家测试公司", city="changsha")
    _filing(other, FilingState.SUBMITTED, "别家：柬埔寨水泥厂", submitted_at=timezone.now())
    _dispatch(other, DispatchState.SUBMITTED, "别家：泰国工地", submitted_at=timezone.now())
    for viewer in (*STAFF, "owner"):
        assert _titles(people["org"], people[viewer], "filings") == [], viewer
        assert _titles(people["org"], people[viewer], "labour") == [], viewer


@pytest.fixture
def zone(make_org, make_user):
    org = make_org("中国—东盟示范产业园（档案测试）", city="changsha", kind=OrgKind.INSTITUTION, institution_type=InstitutionType.OVERSEAS_ZONE)
    return org, make_user("zone_account", org=org)


def test_zones_section_shows_reports_as_the_zones_app_does(client, people, zone):
    org, zone_user = zone
    due_year = date.today().year - 1
    draft = _report(org, "draft", due_year + 1)
    submitted = _report(org, "submitted", due_year - 1)
    draft_title, submitted_title = f"{draft.year} 年度园区考核", f"{submitted.year} 年度园区考核"
    reminder = f"{due_year} 年度园区考核"

    # the zone: its reports in every state, and the reminder of the missing one with the link to file it
    items = {i.title: i for s in sections_for(org, zone_user) if s.key == "zones" for i in s.items}
    assert set(items) == {draft_title, submitted_title, reminder}
    assert items[reminder].url == reverse("zones:create") and items[reminder].status == "未填报"

    # the department: every report (zones shows it drafts too) and the reminder, not linked to a form it cannot use
    for viewer in ("dept_reviewer", "dept_admin"):
        items = {i.title: i for s in sections_for(org, people[viewer]) if s.key == "zones" for i in s.items}
        assert set(items) == {draft_title, submitted_title, reminder}, viewer
        assert items[reminder].url == ""

    # the city bureau: zones shows it no report, so neither does the archive — nor a "未填报" it could not check
    client.force_login(people["bureau"])
    for report in (draft, submitted):
        assert client.get(reverse("zones:detail", args=[report.pk])).status_code == 404
    assert _titles(org, people["bureau"], "zones") == []
    response = client.get(reverse("archive:detail", args=[org.pk]))
    assert response.status_code == 200
    body = response.content.decode()
    assert draft_title not in body and submitted_title not in body and reminder not in body


def test_bureau_gets_no_missing_report_reminder_whether_or_not_the_zone_filed(people, zone):
    """Otherwise the reminder's absence would tell the bureau that a report it may not see exists."""
    org, _ = zone
    due_year = date.today().year - 1
    assert _titles(org, people["bureau"], "zones") == []
    _report(org, "submitted", due_year)
    assert _titles(org, people["bureau"], "zones") == []


def test_sees_zone_reports_agrees_with_the_zones_rule(people, zone, make_org, make_user):
    """``zones.selectors.sees_reports_of`` (which decides the archive's reminder) agrees with ``reports_visible_to``."""
    from zones.selectors import reports_visible_to

    org, zone_user = zone
    report = _report(org, "draft", 2020)
    other_zone = make_org("另一合作区", city="changsha", kind=OrgKind.INSTITUTION, institution_type=InstitutionType.OVERSEAS_ZONE)
    viewers = {**{k: people[k] for k in (*STAFF, "owner")}, "zone": zone_user, "other_zone": make_user("other_zone", org=other_zone)}
    for name, viewer in viewers.items():
        sees = reports_visible_to(viewer).filter(pk=report.pk).exists()
        assert sees_zone_reports(viewer, org) == sees, name
    assert sees_zone_reports(zone_user, org) and not sees_zone_reports(people["bureau"], org)


@pytest.mark.parametrize("viewer", ["owner", "dept_reviewer", "bureau"])
def test_visibility_costs_no_query_per_row(people, viewer):
    from filings.models import State as FilingState
    from labour.models import State as DispatchState

    org, user = people["org"], people[viewer]

    def count():
        with CaptureQueriesContext(connection) as ctx:
            sections_for(org, user)
        return len(ctx.captured_queries)

    _filing(org, FilingState.SUBMITTED, "项目一", submitted_at=timezone.now())
    _dispatch(org, DispatchState.SUBMITTED, "派遣一", submitted_at=timezone.now())
    sections_for(org, user)  # warm per-user caches (groups, organisation)
    one = count()
    for n in range(5):
        _filing(org, FilingState.SUBMITTED if n % 2 else FilingState.DRAFT, f"项目{n + 2}", submitted_at=timezone.now())
        _dispatch(org, DispatchState.SUBMITTED if n % 2 else DispatchState.DRAFT, f"派遣{n + 2}", submitted_at=timezone.now())
    assert count() == one
