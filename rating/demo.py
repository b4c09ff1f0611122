"""Demo annual rating: the 2025 cycle scored and published, the 2026 cycle open for self-reporting.

Reported figures are invented; scores are computed with the same arithmetic as the site
(``rating.scoring``), so the published grades are consistent with the scorecard.
"""

import random
from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone

from accounts.models import CertificationStatus, Organization, OrgKind
from rating import computed, scoring
from rating.models import Answer, CycleStatus, Indicator, IndicatorKind, RatingCycle, Submission, SubmissionState
from rating.scorecard import install_default

ORDER = 70

# plausible ranges per self-reported indicator (by name)
RANGES = {
    "在建及运营的境外项目数": (0, 9),
    "境外员工本地化率": (20, 95),
    "上年境外营业收入": (300, 9000),
    "境外营业收入增长率": (-15, 40),
    "资产负债率": (35, 85),
    "净利润率": (-2, 18),
}


def _cycle(year, status, opens_on, closes_on, description):
    cycle, _ = RatingCycle.objects.get_or_create(
        year=year,
        defaults={"title": f"{year}年度湖南走出去优质企业评价", "opens_on": opens_on, "closes_on": closes_on, "status": status, "description": description},
    )
    install_default(cycle)
    return cycle


def _score_2025(cycle, orgs):
    rng = random.Random(2025)
    indicators = list(Indicator.objects.filter(dimension__cycle=cycle).select_related("dimension"))
    for org in orgs:
        if Submission.objects.filter(cycle=cycle, organization=org).exists():
            continue
        strength = rng.uniform(0.45, 1.0)  # one company-level factor so grades spread across A–D
        sub = Submission.objects.create(cycle=cycle, organization=org, state=SubmissionState.SCORED,
                                        submitted_at=timezone.make_aware(timezone.datetime(2025, 4, 10, 10, 0)),
                                        scored_at=timezone.make_aware(timezone.datetime(2025, 5, 20, 15, 0)))  # fmt: skip
        items, answers = [], []
        for ind in indicators:
            value = auto = None
            if ind.kind == IndicatorKind.SELF_NUMERIC:
                low, high = RANGES.get(ind.name, (0, 100))
                good, bad = (low, high) if ind.zero_at > ind.full_at else (high, low)  # "lower is better" indicators
                value = Decimal(str(round(bad + (good - bad) * min(1.0, strength * rng.uniform(0.8, 1.15)), 1)))
            elif ind.kind == IndicatorKind.COMPUTED:
                value = computed.value_of(ind.source, org)
            if value is not None:
                auto = scoring.scaled_score(value, zero_at=ind.zero_at, full_at=ind.full_at, max_score=ind.max_score)
                score = auto
            else:
                score = Decimal(min(100, round(100 * strength * rng.uniform(0.85, 1.1))))
            answers.append(Answer(submission=sub, indicator=ind, value=value, auto_score=auto, score=score,
                                  comment="" if value is not None else "依据企业提交材料评定。"))  # fmt: skip
            items.append((score, ind.max_score, ind.weight))
        Answer.objects.bulk_create(answers)
        sub.total_score = scoring.weighted_total(items)
        sub.grade = scoring.grade_for(sub.total_score, a_min=cycle.grade_a_min, b_min=cycle.grade_b_min, c_min=cycle.grade_c_min)
        sub.save(update_fields=["total_score", "grade"])


def load(stdout):
    enterprises = list(Organization.objects.filter(kind=OrgKind.ENTERPRISE, status=CertificationStatus.CERTIFIED, directory_profile__isnull=False).order_by("pk"))
    published = _cycle(2025, CycleStatus.PUBLISHED, date(2025, 3, 1), date(2025, 4, 30), "2024 年度经营数据。A、B 级企业纳入优质企业库。")
    _score_2025(published, enterprises[:26])
    if published.published_at is None:
        published.published_at = timezone.make_aware(timezone.datetime(2025, 6, 18, 9, 0))
        published.save(update_fields=["published_at"])
    today = timezone.localdate()
    current = _cycle(2026, CycleStatus.OPEN, today - timedelta(days=20), today + timedelta(days=40), "2025 年度经营数据。请企业管理员在截止日前完成自评填报。")
    stdout.write(f"rating: {published.submissions.count()} published results for 2025; 2026 cycle {current.get_status_display()}\n")
