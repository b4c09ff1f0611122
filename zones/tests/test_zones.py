from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from accounts.models import InstitutionType, OrgKind
from accounts.roles import DEPT_REVIEWER
from audit.models import AuditEntry
from notifications.models import Message
from zones import services
from zones.models import Indicator, State, grade_for, weighted_total

pytestmark = pytest.mark.django_db


@pytest.fixture
def zone_user(make_org, make_user):
    org = make_org("示范境外经贸合作区", kind=OrgKind.INSTITUTION, institution_type=InstitutionType.OVERSEAS_ZONE, city="province")
    return make_user("zone", org=org)


@pytest.fixture
def dept(make_user):
    return make_user("dept_r", role=DEPT_REVIEWER)


def _submitted(zone_user, year=2025):
    report = services.save_report(by=zone_user, year=year, data={"enterprises": 40, "chinese_enterprises": 30, "local_jobs": 5000})
    services.submit(report, by=zone_user)
    return report


def _all_scores(value):
    return {ind.pk: Decimal(value) for ind in Indicator.objects.filter(active=True)}


def test_weighted_total_matches_hand_computation():
    # (80×25 + 90×20 + 70×20 + 100×20 + 60×15) / 100 = 81.00
    assert weighted_total([(80, 25), (90, 20), (70, 20), (100, 20), (60, 15)]) == Decimal("81.00")
    # weights need not sum to 100: (95×3 + 60×1) / 4 = 86.25
    assert weighted_total([(95, 3), (60, 1)]) == Decimal("86.25")
    assert weighted_total([(Decimal("88.333"), 1), (Decimal("90"), 2)]) == Decimal("89.44")
    assert weighted_total([]) == Decimal("0.00")


def test_grades_at_boundaries():
    assert [grade_for(Decimal(x)) for x in ("90", "89.99", "75", "60", "59.99")] == ["优秀", "良好", "良好", "合格", "不合格"]


def test_default_scorecard_weights_sum_to_100():
    assert sum(Indicator.objects.values_list("weight", flat=True)) == 100


def test_scoring_uses_current_scorecard_and_keeps_weight_snapshot(zone_user, dept):
    report = _submitted(zone_user)
    inds = list(Indicator.objects.all())
    scores = {ind.pk: Decimal(s) for ind, s in zip(inds, [80, 90, 70, 100, 60], strict=True)}
    assert services.score(report, by=dept, scores=scores) == Decimal("81.00")
    report.refresh_from_db()
    assert report.state == State.SCORED and report.grade == "良好"
    Indicator.objects.filter(pk=inds[0].pk).update(weight=50)
    assert report.scores.get(indicator=inds[0]).weight == 25


def test_inactive_indicator_is_left_out(zone_user, dept):
    report = _submitted(zone_user)
    first = Indicator.objects.first()
    first.active = False
    first.save()
    scores = _all_scores(100) | {first.pk: Decimal(0)}
    assert services.score(report, by=dept, scores=scores) == Decimal("100.00")
    assert report.scores.count() == 4


def test_missing_or_out_of_range_score_is_refused(zone_user, dept):
    report = _submitted(zone_user)
    scores = _all_scores(80)
    scores.popitem()
    with pytest.raises(ValidationError, match="请为"):
        services.score(report, by=dept, scores=scores)
    with pytest.raises(ValidationError, match="0–100"):
        services.score(report, by=dept, scores=_all_scores(101))


def test_zone_cannot_score_itself_and_other_users_cannot_edit(zone_user, make_user, make_org):
    report = _submitted(zone_user)
    with pytest.raises(PermissionDenied):
        services.score(report, by=zone_user, scores=_all_scores(100))
    stranger = make_user("ent", org=make_org())
    with pytest.raises(PermissionDenied):
        services.save_report(by=stranger, year=2024, data={})


def test_one_report_per_zone_and_year(zone_user):
    services.save_report(by=zone_user, year=2025, data={})
    with pytest.raises(ValidationError, match="已经存在"):
        services.save_report(by=zone_user, year=2025, data={})


def test_publish_requires_all_scored_then_shows_public_ranking(client, zone_user, dept, make_org, make_user):
    other = make_user("zone2", org=make_org("第二合作区", kind=OrgKind.INSTITUTION, institution_type=InstitutionType.OVERSEAS_ZONE))
    a, b = _submitted(zone_user), _submitted(other)
    services.score(a, by=dept, scores=_all_scores(70))
    with pytest.raises(ValidationError, match="未评分"):
        services.publish_year(2025, by=dept)
    assert client.get(reverse("zones:results", args=[2025])).status_code == 404
    services.score(b, by=dept, scores=_all_scores(92))
    assert services.publish_year(2025, by=dept) == 2
    body = client.get(reverse("zones:results", args=[2025])).content.decode()
    assert body.index("第二合作区") < body.index("示范境外经贸合作区") and "92.00" in body and "优秀" in body
    assert Message.objects.filter(recipient=zone_user, kind="zones.published").exists()
    assert AuditEntry.objects.filter(action="zones.publish").exists()


