from decimal import Decimal

import pytest
from django.urls import reverse

from rating import services
from rating.selectors import submissions_visible_to
from rating.tests.conftest import indicator

pytestmark = pytest.mark.django_db


@pytest.fixture
def scored(small_cycle, enterprise, reviewer):
    sub = services.save_draft(small_cycle, enterprise.organization, by=enterprise, values={indicator(small_cycle, "境外项目数").pk: 10})
    services.submit(sub, by=enterprise)
    services.score(sub, by=reviewer, scores={indicator(small_cycle, "信用情况").pk: Decimal(95)})
    sub.refresh_from_db()
    return sub


def test_no_enterprise_sees_another_enterprises_submission(scored, make_org, make_user, client):
    other = make_user("other_admin", org=make_org("另一家企业"))
    assert not submissions_visible_to(other).filter(pk=scored.pk).exists()
    client.force_login(other)
    assert client.get(reverse("rating:detail", args=[scored.pk])).status_code == 404
    assert client.post(reverse("rating:score", args=[scored.pk]), {}).status_code == 404


def test_anonymous_and_individual_users_see_no_submissions(scored, make_user, client):
    assert client.get(reverse("rating:detail", args=[scored.pk])).status_code == 302  # to login
    person = make_user("person")
    client.force_login(person)
    assert client.get(reverse("rating:detail", args=[scored.pk])).status_code == 404


def test_reviewers_see_every_submission_and_the_score_before_publication(scored, reviewer, client):
    client.force_login(reviewer)
    page = client.get(reverse("rating:detail", args=[scored.pk])).content.decode()
    assert "97.00" in page  # 40×1.0 + 60×0.95
    assert client.get(reverse("rating:review")).content.decode().count(scored.organization.name) == 1


def test_enterprise_sees_its_result_only_after_publication(scored, enterprise, manager, client):
    client.force_login(enterprise)
    url = reverse("rating:detail", args=[scored.pk])
    assert "97.00" not in client.get(url).content.decode()
    assert client.get(reverse("rating:results", args=[scored.cycle.year])).status_code == 404
    services.publish(scored.cycle, by=manager)
    assert "97.00" in client.get(url).content.decode()
    client.logout()
    public = client.get(reverse("rating:results", args=[scored.cycle.year])).content.decode()
    assert scored.organization.name in public and "A 级" in public


def test_enterprise_cannot_open_the_review_queue_or_run_cycle_actions(small_cycle, enterprise, reviewer, client):
    client.force_login(enterprise)
    assert client.get(reverse("rating:review")).status_code == 403
    client.force_login(reviewer)
    assert client.post(reverse("rating:cycle_action", args=[small_cycle.year, "publish"])).status_code == 403


def test_quality_database_lists_only_latest_a_and_b_grades(scored, manager, client):
    services.publish(scored.cycle, by=manager)
    page = client.get(reverse("rating:quality")).content.decode()
    assert scored.organization.name in page


def test_publishing_a_cycle_is_confirmed_first(scored, manager, client):
    client.force_login(manager)
    url = reverse("rating:cycle_action", args=[scored.cycle.year, "publish"])
    assert "btn irreversible" in client.get(reverse("rating:review") + f"?year={scored.cycle.year}").content.decode()
    assert "请勾选确认后再提交" in client.post(url, follow=True).content.decode()
    scored.cycle.refresh_from_db()
    assert scored.cycle.status != "published"
    client.post(url, {"confirm": "1"})
    scored.cycle.refresh_from_db()
    assert scored.cycle.status == "published"
