"""Actors and a call for data-call tests: enterprises in 长沙 and 邵阳, both bureaus, the department."""

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.roles import DEPT_ADMIN, DEPT_REVIEWER, city_bureau_role
from datacalls.models import Audience, CallStatus, DataCall, DataCallField


@pytest.fixture(autouse=True)
def _reference_data(db):
    from taxonomy.loading import ensure_reference_data

    ensure_reference_data()


@pytest.fixture
def people(make_user, make_org):
    cs = make_org("长沙报送测试机械有限公司", city="changsha")
    cs2 = make_org("长沙第二测试科技有限公司", city="changsha")
    sy = make_org("邵阳报送测试制造有限公司", city="shaoyang")
    return {
        "cs_org": cs, "cs2_org": cs2, "sy_org": sy,
        "owner": make_user("cs_owner", org=cs),
        "cs2": make_user("cs2_owner", org=cs2),
        "other": make_user("sy_owner", org=sy),
        "city": make_user("cs_bureau", role=city_bureau_role("changsha")),
        "other_city": make_user("sy_bureau", role=city_bureau_role("shaoyang")),
        "admin": make_user("dept_adm", role=DEPT_ADMIN),
        "dept": make_user("dept_rev", role=DEPT_REVIEWER),
        "outsider": make_user("someone"),
    }


@pytest.fixture
def make_call(people):
    def make(*, fields=None, status=CallStatus.PUBLISHED, created_by=None, **kw):
        now = timezone.now()
        values = {"title": "2026 年度经营情况调查", "audience": Audience.ALL, "opens_at": now - timedelta(days=1),
                  "closes_at": now + timedelta(days=10), "status": status, "created_by": created_by or people["admin"]}
        values.update(kw)
        call = DataCall.objects.create(**values)
        specs = fields if fields is not None else [
            ("营业收入（万美元）", "number", True, ""), ("经营状况", "radio", True, "盈利\n持平\n亏损"),
            ("主要困难", "checkboxes", False, "融资难\n汇率波动\n安全风险"), ("报告日期", "date", False, ""),
        ]
        for i, (label, kind, required, choices) in enumerate(specs):
            DataCallField.objects.create(call=call, label=label, field_type=kind, required=required, choices=choices, sort_order=i,
                                         file_extensions="pdf", max_file_mb=1)
        return call

    return make


def names(call):
    return {f.label: f.clean_name for f in call.form_fields.all()}
