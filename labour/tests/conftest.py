from datetime import date, timedelta
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook
from stdnum.cn import ric

from labour.models import Qualification
from labour.tests.factories import create_dispatch
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
    """``make_dispatch(org, **fields)``: ``labour.tests.factories.create_dispatch`` (to ``country``, Singapore)."""

    def make(org, **fields):
        return create_dispatch(org, **{"country": country, **fields})

    return make
