from decimal import Decimal

import pytest

from rating.scoring import grade_for, scaled_score, weighted_total


@pytest.mark.parametrize(
    ("value", "zero_at", "full_at", "max_score", "expected"),
    [
        (50, 0, 100, 100, "50.00"),
        (5, 0, 10, 100, "50.00"),
        (1, 0, 3, 100, "33.33"),  # 33.333… rounds half-up to two decimals
        (60, 90, 40, 100, "60.00"),  # lower is better: (60−90)/(40−90) = 0.6
        (35, 90, 40, 100, "100.00"),  # better than full marks is clamped
        (120, 0, 100, 10, "10.00"),
        (-5, 0, 100, 10, "0.00"),
        (10, -20, 30, 100, "60.00"),  # growth rate with a negative floor: 30/50
    ],
)
def test_scaled_score_maps_values_linearly_and_clamps(value, zero_at, full_at, max_score, expected):
    assert scaled_score(value, zero_at=zero_at, full_at=full_at, max_score=max_score) == Decimal(expected)


def test_weighted_total_matches_hand_computation():
    # (25×0.8 + 20×0.9 + 20×0.7 + 20×1.0 + 15×0.6) / 100 × 100 = 81.00; the 9/10 shows max_score is respected
    assert weighted_total([(80, 100, 25), (9, 10, 20), (70, 100, 20), (100, 100, 20), (60, 100, 15)]) == Decimal("81.00")
    # weights need not sum to 100: (3×0.95 + 1×0.6) / 4 × 100 = 86.25
    assert weighted_total([(95, 100, 3), (6, 10, 1)]) == Decimal("86.25")
    # (1×(2/3)) / 1 × 100 = 66.666… → 66.67
    assert weighted_total([(2, 3, 1)]) == Decimal("66.67")
    assert weighted_total([]) == Decimal("0.00")


def test_grade_thresholds_are_inclusive():
    cut = {"a_min": Decimal(85), "b_min": Decimal(70), "c_min": Decimal(60)}
    totals = ["100", "85", "84.99", "70", "69.99", "60", "59.99", "0"]
    assert [grade_for(Decimal(t), **cut) for t in totals] == ["A", "A", "B", "B", "C", "C", "D", "D"]


def test_grade_thresholds_follow_the_cycle_configuration():
    assert grade_for(Decimal(80), a_min=Decimal(80), b_min=Decimal(50), c_min=Decimal(30)) == "A"
    assert grade_for(Decimal(80), a_min=Decimal(90), b_min=Decimal(85), c_min=Decimal(81)) == "D"


def test_default_scorecard_has_four_dimensions_and_weights_summing_to_100(db):
    from datetime import date

    from rating.models import Indicator, RatingCycle
    from rating.scorecard import copy_scorecard, install_default

    cycle = RatingCycle.objects.create(year=2040, title="2040", opens_on=date(2040, 3, 1), closes_on=date(2040, 4, 1))
    assert install_default(cycle) == 12
    assert install_default(cycle) == 0  # idempotent
    assert list(cycle.dimensions.values_list("name", flat=True)) == ["基本情况", "经营情况", "财务状况", "信用记录"]
    assert sum(Indicator.objects.filter(dimension__cycle=cycle).values_list("weight", flat=True)) == 100
    for ind in Indicator.objects.filter(dimension__cycle=cycle):
        ind.full_clean()
    later = RatingCycle.objects.create(year=2041, title="2041", opens_on=date(2041, 3, 1), closes_on=date(2041, 4, 1))
    assert copy_scorecard(cycle, later) == 12
    assert Indicator.objects.filter(dimension__cycle=later).count() == 12
    assert Indicator.objects.filter(dimension__cycle=cycle).count() == 12
