from datetime import date, timedelta
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook
from stdnum.cn import ric

from labour.models import DispatchFiling, Qualification
from labour.workers import COLUMNS


def id_number(seq: int, *, birth="19900101", male=True, region="430102") -> str:
    """A valid 18-digit resident ID number with correct checksum."""
    order = f"{seq % 100:02d}{(1 if male else 2) + 2 * (seq % 4)}"
    body = f"{region}{birth}{order}"
    return body + ric.calc_check_digit(body + "0")


def xlsx(rows, headers=None, name="workers.xlsx"):
    wb = Workbook()
    ws = wb.active
    ws.append(headers or list(COLUMNS))
    for row in rows:
        ws.append(row)
    out = BytesIO()
    wb.save(out)
    return SimpleUploadedFile(name, out.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


def worker_row(seq, name="李四", **kw):
    return [name, "男", kw.get("id") or id_number(seq), kw.get("passport") or f"E{10000000 + seq}", "焊工", "13800000000"]


@pytest.fixture
def labour_org(make_org):
    org = make_org("湘江劳务合作有限公司", city="changsha")
    Qualification.objects.create(organization=org, certificate_no="LW430001", valid_until=date.today() + timedelta(days=365))
    return org


@pytest.fixture
def labour_user(make_user, labour_org):
    return make_user("labour_ent", org=labour_org)


@pytest.fixture
def country(db):
    from taxonomy.models import Country

    return Country.objects.get(code="SG")


@pytest.fixture
def make_dispatch(country):
    def make(org, **fields):
        data = {"country": country, "employer": "Marina Builders Pte", "project_name": "新加坡住宅项目", "job_category": "建筑工",
                "planned_workers": 3, "start_date": date(2026, 3, 1), "end_date": date(2028, 2, 28), "contact_name": "王经理", "contact_phone": "0731-88880000"}
        data.update(fields)
        return DispatchFiling.objects.create(organization=org, jurisdiction=org.jurisdiction, **data)

    return make
