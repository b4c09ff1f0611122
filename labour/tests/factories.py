"""One dispatch filing's test data, shared by the labour, archive and permission-matrix tests."""

from datetime import date

from labour.models import DispatchFiling


def create_dispatch(org, **fields) -> DispatchFiling:
    """A dispatch filing (外派劳务备案) of ``org`` to Singapore; ``fields`` override any value."""
    values = {
        "country_id": "SG",
        "employer": "Marina Builders Pte",
        "project_name": "新加坡住宅项目",
        "job_category": "建筑工",
        "planned_workers": 3,
        "start_date": date(2026, 3, 1),
        "end_date": date(2028, 2, 28),
        "contact_name": "王经理",
        "contact_phone": "0731-88880000",
    }
    values.update(fields)
    return DispatchFiling.objects.create(organization=org, jurisdiction=org.jurisdiction, **values)
