"""The demo data reproduces SPEC §9's distribution, and loading it twice changes nothing."""

import io

import pytest
from stdnum.cn import uscc

from accounts.models import Organization
from filings import demo
from filings.models import Filing, FilingEvent
from stats.selectors import public_scope, summarize, totals


@pytest.fixture
def loaded(db, _reference_data):
    demo.load(io.StringIO())
    return demo


def shares(rows):
    return {r["key"]: round(r["share"] * 100, 1) for r in rows}


def test_demo_matches_the_spec_figures(loaded):
    qs = public_scope()
    investment = qs.filter(kind="investment")
    assert totals(investment)["enterprises"] == 1440
    city = shares(summarize(qs, "city"))
    assert (city["changsha"], city["shaoyang"], city["province"]) == (26.0, 21.0, 15.0)
    assert shares(summarize(qs, "ownership"))["state"] == 13.3
    continent = shares(summarize(investment, "continent"))
    assert (continent["asia"], continent["north_america"], continent["europe"], continent["africa"]) == (68.0, 11.0, 9.0, 8.0)
    assert qs.filter(kind="contracting").values("organization").distinct().count() == 27
    assert qs.filter(kind="labour").values("organization").distinct().count() == 20


def test_demo_enterprises_have_valid_credit_codes_and_filings_have_history(loaded):
    codes = Organization.objects.filter(filings__isnull=False).values_list("credit_code", flat=True).distinct()
    assert all(uscc.is_valid(code) for code in codes)
    filing = Filing.objects.filter(jurisdiction="changsha").first()
    assert list(filing.events.values_list("action", flat=True)) == ["submit", "start_review", "forward", "file"]


def test_loading_the_demo_twice_creates_nothing_new(loaded):
    before = (Organization.objects.count(), Filing.objects.count(), FilingEvent.objects.count())
    loaded.load(io.StringIO())
    assert (Organization.objects.count(), Filing.objects.count(), FilingEvent.objects.count()) == before
