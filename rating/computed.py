"""Indicator values the platform computes itself instead of asking the enterprise."""

from decimal import Decimal

from django.utils import timezone

from rating.models import ComputedSource


def profile_completeness(org) -> Decimal:
    from directory.selectors import profile_completeness as completeness

    return Decimal(completeness(org))


def years_on_platform(org) -> Decimal:
    since = org.certified_at or org.created_at
    days = (timezone.now() - since).days if since else 0
    return (Decimal(days) / Decimal("365.25")).quantize(Decimal("0.01"))


SOURCES = {
    ComputedSource.PROFILE_COMPLETENESS: profile_completeness,
    ComputedSource.YEARS_REGISTERED: years_on_platform,
}


def value_of(source: str, org) -> Decimal:
    return SOURCES[source](org)
