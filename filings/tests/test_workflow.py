"""The filing state machine, tested as a table: who may take which transition from which state."""

import pytest
from django.core.exceptions import PermissionDenied

from audit.models import AuditEntry
from filings import services
from filings.models import FilingEvent, Kind, State
from filings.workflow import TRANSITIONS
from notifications.models import Message

S = State
# (transition, from state, actor, resulting state) — everything not listed here must be refused.
ALLOWED = {
    ("submit", S.DRAFT, "owner"): S.SUBMITTED,
    ("submit", S.RETURNED, "owner"): S.SUBMITTED,
    ("start_review", S.SUBMITTED, "city"): S.CITY_REVIEW,
    ("forward", S.CITY_REVIEW, "city"): S.PROVINCIAL_REVIEW,
    ("return", S.SUBMITTED, "city"): S.RETURNED,
    ("return", S.CITY_REVIEW, "city"): S.RETURNED,
    ("return", S.PROVINCIAL_REVIEW, "dept"): S.RETURNED,
    ("reject", S.CITY_REVIEW, "city"): S.REJECTED,
    ("reject", S.PROVINCIAL_REVIEW, "dept"): S.REJECTED,
    ("file", S.PROVINCIAL_REVIEW, "dept"): S.FILED,
    ("withdraw", S.SUBMITTED, "owner"): S.WITHDRAWN,
    ("withdraw", S.CITY_REVIEW, "owner"): S.WITHDRAWN,
    ("withdraw", S.PROVINCIAL_REVIEW, "owner"): S.WITHDRAWN,
    ("reopen", S.WITHDRAWN, "owner"): S.DRAFT,
    ("cancel", S.FILED, "owner"): S.CANCELLED,
    ("cancel", S.FILED, "dept"): S.CANCELLED,
}
ACTORS = ["owner", "other", "city", "other_city", "dept", "outsider"]


@pytest.mark.parametrize("name", list(TRANSITIONS))
def test_transition_table(name, people, make_filing):
    """Every (state, actor) pair either reaches the listed state or is refused without change."""
    failures = []
    for state in S.values:
        for actor in ACTORS:
            filing = make_filing(people["owner"], state=state)
            expected = ALLOWED.get((name, state, actor))
            try:
                services.TRANSITION_SERVICES[name](filing, by=people[actor], comment="理由")
                outcome = "ok"
            except (PermissionDenied, services.InvalidTransition):
                outcome = "refused"
            filing.refresh_from_db()
            if expected is None and (outcome != "refused" or filing.state != state):
                failures.append(f"{actor} could {name} from {state}")
            if expected is not None and (outcome != "ok" or filing.state != expected):
                failures.append(f"{actor} could not {name} from {state} (now {filing.state})")
    assert failures == []


def test_every_transition_in_the_table_is_specified_by_this_test():
    listed = {(name, state) for (name, state, _) in ALLOWED}
    defined = {(t.name, s) for t in TRANSITIONS.values() for s in t.sources}
    assert listed == defined


def test_province_level_enterprise_submits_straight_to_provincial_review(people, make_filing):
    filing = make_filing(people["provincial_ent"])
    services.submit_filing(filing, by=people["provincial_ent"])
    filing.refresh_from_db()
    assert filing.state == S.PROVINCIAL_REVIEW
    assert {m.recipient.username for m in Message.objects.all()} == {"dept_rev", "dept_adm"}


def test_no_city_bureau_can_review_a_province_level_filing(people, make_filing):
    filing = make_filing(people["provincial_ent"], state=S.PROVINCIAL_REVIEW)
    with pytest.raises(PermissionDenied):
        services.return_filing(filing, by=people["city"], comment="不符合要求")


def test_city_reviewer_cannot_return_another_citys_filing(people, make_filing):
    filing = make_filing(people["other"], state=S.CITY_REVIEW)
    with pytest.raises(PermissionDenied):
        services.return_filing(filing, by=people["city"], comment="请补充材料")
    filing.refresh_from_db()
    assert filing.state == S.CITY_REVIEW
    assert AuditEntry.objects.filter(action="filing.return", outcome="denied", actor=people["city"]).exists()


