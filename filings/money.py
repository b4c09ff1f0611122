"""Amounts in US dollars and the reporting thresholds (USD 1 million investment, USD 5 million contract)."""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.utils import timezone

from filings.models import ExchangeRate, Kind


class MissingRate(Exception):
    """No exchange rate is configured for a currency on a date."""


def usd_rate(currency: str, on=None) -> Decimal:
    """US dollars per unit of ``currency`` on date ``on`` (default today) from the rate table."""
    if currency == "USD":
        return Decimal(1)
    on = on or timezone.localdate()
    rate = ExchangeRate.objects.filter(currency=currency, valid_from__lte=on).order_by("-valid_from").first()
    if rate is None:
        raise MissingRate(f"尚未配置 {currency} 对美元的汇率，请联系省商务厅")
    return rate.usd_per_unit


def to_usd(amount: Decimal, currency: str, on=None) -> Decimal:
    return (Decimal(amount) * usd_rate(currency, on)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Requirement:
    required: bool
    threshold_usd: Decimal
    message: str


def reporting_requirement(kind: str, amount_usd: Decimal) -> Requirement:
    """Whether reporting is required for a project of ``kind`` worth ``amount_usd``."""
    if kind == Kind.INVESTMENT:
        threshold, what = Decimal(settings.FILINGS_INVESTMENT_THRESHOLD_USD), "中方投资额"
    else:
        threshold, what = Decimal(settings.FILINGS_CONTRACT_THRESHOLD_USD), "合同金额"
    limit = f"{threshold / 10000:,.0f} 万美元"
    if amount_usd >= threshold:
        return Requirement(True, threshold, f"{what}折合 {amount_usd:,.2f} 美元，达到 {limit}：须在核准/备案前完成报送。")
    return Requirement(False, threshold, f"{what}折合 {amount_usd:,.2f} 美元，低于 {limit}：可自愿报送。")
