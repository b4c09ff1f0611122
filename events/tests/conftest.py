from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.models import InstitutionType, OrgKind
from accounts.roles import OPERATOR, OPERATOR_REVIEWER
from events.models import Event, Kind, Status
from notifications.testing import RecordingSMSBackend


@pytest.fixture(autouse=True)
def recording_sms(settings):
    settings.SMS_BACKEND = "notifications.testing.RecordingSMSBackend"
    RecordingSMSBackend.reset()
    yield


@pytest.fixture
def make_event(db):
    def make(title="中非经贸对接会", *, start_in=timedelta(days=7), hours=4, status=Status.PUBLISHED, **fields):
        start = timezone.now() + start_in
        fields.setdefault("kind", Kind.MATCHMAKING)
        fields.setdefault("organizer_name", "湖南省商务厅")
        fields.setdefault("venue", "长沙国际会议中心")
        fields.setdefault("city", "changsha")
        return Event.objects.create(
            title=title, summary="面向走出去企业的专题活动", status=status, starts_at=start, ends_at=start + timedelta(hours=hours),
            published_at=timezone.now() if status in (Status.PUBLISHED, Status.CANCELLED) else None, **fields,
        )

    return make


@pytest.fixture
def people(make_user, make_org):
    acme = make_org("湖南示范机械有限公司")
    beta = make_org("邵阳示范制造有限公司", city="shaoyang")
    inst = make_org("示范律师事务所", kind=OrgKind.INSTITUTION, institution_type=InstitutionType.LAW_FIRM)
    other_inst = make_org("示范会计师事务所", kind=OrgKind.INSTITUTION, institution_type=InstitutionType.ACCOUNTING_FIRM)
    return {
        "acme": make_user("acme", org=acme, mobile="13800000001", first_name="张三"),
        "acme2": make_user("acme2", org=acme, mobile="13800000002"),
        "beta": make_user("beta", org=beta, mobile="13800000003"),
        "person": make_user("person", mobile="13800000004"),
        "inst": make_user("inst", org=inst, user_type="institution"),
        "other_inst": make_user("other_inst", org=other_inst, user_type="institution"),
        "operator": make_user("operator", role=OPERATOR),
        "reviewer": make_user("reviewer", role=OPERATOR_REVIEWER),
    }


def attendees(*names):
    return [{"name": n, "mobile": f"139{i:08d}"} for i, n in enumerate(names, start=1)]
