from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEntry
from notifications.models import Message
from rating import services
from rating.models import CycleStatus, SubmissionState
from rating.selectors import quality_enterprises, quality_score
from rating.tests.conftest import indicator

pytestmark = pytest.mark.django_db


def _submitted(cycle, user, projects="5"):
    projects_id = indicator(cycle, "境外项目数").pk
    sub = services.save_draft(cycle, user.organization, by=user, values={projects_id: Decimal(projects)})
    services.submit(sub, by=user)
    sub.refresh_from_db()
    return sub


def test_self_report_score_publish_flow_computes_total_grade_and_notifies(small_cycle, enterprise, reviewer, manager):
    sub = _submitted(small_cycle, enterprise)
    assert sub.state == SubmissionState.SUBMITTED
    assert sub.answers.get(indicator=indicator(small_cycle, "境外项目数")).auto_score == Decimal("50.00")
    assert Message.objects.filter(recipient=reviewer, kind="rating.submission_received").exists()

    credit = indicator(small_cycle, "信用情况").pk
    # 40 × 50/100 + 60 × 90/100 = 20 + 54 = 74.00 → B (A ≥ 85, B ≥ 70)
    assert services.score(sub, by=reviewer, scores={credit: Decimal(90)}, comments={credit: "纳税信用A级"}) == Decimal("74.00")
    sub.refresh_from_db()
    assert (sub.state, sub.grade) == (SubmissionState.SCORED, "B")
    assert quality_score(enterprise.organization) == 0.5  # not public before publication

    assert services.publish(small_cycle, by=manager) == 1
    small_cycle.refresh_from_db()
    assert small_cycle.status == CycleStatus.PUBLISHED
    assert quality_score(enterprise.organization) == pytest.approx(0.74)
    assert [r.organization for r in quality_enterprises()] == [enterprise.organization]
    assert Message.objects.filter(recipient=enterprise, kind="rating.result_published").exists()
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"rating.save", "rating.submit", "rating.score", "rating.publish"} <= actions


def test_opening_a_cycle_notifies_certified_enterprise_admins(small_cycle, enterprise, manager, make_org, make_user):
    uncertified = make_user("uncert", org=make_org("未认证企业", certified=False))
    small_cycle.status = CycleStatus.DRAFT
    small_cycle.save()
    services.open_cycle(small_cycle, by=manager)
    assert Message.objects.filter(recipient=enterprise, kind="rating.cycle_opened").exists()
    assert not Message.objects.filter(recipient=uncertified).exists()
    with pytest.raises(ValidationError):
        services.open_cycle(small_cycle, by=manager)  # already open


def test_reviewer_cannot_open_or_publish_a_cycle(small_cycle, reviewer):
    with pytest.raises(PermissionDenied):
        services.publish(small_cycle, by=reviewer)


def test_submit_lists_the_missing_self_reported_indicators(small_cycle, enterprise):
    sub = services.save_draft(small_cycle, enterprise.organization, by=enterprise, values={})
    with pytest.raises(ValidationError, match="境外项目数"):
        services.submit(sub, by=enterprise)


def test_non_numeric_value_is_rejected_with_the_indicator_name(small_cycle, enterprise):
    with pytest.raises(ValidationError, match="境外项目数"):
        services.save_draft(small_cycle, enterprise.organization, by=enterprise, values={indicator(small_cycle, "境外项目数").pk: "五个"})


def test_self_report_outside_the_reporting_window_is_refused(small_cycle, enterprise):
    small_cycle.closes_on = timezone.localdate() - timedelta(days=1)
    small_cycle.save()
    with pytest.raises(ValidationError, match="填报时间"):
        services.save_draft(small_cycle, enterprise.organization, by=enterprise, values={})


