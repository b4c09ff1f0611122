from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from rating.models import CycleStatus, Dimension, Indicator, IndicatorKind, RatingCycle


@pytest.fixture
def small_cycle(db):
    """An open cycle with a two-indicator scorecard that is easy to compute by hand:
    projects (self-reported, 0→10 maps to 0→100 points, weight 40) and credit (reviewer, weight 60)."""
    today = timezone.localdate()
    cycle = RatingCycle.objects.create(
        year=2031, title="2031年度", opens_on=today - timedelta(days=5), closes_on=today + timedelta(days=20), status=CycleStatus.OPEN
    )
    basic = Dimension.objects.create(cycle=cycle, name="基本情况", order=1)
    credit = Dimension.objects.create(cycle=cycle, name="信用记录", order=2)
    Indicator.objects.create(dimension=basic, name="境外项目数", kind=IndicatorKind.SELF_NUMERIC, weight=Decimal(40), zero_at=0, full_at=10, unit="个")
    Indicator.objects.create(dimension=credit, name="信用情况", kind=IndicatorKind.REVIEWER, weight=Decimal(60))
    return cycle


@pytest.fixture
def enterprise(make_org, make_user):
    org = make_org("湘江示例机械有限公司")
    return make_user("ent_admin", org=org)


@pytest.fixture
def reviewer(make_user):
    from accounts.roles import DEPT_REVIEWER

    return make_user("dept_reviewer", role=DEPT_REVIEWER)


@pytest.fixture
def manager(make_user):
    from accounts.roles import DEPT_ADMIN

    return make_user("dept_admin", role=DEPT_ADMIN)


def indicator(cycle, name):
    return Indicator.objects.get(dimension__cycle=cycle, name=name)
