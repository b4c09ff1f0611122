"""The rating arithmetic, free of the database so it can be checked by hand.

* an indicator's score is between 0 and its ``max_score``;
* numeric and computed values map linearly from ``zero_at`` (0) to ``full_at`` (full marks),
  clamped at both ends;
* total = Σ weight × score / max_score  ÷  Σ weight  × 100, rounded half-up to two decimals;
* grade A/B/C/D by the cycle's thresholds (a total equal to a threshold reaches it).
"""

from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")


def scaled_score(value, *, zero_at, full_at, max_score) -> Decimal:
    """Score of a reported value on a linear scale, clamped to [0, max_score]."""
    value, zero_at, full_at, max_score = (Decimal(x) for x in (value, zero_at, full_at, max_score))
    fraction = (value - zero_at) / (full_at - zero_at)
    fraction = min(max(fraction, Decimal(0)), Decimal(1))
    return (fraction * max_score).quantize(CENT, rounding=ROUND_HALF_UP)


def weighted_total(items) -> Decimal:
    """``items`` are ``(score, max_score, weight)``; returns the total on a 0–100 scale."""
    items = list(items)
    weights = sum(Decimal(w) for _, _, w in items)
    if not weights:
        return Decimal("0.00")
    points = sum(Decimal(w) * Decimal(s) / Decimal(m) for s, m, w in items)
    return (points / weights * 100).quantize(CENT, rounding=ROUND_HALF_UP)


def grade_for(total, *, a_min, b_min, c_min) -> str:
    total = Decimal(total)
    if total >= a_min:
        return "A"
    if total >= b_min:
        return "B"
    if total >= c_min:
        return "C"
    return "D"
