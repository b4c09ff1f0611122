from datetime import date
from decimal import Decimal

import pytest

from rating.models import CycleStatus, RatingCycle, Submission, SubmissionState
from rating.selectors import quality_score, quality_scores

pytestmark = pytest.mark.django_db


def _cycle(year, status):
    return RatingCycle.objects.create(year=year, title=f"{year}年度", opens_on=date(year, 3, 1), closes_on=date(year, 4, 30), status=status)


def _result(cycle, org, total):
    return Submission.objects.create(cycle=cycle, organization=org, state=SubmissionState.SCORED, total_score=Decimal(total), grade="A")


def test_enterprise_without_published_rating_scores_neutral(make_org):
    org = make_org("无评级企业")
    assert quality_score(org) == 0.5
    _result(_cycle(2025, CycleStatus.REVIEWING), org, "92")  # scored but not yet published
    assert quality_score(org) == 0.5


def test_quality_score_comes_from_latest_published_total(make_org):
    org = make_org("有评级企业")
    _result(_cycle(2024, CycleStatus.PUBLISHED), org, "70")
    _result(_cycle(2025, CycleStatus.PUBLISHED), org, "88.5")
    _result(_cycle(2026, CycleStatus.OPEN), org, "10")  # an unpublished later year is ignored
    assert quality_score(org) == pytest.approx(0.885)


def test_bulk_quality_scores_match_single_lookups(make_org):
    rated, unrated = make_org("甲企业"), make_org("乙企业")
    _result(_cycle(2024, CycleStatus.PUBLISHED), rated, "60")
    _result(_cycle(2025, CycleStatus.PUBLISHED), rated, "95")
    scores = quality_scores([rated.pk, unrated.pk])
    assert scores == {rated.pk: quality_score(rated), unrated.pk: 0.5}
    assert scores[rated.pk] == pytest.approx(0.95)
