"""Factories for filing tests: two enterprises in two cities, their bureaus and the department."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from accounts.models import Ownership
from accounts.roles import DEPT_ADMIN, DEPT_REVIEWER, city_bureau_role
from filings.models import Filing, Kind, State


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
    def make(user_or_org, *, kind=Kind.INVESTMENT, state=State.DRAFT, country="VN", amount="2000000", currency="USD", **fields):
        org = getattr(user_or_org, "organization", user_or_org)
        values = {
            "organization": org,
            "kind": kind,
            "state": state,
            "jurisdiction": org.jurisdiction,
            "ownership": org.ownership,
            "project_name": fields.pop("project_name", "越南年产十万吨饲料厂"),
            "country_id": country,
            "industry_id": fields.pop("industry", "C"),
            "investment_mode": "new" if kind == Kind.INVESTMENT else "",
            "chinese_party": org.name,
            "foreign_party": "Vietnam Feed JSC",
            "amount": Decimal(amount),
            "currency": currency,
            "amount_usd": Decimal(fields.pop("amount_usd", amount)),
            "start_date": datetime.date(2026, 3, 1),
            "workers_sent": 12,
            "contact_name": "张三",
            "contact_phone": "13812345678",
            "contact_id_number": "11010519491231002X",
            "state_changed_at": timezone.now(),
        }
        values.update(fields)
        if state == State.FILED and "filed_at" not in fields:
            values["filed_at"] = timezone.now()
        return Filing.objects.create(**values)

    return make


@pytest.fixture
def rates(db):
    """Round rates for hand-computed USD figures (newer than the migration's defaults)."""
    from filings.models import ExchangeRate

    for currency, rate in {"CNY": "0.14", "EUR": "1.10"}.items():
        ExchangeRate.objects.update_or_create(currency=currency, valid_from=datetime.date(2001, 1, 1), defaults={"usd_per_unit": Decimal(rate)})