def test_full_journey_records_who_when_and_comment(people, make_filing):
    filing = make_filing(people["owner"])
    services.submit_filing(filing, by=people["owner"])
    services.start_review(filing, by=people["city"])
    services.return_filing(filing, by=people["city"], comment="请补充资金来源证明")
    services.submit_filing(filing, by=people["colleague"])
    services.start_review(filing, by=people["city"])
    services.forward_filing(filing, by=people["city"], comment="初审通过")
    services.file_filing(filing, by=people["dept"])
    filing.refresh_from_db()
    assert filing.state == S.FILED
    assert filing.number.startswith("湘境投备〔") and filing.number.endswith("00001号")
    events = list(FilingEvent.objects.filter(filing=filing).values_list("action", "actor__username", "comment"))
    assert events == [
        ("submit", "owner", ""),
        ("start_review", "cs_bureau", ""),
        ("return", "cs_bureau", "请补充资金来源证明"),
        ("submit", "colleague", ""),
        ("start_review", "cs_bureau", ""),
        ("forward", "cs_bureau", "初审通过"),
        ("file", "dept_rev", ""),
    ]
    assert AuditEntry.objects.filter(action="filing.file", target_id=str(filing.pk), actor=people["dept"]).count() == 1


def test_notifications_go_to_the_people_who_act_next(people, make_filing):
    filing = make_filing(people["owner"])
    services.submit_filing(filing, by=people["owner"])
    assert set(Message.objects.filter(kind="filing.submit").values_list("recipient__username", flat=True)) == {"cs_bureau"}
    services.start_review(filing, by=people["city"])
    services.return_filing(filing, by=people["city"], comment="缺少可行性研究报告")
    returned = Message.objects.get(kind="filing.return", recipient=people["owner"])
    assert "缺少可行性研究报告" in returned.body and returned.url == f"/filings/{filing.pk}/"
    assert Message.objects.filter(kind="filing.return", recipient=people["colleague"]).exists()
    services.submit_filing(filing, by=people["owner"])
    services.start_review(filing, by=people["city"])
    services.forward_filing(filing, by=people["city"])
    assert set(Message.objects.filter(kind="filing.forward").values_list("recipient__username", flat=True)) == {"dept_rev", "dept_adm"}
    services.file_filing(filing, by=people["dept"])
    assert Message.objects.filter(kind="filing.file", recipient=people["owner"]).exists()


@pytest.mark.parametrize("name", ["return", "reject", "cancel"])
def test_returning_rejecting_and_cancelling_need_a_reason(name, people, make_filing):
    state = {"return": S.CITY_REVIEW, "reject": S.CITY_REVIEW, "cancel": S.FILED}[name]
    actor = "owner" if name == "cancel" else "city"
    filing = make_filing(people["owner"], state=state)
    with pytest.raises(services.InvalidTransition, match="理由"):
        services.TRANSITION_SERVICES[name](filing, by=people[actor], comment="  ")
    filing.refresh_from_db()
    assert filing.state == state


def test_labour_filing_cannot_be_submitted_without_workers(people, make_filing):
    filing = make_filing(people["owner"], kind=Kind.LABOUR, workers_sent=None)
    with pytest.raises(services.InvalidTransition, match="派出人数"):
        services.submit_filing(filing, by=people["owner"])
    filing.refresh_from_db()
    assert filing.state == S.DRAFT


def test_filing_numbers_count_per_kind_and_year(people, make_filing):
    numbers = []
    for kind in [Kind.CONTRACTING, Kind.CONTRACTING, Kind.LABOUR]:
        filing = make_filing(people["owner"], kind=kind, state=S.PROVINCIAL_REVIEW)
        numbers.append(services.file_filing(filing, by=people["admin"]).number)
    assert [n[:4] for n in numbers] == ["湘承包备", "湘承包备", "湘劳务备"]
    assert numbers[0].endswith("00001号") and numbers[1].endswith("00002号") and numbers[2].endswith("00001号")
