"""One filing's test data, shared by the filing, archive and permission-matrix tests."""

import datetime
from decimal import Decimal

from django.utils import timezone

from filings.models import Filing, Kind, State


def create_filing(org, *, kind=Kind.INVESTMENT, state=State.DRAFT, country="VN", amount="2000000", currency="USD", materials=True, **fields) -> Filing:
    """A filing of ``org`` with believable values; ``fields`` override any of them.

    ``project_name`` and ``industry`` have defaults; a filed filing gets ``filed_at`` now. With
    ``materials`` (the default) it carries a sample file for each material its guide requires, so
    it can be submitted; ``materials=False`` leaves them out.
    """
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
    filing = Filing.objects.create(**values)
    if materials:
        from filings.materials import attach_samples

        attach_samples(filing)
    return filing