def test_submit_notifies_department_and_return_reopens(zone_user, dept):
    report = _submitted(zone_user)
    assert Message.objects.filter(recipient=dept, kind="zones.submitted").exists()
    services.return_report(report, by=dept, comment="就业数据缺少佐证")
    report.refresh_from_db()
    assert report.state == State.DRAFT and Message.objects.filter(recipient=zone_user, kind="zones.returned").exists()


def test_zone_reports_are_private_to_the_zone_and_department(client, zone_user, make_org, make_user):
    report = _submitted(zone_user)
    other = make_user("zone2", org=make_org("第二合作区", kind=OrgKind.INSTITUTION, institution_type=InstitutionType.OVERSEAS_ZONE))
    client.force_login(other)
    assert client.get(reverse("zones:detail", args=[report.pk])).status_code == 404
    assert client.get(reverse("zones:review")).status_code == 403


def test_score_form_through_views(client, zone_user, dept):
    report = _submitted(zone_user)
    client.force_login(dept)
    data = {f"score_{ind.pk}": "85" for ind in Indicator.objects.all()}
    client.post(reverse("zones:score", args=[report.pk]), data)
    report.refresh_from_db()
    assert report.total_score == Decimal("85.00")


def test_department_admin_edits_scorecard_weights_and_adds_indicator(client, make_user):
    from accounts.roles import DEPT_ADMIN

    client.force_login(make_user("dept_admin", role=DEPT_ADMIN))
    inds = list(Indicator.objects.all())
    data = {"form-TOTAL_FORMS": str(len(inds) + 1), "form-INITIAL_FORMS": str(len(inds)), "form-MIN_NUM_FORMS": "0", "form-MAX_NUM_FORMS": "1000"}
    for n, ind in enumerate(inds):
        data |= {f"form-{n}-id": ind.pk, f"form-{n}-name": ind.name, f"form-{n}-description": "", f"form-{n}-weight": "30" if n == 0 else ind.weight,
                 f"form-{n}-order": ind.order, f"form-{n}-active": "on"}
    n = len(inds)
    data |= {f"form-{n}-name": "数字化水平", f"form-{n}-description": "", f"form-{n}-weight": "10", f"form-{n}-order": "9", f"form-{n}-active": "on"}
    assert client.post(reverse("zones:scorecard"), data).status_code == 302
    assert Indicator.objects.get(pk=inds[0].pk).weight == 30
    assert Indicator.objects.filter(name="数字化水平", weight=10).exists()
    assert AuditEntry.objects.filter(action="zones.scorecard").exists()


def test_reviewer_without_admin_role_cannot_edit_scorecard(client, dept):
    client.force_login(dept)
    assert client.get(reverse("zones:scorecard")).status_code == 403


def test_reminder_sent_once_per_year_only_to_zones_without_submitted_report(zone_user, make_org, make_user):
    from datetime import date

    done = make_user("zone_done", org=make_org("已提交合作区", kind=OrgKind.INSTITUTION, institution_type=InstitutionType.OVERSEAS_ZONE))
    _submitted(done, year=2025)
    assert services.remind_missing_reports(date(2026, 2, 1)) == 1
    assert services.remind_missing_reports(date(2026, 2, 2)) == 0
    assert Message.objects.filter(kind="zones.reminder", recipient=zone_user).count() == 1
    assert not Message.objects.filter(kind="zones.reminder", recipient=done).exists()
    assert services.remind_missing_reports(date(2026, 5, 1)) == 0


def test_publishing_results_asks_for_confirmation_on_the_page_and_the_server(client, zone_user, dept):
    services.score(_submitted(zone_user), by=dept, scores=_all_scores(80))
    client.force_login(dept)
    page = client.get(reverse("zones:review") + "?year=2025").content.decode()
    assert 'name="confirm" value="1" required' in page and "btn irreversible" in page
    refused = client.post(reverse("zones:publish", args=[2025]), follow=True)
    assert "请勾选确认后再提交" in refused.content.decode()
    assert not Message.objects.filter(kind="zones.published").exists()
    client.post(reverse("zones:publish", args=[2025]), {"confirm": "1"})
    assert Message.objects.filter(recipient=zone_user, kind="zones.published").exists()


def test_only_the_department_may_publish_even_with_confirmation(client, zone_user):
    client.force_login(zone_user)
    assert client.post(reverse("zones:publish", args=[2025]), {"confirm": "1"}).status_code == 403
