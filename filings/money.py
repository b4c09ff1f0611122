"""Amounts in US dollars and the reporting thresholds (USD 1 million investment, USD 5 million contract)."""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _

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
        raise MissingRate(_("尚未配置 %(currency)s 对美元的汇率，请联系省商务厅") % {"currency": currency})
    return rate.usd_per_unit


def to_usd(amount: Decimal, currency: str, on=None) -> Decimal:
    return (Decimal(amount) * usd_rate(currency, on)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Requirement:
    required: bool
    threshold_usd: Decimal
    message: str


def _limit(threshold: Decimal) -> str:
    """The threshold as the page's readers count: 100 万美元 in Chinese, USD 1,000,000 in English."""
    if (translation.get_language() or "zh-hans").startswith("zh"):
        return _("%(wan)s 万美元") % {"wan": f"{threshold / 10000:,.0f}"}
    return _("%(usd)s 美元") % {"usd": f"{threshold:,.0f}"}


def reporting_requirement(kind: str, amount_usd: Decimal) -> Requirement:
    """Whether reporting is required for a project of ``kind`` worth ``amount_usd``."""
    if kind == Kind.INVESTMENT:
        threshold = Decimal(settings.FILINGS_INVESTMENT_THRESHOLD_USD)
        required = _("中方投资额折合 %(amount)s 美元，达到 %(limit)s：须在核准/备案前完成报送。")
        optional = _("中方投资额折合 %(amount)s 美元，低于 %(limit)s：可自愿报送。")
    else:
        threshold = Decimal(settings.FILINGS_CONTRACT_THRESHOLD_USD)
        required = _("合同金额折合 %(amount)s 美元，达到 %(limit)s：须在核准/备案前完成报送。")
        optional = _("合同金额折合 %(amount)s 美元，低于 %(limit)s：可自愿报送。")
    values = {"amount": f"{amount_usd:,.2f}", "limit": _limit(threshold)}
    if amount_usd >= threshold:
        return Requirement(True, threshold, required % values)
    return Requirement(False, threshold, optional % values)
