"""Exactly who is told about each filing transition and each change/progress report.

``test_workflow.test_notifications_go_to_the_people_who_act_next`` covers submit, return,
forward and file on one path; here every other transition is pinned to its exact recipients
(compared as sorted lists, so a missing, an extra or a duplicated message all fail), and the
happy path is run once for each kind of filing.
"""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from filings import services
from filings.models import Kind, ReportKind, ReportState, State
from filings.numbering import NUMBER_PREFIX
from filings.workflow import TRANSITIONS
from notifications.models import Message

S = State
ENTERPRISE = ["colleague", "owner"]  # members of the 长沙 enterprise that owns the filings
DEPARTMENT = ["dept_adm", "dept_rev"]
CITY = ["cs_bureau"]  # the 长沙 bureau; the 邵阳 bureau (sy_bureau) must never hear of these filings


def recipients(kind):
    """Sorted usernames of the in-site messages of ``kind`` (duplicates kept)."""
    return sorted(Message.objects.filter(kind=kind).values_list("recipient__username", flat=True))


def expected(names, actor):
    return sorted(n for n in names if n != actor)


def act(name, filing, people, actor):
    Message.objects.all().delete()
    services.TRANSITION_SERVICES[name](filing, by=people[actor], comment="理由说明")
    filing.refresh_from_db()
    return recipients(f"filing.{name}")


def test_every_transition_has_its_recipients_pinned_here_or_in_test_workflow():
    covered_here = {name for (name, *_rest) in CASES}
    covered_in_test_workflow = {"submit", "return", "forward", "file"}
    assert set(TRANSITIONS) <= covered_here | covered_in_test_workflow


# (transition, from state, actor, resulting state, expected recipients before removing the actor)
CASES = [
    ("start_review", S.SUBMITTED, "city", S.CITY_REVIEW, ENTERPRISE),
    ("submit", S.RETURNED, "colleague", S.SUBMITTED, CITY),
    ("return", S.SUBMITTED, "city", S.RETURNED, ENTERPRISE),
    ("return", S.PROVINCIAL_REVIEW, "dept", S.RETURNED, ENTERPRISE),
    ("reject", S.CITY_REVIEW, "city", S.REJECTED, ENTERPRISE),
    ("reject", S.PROVINCIAL_REVIEW, "dept", S.REJECTED, ENTERPRISE),
    ("reject", S.PROVINCIAL_REVIEW, "admin", S.REJECTED, ENTERPRISE),
    ("withdraw", S.SUBMITTED, "owner", S.WITHDRAWN, CITY + ENTERPRISE),
    ("withdraw", S.CITY_REVIEW, "owner", S.WITHDRAWN, CITY + ENTERPRISE),
    ("withdraw", S.PROVINCIAL_REVIEW, "colleague", S.WITHDRAWN, ENTERPRISE + CITY + DEPARTMENT),
    ("reopen", S.WITHDRAWN, "owner", S.DRAFT, ENTERPRISE),
    ("cancel", S.FILED, "owner", S.CANCELLED, ENTERPRISE + CITY + DEPARTMENT),
    ("cancel", S.FILED, "dept", S.CANCELLED, ENTERPRISE + CITY + DEPARTMENT),
    ("cancel", S.FILED, "admin", S.CANCELLED, ENTERPRISE + CITY + DEPARTMENT),
]


@pytest.mark.parametrize(("name", "source", "actor", "target", "told"), CASES, ids=[f"{c[0]}-{c[1]}-{c[2]}" for c in CASES])
def test_transition_notifies_exactly(name, source, actor, target, told, people, make_filing):
    filing = make_filing(people["owner"], state=source)
    got = act(name, filing, people, actor)
    assert filing.state == target
    assert got == expected(told, people[actor].username)
    assert people[actor].username not in got
    # Nothing else was sent under another kind, and nobody outside the case heard anything.
    assert Message.objects.exclude(kind=f"filing.{name}").count() == 0
    assert not Message.objects.filter(recipient__username__in=["sy_bureau", "other_ent", "prov_ent", "someone"]).exists()


def test_reject_carries_the_reason_to_the_enterprise(people, make_filing):
    filing = make_filing(people["owner"], state=S.CITY_REVIEW)
    services.reject_filing(filing, by=people["city"], comment="投资主体不符合规定")
    for message in Message.objects.filter(kind="filing.reject"):
        assert "投资主体不符合规定" in message.body and message.url == f"/filings/{filing.pk}/"


