"""A small world for the workbench tests: two enterprises in two cities, an institution, the
demo staff roles, and helpers creating real records in each capability app."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from accounts.models import InstitutionType, OrgKind
from accounts.roles import BANK_ADVISER, DEPT_ADMIN, DEPT_REVIEWER, OPERATOR, OPERATOR_REVIEWER, city_bureau_role


@pytest.fixture(autouse=True)
def _reference_data(db):
    from taxonomy.loading import ensure_reference_data

    ensure_reference_data()


@pytest.fixture
def world(make_user, make_org):
    """Named actors, one per demo role (see accounts/demo.py)."""
    cs = make_org("长沙工作台测试机械有限公司", city="changsha")
    sy = make_org("邵阳工作台测试制造有限公司", city="shaoyang")
    inst = make_org("工作台测试律师事务所", kind=OrgKind.INSTITUTION, institution_type=InstitutionType.LAW_FIRM)
    return {
        "cs_org": cs, "sy_org": sy, "inst_org": inst,
        "enterprise": make_user("wb_ent", org=cs),
        "shaoyang_ent": make_user("wb_sy_ent", org=sy),
        "institution": make_user("wb_inst", org=inst, user_type="institution"),
        "individual": make_user("wb_person"),
        "changsha_bureau": make_user("wb_cs_bureau", role=city_bureau_role("changsha")),
        "shaoyang_bureau": make_user("wb_sy_bureau", role=city_bureau_role("shaoyang")),
        "dept_admin": make_user("wb_dept_admin", role=DEPT_ADMIN),
        "dept_reviewer": make_user("wb_dept_reviewer", role=DEPT_REVIEWER),
        "operator": make_user("wb_operator", role=OPERATOR),
        "operator_reviewer": make_user("wb_operator_reviewer", role=OPERATOR_REVIEWER),
        "bank_adviser": make_user("wb_bank_adviser", role=BANK_ADVISER),
    }


@pytest.fixture
def enquiry():
    """``enquiry(asker, subject, status=…, due_in=…, group=…, **fields)``: a consultation enquiry."""
    from consultation.models import Category, Enquiry, Status

    def make(asker, subject, *, status=Status.OPEN, due_in=timedelta(days=3), group=None, **fields):
        now = timezone.now()
        group = group or Group.objects.get(name=OPERATOR.group_name)
        values = {"asker": asker, "asker_name": "张先生", "category": Category.INVESTMENT, "subject": subject, "body": "请问如何办理？",
                  "group": group, "status": status, "created_at": now - timedelta(days=1), "due_at": now + due_in}
        if status != Status.OPEN:
            values.update(answered_at=now, first_response_at=now)
        values.update(fields)
        return Enquiry.objects.create(**values)

    return make


@pytest.fixture
def listing():
    """``listing(user, title, status=…)``: a local listing posted by ``user`` for his organisation."""
    from matching.models import Listing, Status

    def make(user, title, *, status=Status.PUBLISHED, **fields):
        values = {"kind": "need_product", "title": title, "description": "采购挖掘机十台。", "valid_until": timezone.localdate() + timedelta(days=90),
                  "owner": user, "organization": user.organization, "status": status}
        if status == Status.PUBLISHED:
            values["published_at"] = timezone.now()
        if status == Status.PENDING:
            values["submitted_at"] = timezone.now()
        values.update(fields)
        return Listing.objects.create(**values)

    return make


@pytest.fixture
def intent():
    def make(sender, listing, **fields):
        from matching.models import Intent

        return Intent.objects.create(listing=listing, sender=sender, sender_org=sender.organization, message="有意合作", contact_name="李经理", **fields)

    return make


@pytest.fixture
def event():
    from events.models import Event, Kind, Status

    def make(title, *, start_in=timedelta(days=3), **fields):
        start = timezone.now() + start_in
        values = {"title": title, "summary": "专题活动", "kind": Kind.MATCHMAKING, "organizer_name": "湖南省商务厅", "status": Status.PUBLISHED,
                  "starts_at": start, "ends_at": start + timedelta(hours=4), "published_at": timezone.now(), "venue": "长沙"}
        values.update(fields)
        return Event.objects.create(**values)

    return make


@pytest.fixture
def registration():
    from events.models import Attendee, Registration

    def make(user, event, status):
        reg = Registration.objects.create(user=user, event=event, organization=user.organization, status=status)
        Attendee.objects.create(registration=reg, name="王五", mobile="13900000001")
        return reg

    return make
