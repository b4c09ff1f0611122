"""Filing numbers are unique even when two reviewers file at once; reports with a missing rate fail cleanly."""

import pytest
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone

from audit.models import AuditEntry
from filings import services
from filings.models import ExchangeRate, Filing, FilingReport, ReportKind, State


def test_numbers_follow_the_greatest_taken_and_are_unique(people, make_filing):
    year = timezone.now().year
    make_filing(people["other"], state=State.FILED, number=f"湘境投备〔{year}〕00041号")
    filing = make_filing(people["owner"], state=State.PROVINCIAL_REVIEW)
    services.file_filing(filing, by=people["dept"])
    filing.refresh_from_db()
    assert filing.number == f"湘境投备〔{year}〕00042号"
    with pytest.raises(IntegrityError), transaction.atomic():
        make_filing(people["owner"], state=State.FILED, number=filing.number)


def test_a_number_taken_in_between_is_skipped(people, make_filing, monkeypatch):
    """Another reviewer filed with the number we were about to use: we take the next one."""
    year = timezone.now().year
    taken = make_filing(people["other"], state=State.FILED, number=f"湘境投备〔{year}〕00001号")
    real_next = services._next_number
    calls = []

    def stale_then_real(filing, now):
        calls.append(1)
        return taken.number if len(calls) == 1 else real_next(filing, now)

    monkeypatch.setattr(services, "_next_number", stale_then_real)
    filing = make_filing(people["owner"], state=State.PROVINCIAL_REVIEW)
    services.file_filing(filing, by=people["dept"])
    filing.refresh_from_db()
    assert filing.state == State.FILED and filing.number == f"湘境投备〔{year}〕00002号" and len(calls) == 2


def test_the_actor_is_checked_on_the_current_state(people, make_filing):
    """A stale copy still in city review does not let the city bureau act on a forwarded filing."""
    filing = make_filing(people["owner"], state=State.CITY_REVIEW)
    stale = Filing.objects.get(pk=filing.pk)
    Filing.objects.filter(pk=filing.pk).update(state=State.PROVINCIAL_REVIEW)
    with pytest.raises(PermissionDenied):
        services.return_filing(stale, by=people["city"], comment="材料不全")
    assert Filing.objects.get(pk=filing.pk).state == State.PROVINCIAL_REVIEW
    assert AuditEntry.objects.filter(action="filing.return", outcome="denied").exists()


def test_accepting_a_change_without_an_exchange_rate_is_refused_with_a_message(people, make_filing):
    filing = make_filing(people["owner"], state=State.FILED, amount="1000000", currency="EUR", amount_usd="1100000")
    report = FilingReport.objects.create(filing=filing, kind=ReportKind.CHANGE, submitted_by=people["owner"], summary="增资", new_amount=2_000_000)
    ExchangeRate.objects.filter(currency="EUR").delete()
    with pytest.raises(services.InvalidTransition, match="尚未配置 EUR 对美元的汇率"):
        services.review_report(report, by=people["dept"], accept=True, comment="同意")
    filing.refresh_from_db()
    report.refresh_from_db()
    assert filing.amount == 1_000_000 and report.state == "submitted"