def test_submitted_report_cannot_be_changed_until_returned(small_cycle, enterprise, reviewer):
    sub = _submitted(small_cycle, enterprise)
    with pytest.raises(ValidationError):
        services.save_draft(small_cycle, enterprise.organization, by=enterprise, values={})
    services.return_submission(sub, by=reviewer, comment="请补充项目清单")
    assert Message.objects.filter(recipient=enterprise, kind="rating.returned").exists()
    services.save_draft(small_cycle, enterprise.organization, by=enterprise, values={indicator(small_cycle, "境外项目数").pk: 8})
    sub.refresh_from_db()
    assert sub.state == SubmissionState.RETURNED


def test_changing_an_automatic_score_needs_a_comment(small_cycle, enterprise, reviewer):
    sub = _submitted(small_cycle, enterprise)
    projects, credit = indicator(small_cycle, "境外项目数").pk, indicator(small_cycle, "信用情况").pk
    with pytest.raises(ValidationError, match="评审意见"):
        services.score(sub, by=reviewer, scores={projects: Decimal(80), credit: Decimal(90)})
    total = services.score(sub, by=reviewer, scores={projects: Decimal(80), credit: Decimal(90)}, comments={projects: "核实为8个项目"})
    assert total == Decimal("86.00")  # 40×0.8 + 60×0.9


def test_score_above_the_maximum_is_refused(small_cycle, enterprise, reviewer):
    sub = _submitted(small_cycle, enterprise)
    with pytest.raises(ValidationError, match="0 至 100"):
        services.score(sub, by=reviewer, scores={indicator(small_cycle, "信用情况").pk: Decimal(101)})


def test_publishing_waits_until_every_submission_is_scored(small_cycle, enterprise, manager):
    _submitted(small_cycle, enterprise)
    with pytest.raises(ValidationError, match="1 份申报未评分"):
        services.publish(small_cycle, by=manager)


def test_only_the_enterprises_admin_members_fill_in_the_report(small_cycle, enterprise, make_user, client):
    member = make_user("ent_member", org=enterprise.organization)
    member.org_role = "member"
    member.save()
    with pytest.raises(PermissionDenied):
        services.save_draft(small_cycle, enterprise.organization, by=member, values={})
    client.force_login(member)
    assert client.get(reverse("rating:report", args=[small_cycle.year])).status_code == 403


def test_self_report_page_saves_a_draft_then_submits(small_cycle, enterprise, client):
    client.force_login(enterprise)
    field = f"value_{indicator(small_cycle, '境外项目数').pk}"
    response = client.post(reverse("rating:report", args=[small_cycle.year]), {field: "3", "action": "save"})
    assert response.status_code == 302
    sub = enterprise.organization.rating_submissions.get()
    assert sub.state == SubmissionState.DRAFT
    response = client.post(reverse("rating:report", args=[small_cycle.year]), {field: "abc", "action": "submit"})
    assert "输入一个数字" in response.content.decode() or "数字" in response.content.decode()
    assert 'value="abc"' in response.content.decode()  # the form keeps what was typed
    client.post(reverse("rating:report", args=[small_cycle.year]), {field: "4", "action": "submit"})
    sub.refresh_from_db()
    assert sub.state == SubmissionState.SUBMITTED
    assert sub.answers.get(indicator__name="境外项目数").value == Decimal("4.00")


def test_total_and_grade_follow_the_cycles_configured_weights_and_thresholds(small_cycle, enterprise, reviewer):
    projects, credit = indicator(small_cycle, "境外项目数"), indicator(small_cycle, "信用情况")
    projects.weight, credit.weight, credit.max_score = Decimal(80), Decimal(20), Decimal(10)
    projects.save()
    credit.save()
    small_cycle.grade_a_min, small_cycle.grade_b_min, small_cycle.grade_c_min = Decimal(90), Decimal(60), Decimal(55)
    small_cycle.save()
    sub = _submitted(small_cycle, enterprise, projects="5")
    # 80 × 50/100 + 20 × 9/10 = 40 + 18 = 58.00 → C under these thresholds (it would be D under the defaults)
    assert services.score(sub, by=reviewer, scores={credit.pk: Decimal(9)}) == Decimal("58.00")
    sub.refresh_from_db()
    assert sub.grade == "C"