@pytest.mark.parametrize(
    ("name", "source", "actor", "told"),
    [
        ("withdraw", S.PROVINCIAL_REVIEW, "provincial_ent", DEPARTMENT),
        ("reject", S.PROVINCIAL_REVIEW, "dept", ["prov_ent"]),
        ("cancel", S.FILED, "dept", ["prov_ent", *DEPARTMENT]),
        ("cancel", S.FILED, "provincial_ent", DEPARTMENT),
        ("reopen", S.WITHDRAWN, "provincial_ent", []),
    ],
)
def test_province_level_filings_involve_no_city_bureau(name, source, actor, told, people, make_filing):
    filing = make_filing(people["provincial_ent"], state=source)
    got = act(name, filing, people, actor)
    assert got == expected(told, people[actor].username)


def test_inactive_members_are_not_told(people, make_filing):
    people["colleague"].is_active = False
    people["colleague"].save()
    filing = make_filing(people["owner"], state=S.CITY_REVIEW)
    assert act("reject", filing, people, "city") == ["owner"]


# --- change and progress reports ------------------------------------------------------------

PROGRESS = {"period": "2026年上半年", "summary": "厂房已建成，设备调试中", "invested_usd": Decimal("800000")}
CHANGE = {"summary": "追加投资", "new_amount": Decimal("3000000"), "new_end_date": datetime.date(2028, 12, 31)}


@pytest.mark.parametrize(("kind", "data"), [(ReportKind.PROGRESS, PROGRESS), (ReportKind.CHANGE, CHANGE)])
@pytest.mark.parametrize("actor", ["owner", "colleague"])
def test_submitted_report_is_told_to_the_department_and_the_city_bureau(kind, data, actor, people, make_filing):
    filing = make_filing(people["owner"], state=S.FILED)
    services.submit_report(filing, by=people[actor], kind=kind, data=dict(data))
    assert recipients(f"filing.report_{kind}") == sorted(CITY + DEPARTMENT)
    assert Message.objects.count() == 3


def test_report_of_a_province_level_project_is_told_to_the_department_only(people, make_filing):
    filing = make_filing(people["provincial_ent"], state=S.FILED)
    services.submit_report(filing, by=people["provincial_ent"], kind=ReportKind.PROGRESS, data=dict(PROGRESS))
    assert recipients("filing.report_progress") == DEPARTMENT
    assert Message.objects.count() == 2


@pytest.mark.parametrize(("accept", "comment", "state"), [(True, "", ReportState.ACCEPTED), (False, "请补充完工证明", ReportState.RETURNED)])
@pytest.mark.parametrize(("kind", "data"), [(ReportKind.PROGRESS, PROGRESS), (ReportKind.CHANGE, CHANGE)])
@pytest.mark.parametrize("reviewer", ["dept", "admin"])
def test_reviewed_report_is_told_to_the_enterprise_members(accept, comment, state, kind, data, reviewer, people, make_filing):
    filing = make_filing(people["owner"], state=S.FILED)
    report = services.submit_report(filing, by=people["owner"], kind=kind, data=dict(data))
    Message.objects.all().delete()
    services.review_report(report, by=people[reviewer], accept=accept, comment=comment)
    report.refresh_from_db()
    assert report.state == state
    assert recipients("filing.report_review") == ENTERPRISE
    assert Message.objects.count() == 2
    if comment:
        assert all(comment in m.body for m in Message.objects.all())


# --- the happy path, once per kind -----------------------------------------------------------

PATH = [
    ("submit", "owner", S.SUBMITTED, CITY),
    ("start_review", "city", S.CITY_REVIEW, ENTERPRISE),
    ("forward", "city", S.PROVINCIAL_REVIEW, DEPARTMENT),
    ("file", "dept", S.FILED, ENTERPRISE),
]


@pytest.mark.parametrize("kind", [Kind.INVESTMENT, Kind.CONTRACTING, Kind.LABOUR])
def test_full_path_for_each_kind(kind, people, make_filing):
    filing = make_filing(people["owner"], kind=kind)
    assert filing.state == S.DRAFT and not filing.number
    for name, actor, state, told in PATH:
        got = act(name, filing, people, actor)
        assert filing.state == state, name
        assert got == expected(told, people[actor].username), name
        if state != S.FILED:
            assert not filing.number
    prefix = f"{NUMBER_PREFIX[kind]}〔{timezone.now().year}〕"
    assert filing.number == f"{prefix}00001号"
    assert filing.filed_at is not None and filing.submitted_at is not None
