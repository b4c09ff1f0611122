"""Factories for filing tests: two enterprises in two cities, their bureaus and the department."""

import datetime
from decimal import Decimal

import pytest

from accounts.models import Ownership
from accounts.roles import DEPT_ADMIN, DEPT_REVIEWER, city_bureau_role
from filings.tests.factories import create_filing


@pytest.fixture(autouse=True)
def _reference_data(db):
    """Countries and industries (loaded by migrations; again here in case a run skips them)."""
    from taxonomy.loading import ensure_reference_data

    ensure_reference_data()


@pytest.fixture
def people(make_user, make_org):
    """Named actors: owner (长沙 enterprise), other (邵阳 enterprise), city (长沙 bureau),
    other_city (邵阳 bureau), dept (department reviewer), admin (department admin), outsider."""
    changsha = make_org("长沙测试机械有限公司", city="changsha", ownership=Ownership.PRIVATE)
    shaoyang = make_org("邵阳测试制造有限公司", city="shaoyang", ownership=Ownership.STATE)
    provincial = make_org("湖南省测试建工集团有限公司", city="province", ownership=Ownership.STATE)
    return {
        "owner": make_user("owner", org=changsha),
        "colleague": make_user("colleague", org=changsha),
        "other": make_user("other_ent", org=shaoyang),
        "provincial_ent": make_user("prov_ent", org=provincial),
        "city": make_user("cs_bureau", role=city_bureau_role("changsha")),
        "other_city": make_user("sy_bureau", role=city_bureau_role("shaoyang")),
        "dept": make_user("dept_rev", role=DEPT_REVIEWER),
        "admin": make_user("dept_adm", role=DEPT_ADMIN),
        "outsider": make_user("someone"),
    }


@pytest.fixture
def make_filing(db):
    """``make_filing(user_or_org, **fields)``: ``filings.tests.factories.create_filing`` for a user's organisation."""

    def make(user_or_org, **fields):
        return create_filing(getattr(user_or_org, "organization", user_or_org), **fields)

    return make


@pytest.fixture
def rates(db):
    """Round rates for hand-computed USD figures (newer than the migration's defaults)."""
    from filings.models import ExchangeRate

    for currency, rate in {"CNY": "0.14", "EUR": "1.10"}.items():
        ExchangeRate.objects.update_or_create(currency=currency, valid_from=datetime.date(2001, 1, 1), defaults={"usd_per_unit": Decimal(rate)})
