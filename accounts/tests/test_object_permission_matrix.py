"""The object-level permission matrix: every protected URL that takes an object id, on a real object.

``test_permission_matrix.py`` requests each URL of ``OBJECT_URLS`` with an id that does not
exist. Here each protected one is requested on a real object — owned by the demo enterprise
``enterprise`` (长沙), by ``shaoyang_ent`` (邵阳), or by the staff who made it — as every demo
user, and the outcome must be what the app's own rules say (read from its views, selectors and
services, not recorded from the responses):

* the owner is allowed, the other enterprise refused (403 or 404, as the app does it);
* the city bureau of the owner's city is allowed where the app grants it, the other city's refused;
* provincial roles as the app defines them; the security roles refused;
* a visitor is sent to sign in (``"L"``), or gets 405 where the method check comes first.

POST-only endpoints are also requested with GET (405, or a sign-in redirect), and POSTed by every
user who must be refused, each time checking that the object did not change; where it is cheap, one
permitted user POSTs last and the object must change (so the check itself can fail).

``test_every_protected_object_url_is_checked`` fails on a protected object URL of ``OBJECT_URLS``
that is neither checked here nor listed in ``NOT_OBJECT_SCOPED`` with a reason.

Outcomes use the notation of ``test_permission_matrix.py``: a status code, ``"L"``, or ``"R:/path"``.
"""

import datetime
import logging
from dataclasses import dataclass, field
from decimal import Decimal
from io import BytesIO

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.tests.test_permission_matrix import EVERYONE, OBJECT_URLS, PROTECTED, SIGNED_IN, STAFF, matches, outcome
from uploads.tests.samples import PDF

pytestmark = pytest.mark.django_db

DEPARTMENT = ("admin", "dept_admin", "dept_reviewer")  # ``filings.selectors.is_department``: the superuser too
CHANGSHA_REVIEWERS = (*DEPARTMENT, "changsha_bureau")
SHAOYANG_REVIEWERS = (*DEPARTMENT, "shaoyang_bureau")
SECURITY = ("sysadmin", "secadmin", "auditor")
# Who manages an event of the 长沙 bureau (events.selectors.manageable_events).
EVENT_MANAGERS = ("admin", "dept_admin", "operator", "operator_reviewer", "changsha_bureau")


def row(default, *, anon="L", **users):
    """Expected outcome per user of EVERYONE: ``default`` for the signed-in users not named.

    Names outside EVERYONE are extra users of one check (``Check.extra``), e.g. an overseas zone's account.
    """
    return {"anon": anon, **{u: users.get(u, default) for u in SIGNED_IN}, **{u: v for u, v in users.items() if u not in SIGNED_IN}}


def allow(users, code=200, other=404, anon="L", **overrides):
    """``users`` get ``code``, every other signed-in user ``other``; ``overrides`` name exceptions."""
    base = dict.fromkeys(users, code)
    base.update(overrides)
    return row(other, anon=anon, **base)


SKIP = "not requested"  # in a POST row: a permitted user, not POSTed (or POSTed last, see ``Check.allowed``)


def refusals(permitted, other=404, **overrides):
    """A POST row: ``permitted`` users are not POSTed, every other signed-in user gets ``other`` unless overridden."""
    return allow(permitted, code=SKIP, other=other, **overrides)


def each(users, value):
    return dict.fromkeys(users, value)


# --- the objects -------------------------------------------------------------------------------------------------


class World:
    """The demo users and the objects of the checks, each made on first use (per test)."""

    def __init__(self):
        from accounts import demo
        from accounts.models import User

        demo.load(None)
        self.users = {u.username: u for u in User.objects.filter(username__in=SIGNED_IN)}
        self._cache = {}

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        if name not in self._cache:
            self._cache[name] = getattr(self, f"make_{name}")()
        return self._cache[name]

    def refresh(self, obj):
        return type(obj).objects.get(pk=obj.pk)

    @property
    def cs_org(self):
        return self.users["enterprise"].organization

    @property
    def sy_org(self):
        return self.users["shaoyang_ent"].organization

    def extra_user(self, username, **fields):
        """A user outside the demo set (e.g. a second member of the 长沙 enterprise)."""
        from accounts.models import User

        return User.objects.create_user(username=username, password="Xiang#2026go", **fields)

    # filings (项目备案) ---------------------------------------------------------------------------

    def filing(self, state, org=None, **fields):
        from filings.tests.factories import create_filing

        return create_filing(org or self.cs_org, state=state, **{"created_by": self.users["enterprise"], **fields})

    def make_filing_draft(self):
        from filings.models import State

        return self.filing(State.DRAFT)

    def make_filing_draft_named(self):
        from filings.models import State

        return self.filing(State.DRAFT, project_name="草稿：老挝钾盐矿二期")

    def make_filing_submitted(self):
        from filings.models import State

        return self.filing(State.SUBMITTED, submitted_at=timezone.now())

    def make_filing_returned(self):
        from filings.models import State

        return self.filing(State.RETURNED, submitted_at=timezone.now())

    def make_filing_filed(self):
        from filings.models import State

        return self.filing(State.FILED, submitted_at=timezone.now(), filed_at=timezone.now(), number="湘境投备2026N00001")

    def make_filing_shaoyang(self):
        """A returned filing of the 邵阳 enterprise: the mirror image of the 长沙 ones."""
        from filings.models import State

        return self.filing(State.RETURNED, org=self.sy_org, created_by=self.users["shaoyang_ent"], submitted_at=timezone.now())

    def make_filing_attachment(self):
        from filings.models import FilingAttachment

        filing = self.filing_returned
        return FilingAttachment.objects.create(
            filing=filing,
            label="可行性研究报告",
            file=ContentFile(PDF, name="study.pdf"),
            original_name="study.pdf",
            size=len(PDF),
            uploaded_by=self.users["enterprise"],
        )

    def make_filing_report(self):
        from filings.models import FilingReport, ReportKind

        return FilingReport.objects.create(
            filing=self.filing_filed, kind=ReportKind.PROGRESS, period="2026年上半年", summary="项目按计划推进", submitted_by=self.users["enterprise"]
        )

    # data calls (数据报送) -------------------------------------------------------------------------

    def call(self, *, owner_city, created_by, status):
        from datacalls.models import Audience, DataCall, DataCallField

        now = timezone.now()
        call = DataCall.objects.create(
            title="2026 年度经营情况调查",
            audience=Audience.ALL,
            owner_city=owner_city,
            opens_at=now - datetime.timedelta(days=1),
            closes_at=now + datetime.timedelta(days=10),
            status=status,
            created_by=self.users[created_by],
        )
        DataCallField.objects.create(call=call, label="营业收入（万美元）", field_type="number", required=True, sort_order=0)
        DataCallField.objects.create(call=call, label="审计报告", field_type="file", required=False, sort_order=1, file_extensions="pdf", max_file_mb=1)
        return call

    def make_call_changsha(self):
        """A published call of the 长沙 bureau: it targets 长沙's enterprises only."""
        from datacalls.models import CallStatus

        return self.call(owner_city="changsha", created_by="changsha_bureau", status=CallStatus.PUBLISHED)

    def make_call_changsha_draft(self):
        from datacalls.models import CallStatus

        return self.call(owner_city="changsha", created_by="changsha_bureau", status=CallStatus.DRAFT)

    def make_call_department(self):
        """A published province-wide call of the department: it targets every certified enterprise."""
        from datacalls.models import CallStatus

        return self.call(owner_city="", created_by="dept_admin", status=CallStatus.PUBLISHED)

    def make_submission(self):
        """The 长沙 enterprise's submitted answer to the 长沙 call, with a file."""
        return self.answer(self.call_changsha, "enterprise")

    def make_submission_shaoyang(self):
        """The 邵阳 enterprise's submitted answer to the department's province-wide call, with a file."""
        return self.answer(self.call_department, "shaoyang_ent")

    def answer(self, call, username):
        from datacalls.models import Submission, SubmissionFile, SubmissionStatus

        user = self.users[username]
        sub = Submission.objects.create(
            call=call, organization=user.organization, status=SubmissionStatus.SUBMITTED, submitted_at=timezone.now(), submitted_by=user
        )
        stored = SubmissionFile.objects.create(
            submission=sub,
            field_name=call.form_fields.get(field_type="file").clean_name,
            file=ContentFile(PDF, name="audit.pdf"),
            original_name="audit.pdf",
            size=len(PDF),
        )
        sub.data = {
            call.form_fields.get(field_type="number").clean_name: "1200",
            stored.field_name: {"name": "audit.pdf", "file_id": stored.pk, "size": len(PDF)},
        }
        sub.save()
        return sub

    # labour dispatch (外派劳务备案) -----------------------------------------------------------------

    def dispatch(self, state, org=None):
        from labour.models import Qualification, Worker
        from labour.tests.factories import create_dispatch

        org = org or self.cs_org
        Qualification.objects.get_or_create(
            organization=org, defaults={"certificate_no": "LW430001", "valid_until": datetime.date.today() + datetime.timedelta(days=365)}
        )
        filing = create_dispatch(org, state=state, submitted_at=timezone.now())
        Worker.objects.create(
            filing=filing, name="李四", gender="男", id_number="430102199001010011", birth_date=datetime.date(1990, 1, 1), passport_no="E10000001", job="焊工"
        )
        return filing

    def make_dispatch_returned(self):
        from labour.models import State

        return self.dispatch(State.RETURNED)

    def make_dispatch_draft(self):
        from labour.models import State

        filing = self.dispatch(State.DRAFT)
        filing.project_name = "草稿：迪拜酒店厨师外派"
        filing.save()
        return filing

    def make_dispatch_shaoyang(self):
        from labour.models import State

        return self.dispatch(State.SUBMITTED, org=self.sy_org)

    def make_dispatch_submitted(self):
        from labour.models import State

        return self.dispatch(State.SUBMITTED)

    def make_worker_import(self):
        from labour.models import WorkerImport

        return WorkerImport.objects.create(
            filing=self.dispatch_returned, uploaded_by=self.users["enterprise"], file_name="workers.xlsx", valid_rows=[], errors=[]
        )

    # overseas zones (境外经贸合作区年度考核) -------------------------------------------------------------

    def make_zone_user(self):
        """The account of an overseas zone (an institution of type 境外经贸合作区; none among the demo users)."""
        from accounts.models import CertificationStatus, InstitutionType, Organization, OrgKind, OrgRole, UserType

        zone = Organization.objects.create(
            name="中国—东盟示范产业园",
            kind=OrgKind.INSTITUTION,
            institution_type=InstitutionType.OVERSEAS_ZONE,
            credit_code="91430100MA4ZONE01X",
            jurisdiction="changsha",
            status=CertificationStatus.CERTIFIED,
        )
        return self.extra_user("zone", user_type=UserType.INSTITUTION, organization=zone, org_role=OrgRole.ADMIN)

    def zone_report(self, state, year):
        from zones.models import ZoneReport

        return ZoneReport.objects.create(
            zone=self.zone_user.organization,
            year=year,
            enterprises=40,
            chinese_enterprises=30,
            summary="年度总结",
            state=state,
            submitted_at=timezone.now() if state != "draft" else None,
        )

    def make_zone_draft(self):
        return self.zone_report("draft", 2026)

    def make_zone_submitted(self):
        return self.zone_report("submitted", 2025)

    # accounts: members, invitations, certification ------------------------------------------------------------

    def member(self, username, role):
        from accounts.models import UserType

        return self.extra_user(username, user_type=UserType.ENTERPRISE, organization=self.cs_org, org_role=role)

    def make_colleague(self):
        """A plain member (not the admin) of the 长沙 enterprise."""
        from accounts.models import OrgRole

        return self.member("colleague", OrgRole.MEMBER)

    def make_staffer(self):
        """Another plain member of the 长沙 enterprise: the one acted upon."""
        from accounts.models import OrgRole

        return self.member("staffer", OrgRole.MEMBER)

    def make_invitation(self):
        from accounts.models import Invitation

        return Invitation.objects.create(
            organization=self.cs_org,
            mobile="13900001111",
            token="matrix-invitation-token",
            invited_by=self.users["enterprise"],
            expires_at=timezone.now() + datetime.timedelta(days=7),
        )

    def make_certification(self):
        """A pending certification request of the 长沙 enterprise (e.g. after a change of its licence)."""
        from accounts.models import CertificationRequest, RequestStatus

        org = self.cs_org
        return CertificationRequest.objects.create(
            organization=org,
            applicant=self.users["enterprise"],
            kind=org.kind,
            name=org.name,
            credit_code=org.credit_code,
            jurisdiction=org.jurisdiction,
            ownership=org.ownership,
            licence=ContentFile(PDF, name="licence.pdf"),
            licence_name="licence.pdf",
            status=RequestStatus.PENDING,
            submitted_at=timezone.now(),
        )

    # notifications -------------------------------------------------------------------------------------------

    def make_message(self):
        from notifications.models import Message

        return Message.objects.create(recipient=self.users["enterprise"], kind="filing.returned", title="备案已退回", body="请修改后重新提交")

    def make_push(self):
        """A scheduled push of the 长沙 bureau."""
        from notifications.models import Push

        return Push.objects.create(
            title="政策宣讲会通知",
            body="欢迎参加",
            channels=["site"],
            audience={"cities": ["changsha"]},
            status=Push.Status.SCHEDULED,
            send_at=timezone.now() + datetime.timedelta(days=3),
            created_by=self.users["changsha_bureau"],
        )

    # consultation ----------------------------------------------------------------------------------------------

    def make_enquiry_changsha(self):
        """The 长沙 enterprise asks about investment in its city: routed to the 长沙 bureau."""
        from consultation import services

        return services.ask(
            asker=self.users["enterprise"],
            asker_name="示范企业管理员",
            category="investment",
            subject="境外投资备案材料",
            body="请问需要准备哪些材料？",
            city="changsha",
        )

    def make_enquiry_shaoyang(self):
        """The 邵阳 enterprise asks about labour cooperation in its city: routed to the 邵阳 bureau."""
        from consultation import services

        return services.ask(
            asker=self.users["shaoyang_ent"], asker_name="邵阳企业管理员", category="labour", subject="外派劳务资格", body="如何办理？", city="shaoyang"
        )

    def make_enquiry_attachment(self):
        """A PDF the 长沙 enterprise attached to an investment question about its city (routed to the 长沙 bureau)."""
        from consultation import services

        enquiry = services.ask(
            asker=self.users["enterprise"], asker_name="示范企业管理员", category="investment", subject="协议审查", body="请看附件。", city="changsha",
            files=[SimpleUploadedFile("协议.pdf", PDF, content_type="application/pdf")],
        )
        return enquiry.attachments.get()

    def make_enquiry_finance(self):
        """A finance question (no city): routed to the bank's advisers."""
        from consultation import services

        return services.ask(asker=self.users["shaoyang_ent"], asker_name="邵阳企业管理员", category="finance", subject="跨境融资", body="如何申请内保外贷？")

    # overseas institutions -------------------------------------------------------------------------------------

    def make_overseas_institution(self):
        from overseas.models import Kind, OverseasInstitution

        return OverseasInstitution.objects.create(
            owner=self.cs_org,
            kind=Kind.values[0],
            name="示范机械越南办事处",
            country_id="VN",
            city_name="胡志明市",
            latitude=Decimal("10.8"),
            longitude=Decimal("106.6"),
            description="售后服务与备件",
        )

    def make_overseas_change(self):
        from overseas.models import EDITABLE_FIELDS, InstitutionChange
        from overseas.services import serialise

        inst = self.overseas_institution
        data = {**serialise({f: getattr(inst, f) for f in EDITABLE_FIELDS}), "description": "售后服务、备件与培训中心"}
        return InstitutionChange.objects.create(institution=inst, organization=self.cs_org, data=data, submitted_by=self.users["enterprise"])

    # matchmaking -----------------------------------------------------------------------------------------------

    def listing(self, status, **fields):
        from matching.models import Listing, ListingAttachment

        listing = Listing.objects.create(
            kind="need_product",
            title="采购工程机械配件",
            description="长期采购液压件",
            valid_until=timezone.localdate() + datetime.timedelta(days=60),
            owner=self.users["enterprise"],
            organization=self.cs_org,
            status=status,
            contact_name="张三",
            contact_phone="0731-88880000",
            published_at=timezone.now() if status == "published" else None,
            **fields,
        )
        ListingAttachment.objects.create(listing=listing, file=ContentFile(PDF, name="spec.pdf"), name="spec.pdf", size=len(PDF))
        return listing

    def make_listing_draft(self):
        return self.listing("draft")

    def make_listing_published(self):
        return self.listing("published")

    def make_listing_pending(self):
        return self.listing("pending", submitted_at=timezone.now())

    def make_intent(self):
        """The 邵阳 enterprise's intent about the 长沙 enterprise's published listing."""
        from matching.models import Intent

        return Intent.objects.create(
            listing=self.listing_published,
            sender=self.users["shaoyang_ent"],
            sender_org=self.sy_org,
            message="我司可供货",
            contact_name="李四",
            contact_phone="0739-5550000",
        )

    # rating (年度评价) ------------------------------------------------------------------------------------------

    def make_rating_cycle(self):
        from rating.models import CycleStatus, RatingCycle

        return RatingCycle.objects.create(
            year=2026, title="2026 年度走出去企业评价", opens_on=datetime.date(2026, 1, 1), closes_on=datetime.date(2026, 12, 31), status=CycleStatus.OPEN
        )

    def make_rating_submitted(self):
        from rating.models import Submission, SubmissionState

        return Submission.objects.create(
            cycle=self.rating_cycle, organization=self.cs_org, state=SubmissionState.SUBMITTED, created_by=self.users["enterprise"], submitted_at=timezone.now()
        )

    # consortia (抱团出海) ----------------------------------------------------------------------------------------

    def make_consortium(self):
        """An open consortium led by the 长沙 enterprise, with one role."""
        from consortia.models import Consortium, Membership, MemberState, Role

        c = Consortium.objects.create(
            lead=self.cs_org,
            title="东南亚园区建设联合体",
            description="寻找设计与施工伙伴",
            country_id="VN",
            industry_id="C",
            created_by=self.users["enterprise"],
        )
        Role.objects.create(consortium=c, name="施工方")
        Membership.objects.create(
            consortium=c, organization=self.cs_org, is_lead=True, state=MemberState.ACCEPTED, created_by=self.users["enterprise"], decided_at=timezone.now()
        )
        return c

    def make_invited_membership(self):
        """The lead's invitation to the 邵阳 enterprise, waiting for its answer."""
        from consortia.models import Membership, MemberState

        return Membership.objects.create(consortium=self.consortium, organization=self.sy_org, state=MemberState.INVITED, created_by=self.users["enterprise"])

    # events ----------------------------------------------------------------------------------------------------

    def event(self, status, **fields):
        from events.models import Event, Kind

        start = timezone.now() + datetime.timedelta(days=7)
        return Event.objects.create(
            title="长沙·中非经贸对接会",
            summary="面向走出去企业的专题活动",
            kind=Kind.MATCHMAKING,
            status=status,
            organizer_name="长沙市商务局",
            city="changsha",
            venue="长沙国际会议中心",
            starts_at=start,
            ends_at=start + datetime.timedelta(hours=4),
            created_by=self.users["changsha_bureau"],
            published_at=timezone.now() if status == "published" else None,
            **fields,
        )

    def make_event_published(self):
        """A published event of the 长沙 bureau (no organising institution)."""
        return self.event("published")

    def make_event_in_review(self):
        return self.event("in_review")

    def registration(self, username, status):
        from events.models import Attendee, Registration

        user = self.users[username]
        reg = Registration.objects.create(event=self.event_published, user=user, organization=user.organization, status=status)
        Attendee.objects.create(registration=reg, name=user.first_name, mobile="13800000001" if username == "enterprise" else "13800000002")
        return reg

    def make_registration_confirmed(self):
        return self.registration("enterprise", "confirmed")

    def make_registration_pending(self):
        return self.registration("shaoyang_ent", "pending")


# --- the checks --------------------------------------------------------------------------------------------------


@dataclass
class Check:
    """One object URL on one real object.

    ``get``: expected GET outcome per user (EVERYONE, plus ``extra`` users). ``post``: expected POST
    outcome per user who must be refused — the object's ``state`` must not change. ``allowed``:
    ``(user, outcome)`` POSTed after all refusals; ``state`` must then change.
    """

    name: str
    variant: str
    kwargs: object  # World -> dict of URL arguments
    get: dict | None = None
    post: dict | None = None
    data: object = None  # World -> POST data (a fresh dict per request: uploaded files are consumed)
    state: object = None  # World -> a comparable snapshot of the object
    allowed: tuple | None = None
    extra: dict = field(default_factory=dict)  # username -> World attribute holding that user

    @property
    def id(self):
        return f"{self.name}:{self.variant}"


# A 长沙 data call's publisher (datacalls can_edit_call): edits, publishes, closes and extends it.
CALL_PUBLISHERS = ("admin", "dept_admin", "changsha_bureau")
NOT_CALL_PUBLISHERS = {"other": 403, "dept_reviewer": 403, "shaoyang_bureau": 404}  # the 邵阳 bureau does not see it
NOT_POST = row(405)  # GET on a POST-only view behind login_required: the visitor signs in first
CS = {"enterprise"}

CHECKS = [
    # filings ------------------------------------------------------------------------------------------------------
    # Visible: the owner (all states); the department and the filing city's bureau (not drafts) — filings_visible_to.
    Check("filings:detail", "submitted", lambda w: {"pk": w.filing_submitted.pk}, get=allow([*CHANGSHA_REVIEWERS, "enterprise"])),
    Check("filings:detail", "draft", lambda w: {"pk": w.filing_draft.pk}, get=allow(["enterprise"])),
    # The mirror image: a 邵阳 filing is the 邵阳 bureau's, not the 长沙 bureau's.
    Check("filings:detail", "shaoyang_returned", lambda w: {"pk": w.filing_shaoyang.pk}, get=allow([*SHAOYANG_REVIEWERS, "shaoyang_ent"])),
    Check(
        "filings:edit",
        "shaoyang_returned",
        lambda w: {"pk": w.filing_shaoyang.pk},
        get=allow(["shaoyang_ent"], **each(SHAOYANG_REVIEWERS, 403)),
        post=refusals(["shaoyang_ent"], **each(SHAOYANG_REVIEWERS, 403)),
        data=lambda w: {"project_name": "被他人改名", "amount": "1", "currency": "USD"},
        state=lambda w: w.refresh(w.filing_shaoyang).project_name,
    ),
    # edit: visible reviewers are not the enterprise (403), everyone else does not see it (404).
    Check(
        "filings:edit",
        "returned",
        lambda w: {"pk": w.filing_returned.pk},
        get=allow(["enterprise"], **each(CHANGSHA_REVIEWERS, 403)),
        post=refusals(["enterprise"], **each(CHANGSHA_REVIEWERS, 403)),
        data=lambda w: {"project_name": "被他人改名", "amount": "1", "currency": "USD"},
        state=lambda w: w.refresh(w.filing_returned).project_name,
    ),
    Check(
        "filings:transition",
        "start_review",
        lambda w: {"pk": w.filing_submitted.pk, "name": "start_review"},
        get=NOT_POST,
        # Only the city bureau of the filing takes it into review (Actor.CITY); the owner and the department are refused by the service.
        post=refusals(["changsha_bureau"], **each(["enterprise", *DEPARTMENT], 403)),
        state=lambda w: w.refresh(w.filing_submitted).state,
        allowed=("changsha_bureau", "R:/filings/"),
    ),
    Check(
        "filings:transition",
        "submit",
        lambda w: {"pk": w.filing_returned.pk, "name": "submit"},
        get=NOT_POST,
        post=refusals(["enterprise"], **each(CHANGSHA_REVIEWERS, 403)),
        state=lambda w: w.refresh(w.filing_returned).state,
    ),
    Check(
        "filings:attachment_add",
        "returned",
        lambda w: {"pk": w.filing_returned.pk},
        get=NOT_POST,
        post=refusals(["enterprise"], **each(CHANGSHA_REVIEWERS, 403)),
        data=lambda w: {"label": "补充材料", "file": SimpleUploadedFile("extra.pdf", PDF, content_type="application/pdf")},
        state=lambda w: w.filing_returned.attachments.count(),
        allowed=("enterprise", "R:/filings/"),
    ),
    Check(
        "filings:attachment_download",
        "returned",
        lambda w: {"pk": w.filing_attachment.filing_id, "attachment_id": w.filing_attachment.pk},
        get=allow([*CHANGSHA_REVIEWERS, "enterprise"]),
    ),
    Check(
        "filings:attachment_delete",
        "returned",
        lambda w: {"pk": w.filing_attachment.filing_id, "attachment_id": w.filing_attachment.pk},
        get=NOT_POST,
        post=refusals(["enterprise"], **each(CHANGSHA_REVIEWERS, 403)),
        state=lambda w: w.filing_returned.attachments.count(),
        allowed=("enterprise", "R:/filings/"),
    ),
    Check(
        "filings:report_new",
        "filed",
        lambda w: {"pk": w.filing_filed.pk, "kind": "progress"},
        get=allow(["enterprise"], **each(CHANGSHA_REVIEWERS, 403)),
        post=refusals(["enterprise"], **each(CHANGSHA_REVIEWERS, 403)),
        data=lambda w: {"period": "2026年下半年", "summary": "他人代报"},
        state=lambda w: w.filing_filed.reports.count(),
    ),
    Check(
        "filings:report_review",
        "filed",
        lambda w: {"pk": w.filing_report.filing_id, "report_id": w.filing_report.pk},
        get=NOT_POST,
        # Only the department confirms reports (Actor.PROVINCE); the owner and the city bureau see the filing but are refused.
        post=refusals(DEPARTMENT, **each(["enterprise", "changsha_bureau"], 403)),
        data=lambda w: {"decision": "accept"},
        state=lambda w: w.refresh(w.filing_report).state,
        allowed=("dept_reviewer", "R:/filings/"),
    ),
    # data calls ---------------------------------------------------------------------------------------------------
    # fill: enterprises the call targets (a city's call targets that city's enterprises only); nobody else.
    Check("datacalls:fill", "changsha_call", lambda w: {"pk": w.call_changsha.pk}, get=allow(["enterprise"])),
    Check("datacalls:fill", "department_call", lambda w: {"pk": w.call_department.pk}, get=allow(["enterprise", "shaoyang_ent"])),
    Check(
        "datacalls:fill",
        "post_by_non_target",
        lambda w: {"pk": w.call_changsha.pk},
        post=refusals(["enterprise"]),
        data=lambda w: {"submit": "1", w.call_changsha.form_fields.get(field_type="number").clean_name: "5"},
        state=lambda w: sorted(w.call_changsha.submissions.values_list("organization_id", "status")),
        allowed=("enterprise", "R:/datacalls/"),
    ),
    # file: the submitting enterprise, the department, the bureau of the call's city (for its own organisations).
    Check("datacalls:file", "changsha_submission", lambda w: {"pk": w.submission.files.get().pk}, get=allow([*CHANGSHA_REVIEWERS, "enterprise"])),
    # Staff pages: non-staff 403 (_staff_or_403); the 邵阳 bureau does not see the 长沙 bureau's call (404).
    Check("datacalls:results", "changsha_call", lambda w: {"pk": w.call_changsha.pk}, get=allow(CHANGSHA_REVIEWERS, other=403, shaoyang_bureau=404)),
    Check("datacalls:results", "department_call", lambda w: {"pk": w.call_department.pk}, get=allow([*CHANGSHA_REVIEWERS, "shaoyang_bureau"], other=403)),
    Check("datacalls:export", "changsha_call", lambda w: {"pk": w.call_changsha.pk}, get=allow(CHANGSHA_REVIEWERS, other=403, shaoyang_bureau=404)),
    # edit: only the publisher — the bureau of the call's city, the department admin, the superuser (can_edit_call).
    Check(
        "datacalls:edit",
        "changsha_draft",
        lambda w: {"pk": w.call_changsha_draft.pk},
        get=allow(CALL_PUBLISHERS, **NOT_CALL_PUBLISHERS),
        post=refusals(CALL_PUBLISHERS, **NOT_CALL_PUBLISHERS),
        data=lambda w: {"title": "被改掉的标题"},
        state=lambda w: w.refresh(w.call_changsha_draft).title,
    ),
    Check(
        "datacalls:publish",
        "changsha_draft",
        lambda w: {"pk": w.call_changsha_draft.pk},
        get=NOT_POST,
        post=refusals(CALL_PUBLISHERS, **NOT_CALL_PUBLISHERS),
        state=lambda w: w.refresh(w.call_changsha_draft).status,
        allowed=("changsha_bureau", "R:/datacalls/manage/"),
    ),
    Check(
        "datacalls:close",
        "changsha_call",
        lambda w: {"pk": w.call_changsha.pk},
        get=NOT_POST,
        post=refusals(CALL_PUBLISHERS, **NOT_CALL_PUBLISHERS),
        state=lambda w: w.refresh(w.call_changsha).status,
        allowed=("changsha_bureau", "R:/datacalls/manage/"),
    ),
    Check(
        "datacalls:extend",
        "changsha_call",
        lambda w: {"pk": w.call_changsha.pk},
        get=NOT_POST,
        post=refusals(CALL_PUBLISHERS, **NOT_CALL_PUBLISHERS),
        data=lambda w: {"closes_at": timezone.localtime(w.call_changsha.closes_at + datetime.timedelta(days=30)).strftime("%Y-%m-%dT%H:%M")},
        state=lambda w: w.refresh(w.call_changsha).closes_at,
        allowed=("dept_admin", "R:/datacalls/manage/"),
    ),
    # remind: every staff viewer who sees the call may remind (within its own organisations); others refused.
    Check(
        "datacalls:remind",
        "changsha_call",
        lambda w: {"pk": w.call_changsha.pk},
        get=NOT_POST,
        post=refusals(CHANGSHA_REVIEWERS, other=403, shaoyang_bureau=404),
        state=lambda w: w.users["enterprise"].messages.count(),
        allowed=("changsha_bureau", "R:/datacalls/manage/"),
    ),
    # submission: staff only (the enterprise reads its answer on the fill page), within scope.
    Check("datacalls:submission", "changsha_submission", lambda w: {"pk": w.submission.pk}, get=allow(CHANGSHA_REVIEWERS, other=403, shaoyang_bureau=404)),
    # On the department's call a city bureau sees its own city's organisations only (org_scope): 长沙 does not see 邵阳's answer.
    Check(
        "datacalls:submission",
        "shaoyang_on_department_call",
        lambda w: {"pk": w.submission_shaoyang.pk},
        get=allow(SHAOYANG_REVIEWERS, other=403, changsha_bureau=404),
    ),
    Check(
        "datacalls:file",
        "shaoyang_on_department_call",
        lambda w: {"pk": w.submission_shaoyang.files.get().pk},
        get=allow([*SHAOYANG_REVIEWERS, "shaoyang_ent"]),
    ),
    Check(
        "datacalls:lock",
        "shaoyang_on_department_call",
        lambda w: {"pk": w.submission_shaoyang.pk},
        get=NOT_POST,
        # Only the publisher (the department admin, the superuser) locks; the 邵阳 bureau sees the answer but did not publish the call.
        post=refusals(["admin", "dept_admin"], shaoyang_ent=403, dept_reviewer=403, shaoyang_bureau=403),
        data=lambda w: {"locked": "1"},
        state=lambda w: w.refresh(w.submission_shaoyang).locked,
        allowed=("dept_admin", "R:/datacalls/manage/submissions/"),
    ),
    Check("datacalls:fill", "changsha_draft_call", lambda w: {"pk": w.call_changsha_draft.pk}, get=allow([])),
    Check(
        "datacalls:lock",
        "changsha_submission",
        lambda w: {"pk": w.submission.pk},
        get=NOT_POST,
        # The owner and the department reviewer see the submission but only the publisher locks (set_locked).
        post=refusals(["admin", "dept_admin", "changsha_bureau"], enterprise=403, dept_reviewer=403),
        data=lambda w: {"locked": "1"},
        state=lambda w: w.refresh(w.submission).locked,
        allowed=("changsha_bureau", "R:/datacalls/manage/submissions/"),
    ),
    # labour dispatch ----------------------------------------------------------------------------------------------
    Check("labour:detail", "returned", lambda w: {"pk": w.dispatch_returned.pk}, get=allow([*CHANGSHA_REVIEWERS, "enterprise"])),
    Check("labour:detail", "shaoyang_submitted", lambda w: {"pk": w.dispatch_shaoyang.pk}, get=allow([*SHAOYANG_REVIEWERS, "shaoyang_ent"])),
    Check(
        "labour:review",
        "shaoyang_submitted",
        lambda w: {"pk": w.dispatch_shaoyang.pk},
        post=refusals(SHAOYANG_REVIEWERS, shaoyang_ent=403),
        data=lambda w: {"decision": "approve", "confirm": "on"},
        state=lambda w: w.refresh(w.dispatch_shaoyang).state,
        allowed=("shaoyang_bureau", "R:/labour/"),
    ),
    Check(
        "labour:edit",
        "returned",
        lambda w: {"pk": w.dispatch_returned.pk},
        get=allow(["enterprise"], **each(CHANGSHA_REVIEWERS, 403)),
        post=refusals(["enterprise"], **each(CHANGSHA_REVIEWERS, 403)),
        data=lambda w: {"employer": "他人改的雇主"},
        state=lambda w: w.refresh(w.dispatch_returned).employer,
    ),
    Check("labour:export_workers", "returned", lambda w: {"pk": w.dispatch_returned.pk}, get=allow([*CHANGSHA_REVIEWERS, "enterprise"])),
    Check(
        "labour:upload",
        "returned",
        lambda w: {"pk": w.dispatch_returned.pk},
        get=NOT_POST,
        post=refusals(["enterprise"], **each(CHANGSHA_REVIEWERS, 403)),
        data=lambda w: {"file": workers_xlsx()},
        state=lambda w: (w.dispatch_returned.imports.count(), w.dispatch_returned.workers.count()),
        allowed=("enterprise", "R:/labour/"),
    ),
    Check(
        "labour:apply_import",
        "returned",
        lambda w: {"pk": w.worker_import.filing_id, "import_id": w.worker_import.pk},
        get=NOT_POST,
        post=refusals(["enterprise"], **each(CHANGSHA_REVIEWERS, 403)),
        state=lambda w: w.refresh(w.worker_import).applied_at,
        allowed=("enterprise", "R:/labour/"),
    ),
    Check(
        "labour:remove_worker",
        "returned",
        lambda w: {"pk": w.dispatch_returned.pk, "worker_id": w.dispatch_returned.workers.get().pk},
        get=NOT_POST,
        post=refusals(["enterprise"], **each(CHANGSHA_REVIEWERS, 403)),
        state=lambda w: w.dispatch_returned.workers.count(),
        allowed=("enterprise", "R:/labour/"),
    ),
    Check(
        "labour:submit",
        "returned",
        lambda w: {"pk": w.dispatch_returned.pk},
        get=NOT_POST,
        post=refusals(["enterprise"], **each(CHANGSHA_REVIEWERS, 403)),
        state=lambda w: w.refresh(w.dispatch_returned).state,
        allowed=("enterprise", "R:/labour/"),
    ),
    Check(
        "labour:review",
        "submitted",
        lambda w: {"pk": w.dispatch_submitted.pk},
        get=NOT_POST,
        # Reviewers: the department and the filing city's bureau (can_review); the owner sees it but may not decide.
        post=refusals(CHANGSHA_REVIEWERS, enterprise=403),
        data=lambda w: {"decision": "approve", "confirm": "on"},
        state=lambda w: w.refresh(w.dispatch_submitted).state,
        allowed=("changsha_bureau", "R:/labour/"),
    ),
    # overseas zones -------------------------------------------------------------------------------------------------
    # Reports are the zone's own and the department's (reports_visible_to); nobody else sees them.
    Check("zones:detail", "submitted", lambda w: {"pk": w.zone_submitted.pk}, get=allow([*DEPARTMENT, "zone"]), extra={"zone": "zone_user"}),
    Check(
        "zones:edit",
        "draft",
        lambda w: {"pk": w.zone_draft.pk},
        get=allow(["zone"], **each(DEPARTMENT, 403)),
        post=refusals(["zone"], **each(DEPARTMENT, 403)),
        data=lambda w: {"summary": "他人改写"},
        state=lambda w: w.refresh(w.zone_draft).summary,
        extra={"zone": "zone_user"},
    ),
    Check(
        "zones:submit",
        "draft",
        lambda w: {"pk": w.zone_draft.pk},
        get=NOT_POST,
        post=refusals(["zone"], **each(DEPARTMENT, 403)),
        state=lambda w: w.refresh(w.zone_draft).state,
        allowed=("zone", "R:/zones/"),
        extra={"zone": "zone_user"},
    ),
    Check(
        "zones:score",
        "submitted",
        lambda w: {"pk": w.zone_submitted.pk},
        get=NOT_POST,
        post=refusals(DEPARTMENT, zone=403),
        state=lambda w: (w.refresh(w.zone_submitted).state, w.zone_submitted.scores.count()),
        extra={"zone": "zone_user"},
    ),
    Check(
        "zones:return",
        "submitted",
        lambda w: {"pk": w.zone_submitted.pk},
        get=NOT_POST,
        post=refusals(DEPARTMENT, zone=403),
        data=lambda w: {"comment": "请补充材料"},
        state=lambda w: w.refresh(w.zone_submitted).state,
        allowed=("dept_reviewer", "R:/zones/"),
        extra={"zone": "zone_user"},
    ),
    Check(
        "zones:publish",
        "unscored_year",
        lambda w: {"year": w.zone_submitted.year},
        get=NOT_POST,
        # Only the department publishes (publish_year); here a report is still unscored, so it publishes nothing either.
        post=refusals(DEPARTMENT, other=403),
        state=lambda w: w.refresh(w.zone_submitted).state,
    ),
    # accounts -------------------------------------------------------------------------------------------------------
    # member_action / revoke_invitation: require_POST comes before login_required (GET is 405 even for visitors);
    # the member must belong to the user's own organisation (404 otherwise), and only its admin may act (403).
    Check(
        "accounts:member_action",
        "remove",
        lambda w: {"pk": w.staffer.pk, "action": "remove"},
        get=row(405, anon=405, colleague=405),
        post=refusals(["enterprise"], **each(STAFF, 403), individual=403, colleague=403),
        state=lambda w: w.refresh(w.staffer).organization_id,
        allowed=("enterprise", "R:/accounts/me/members/"),
        extra={"colleague": "colleague"},
    ),
    Check(
        "accounts:member_action",
        "make_admin",
        lambda w: {"pk": w.staffer.pk, "action": "make_admin"},
        post=refusals(["enterprise"], **each(STAFF, 403), individual=403, colleague=403),
        state=lambda w: (w.refresh(w.staffer).org_role, w.refresh(w.users["enterprise"]).org_role),
        allowed=("enterprise", "R:/accounts/me/members/"),
        extra={"colleague": "colleague"},
    ),
    Check(
        "accounts:revoke_invitation",
        "pending",
        lambda w: {"pk": w.invitation.pk},
        get=row(405, anon=405, colleague=405),
        post=refusals(["enterprise"], colleague=403),
        state=lambda w: w.refresh(w.invitation).revoked_at,
        allowed=("enterprise", "R:/accounts/me/members/"),
        extra={"colleague": "colleague"},
    ),
    # Certification requests: the platform operators see all, a city bureau its city's; the rest of staff lack the
    # review permission (403). The superuser holds the permission but is neither an operator nor a bureau (404).
    Check(
        "accounts:certification_detail",
        "pending",
        lambda w: {"pk": w.certification.pk},
        get=allow(["operator", "operator_reviewer", "changsha_bureau"], other=403, admin=404, shaoyang_bureau=404),
        post=refusals(["operator", "operator_reviewer", "changsha_bureau"], other=403, admin=404, shaoyang_bureau=404),
        data=lambda w: {"decision": "approve"},
        state=lambda w: w.refresh(w.certification).status,
        allowed=("changsha_bureau", "R:/accounts/certifications/"),
    ),
    # The licence: whoever may review the request, and the applicant organisation's admin.
    Check(
        "accounts:certification_licence",
        "pending",
        lambda w: {"pk": w.certification.pk},
        get=allow(["operator", "operator_reviewer", "changsha_bureau", "enterprise"]),  # others: 404, as for every private file
        extra={"colleague": "colleague"},
    ),
    # notifications ----------------------------------------------------------------------------------------------------
    # A message is its recipient's only; opening it marks it read, so a refused GET must leave it unread.
    Check("notifications:open", "own_message", lambda w: {"pk": w.message.pk}, get=allow(["enterprise"]), state=lambda w: w.refresh(w.message).read_at),
    # Pushes: the department admin, the operator and the superuser see all; a city bureau its own; other staff and users 403.
    Check(
        "notifications:push_detail",
        "changsha_push",
        lambda w: {"pk": w.push.pk},
        get=allow(["admin", "dept_admin", "operator", "changsha_bureau"], other=403, shaoyang_bureau=404),
    ),
    # consultation -------------------------------------------------------------------------------------------------
    Check(
        "consultation:mine_detail",
        "own_enquiry",
        lambda w: {"pk": w.enquiry_changsha.pk},
        get=allow(["enterprise"]),
        post=refusals(["enterprise"]),
        data=lambda w: {"action": "follow_up", "body": "冒名追问"},
        state=lambda w: (w.refresh(w.enquiry_changsha).status, w.enquiry_changsha.events.count()),
    ),
    # Staff side: coordinators (superuser, department admin, operator) see every enquiry; a city bureau its city's;
    # other staff the enquiries routed to their group; non-staff 403.
    Check(
        "consultation:staff_detail",
        "changsha_enquiry",
        lambda w: {"pk": w.enquiry_changsha.pk},
        get=allow(["admin", "dept_admin", "operator", "changsha_bureau"], other=404, **each(["enterprise", "shaoyang_ent", "institution", "individual"], 403)),
        post=refusals(
            ["admin", "dept_admin", "operator", "changsha_bureau"], other=404, **each(["enterprise", "shaoyang_ent", "institution", "individual"], 403)
        ),
        data=lambda w: {"action": "note", "body": "内部备注"},
        state=lambda w: w.enquiry_changsha.events.count(),
        allowed=("changsha_bureau", "R:/consultation/staff/"),
    ),
    Check(
        "consultation:staff_detail",
        "shaoyang_enquiry",
        lambda w: {"pk": w.enquiry_shaoyang.pk},
        get=allow(["admin", "dept_admin", "operator", "shaoyang_bureau"], other=404, **each(["enterprise", "shaoyang_ent", "institution", "individual"], 403)),
    ),
    Check("consultation:mine_detail", "shaoyang_enquiry", lambda w: {"pk": w.enquiry_shaoyang.pk}, get=allow(["shaoyang_ent"])),
    # An enquiry's attachment: its asker, and the staff who may handle the enquiry (as staff_detail); nobody else.
    Check(
        "consultation:mine_attachment",
        "own_enquiry",
        lambda w: {"pk": w.enquiry_attachment.enquiry_id, "attachment_id": w.enquiry_attachment.pk},
        get=allow(["enterprise"]),
    ),
    Check(
        "consultation:staff_attachment",
        "changsha_enquiry",
        lambda w: {"pk": w.enquiry_attachment.enquiry_id, "attachment_id": w.enquiry_attachment.pk},
        get=allow(["admin", "dept_admin", "operator", "changsha_bureau"], other=404, **each(["enterprise", "shaoyang_ent", "institution", "individual"], 403)),
    ),
    Check(
        "consultation:staff_detail",
        "finance_enquiry",
        lambda w: {"pk": w.enquiry_finance.pk},
        get=allow(["admin", "dept_admin", "operator", "bank_adviser"], other=404, **each(["enterprise", "shaoyang_ent", "institution", "individual"], 403)),
    ),
    # enterprise archive -------------------------------------------------------------------------------------------------
    Check("archive:detail", "changsha_org", lambda w: {"org_id": w.cs_org.pk}, get=allow([*CHANGSHA_REVIEWERS, "enterprise"], other=403)),
    Check("archive:detail", "shaoyang_org", lambda w: {"org_id": w.sy_org.pk}, get=allow([*DEPARTMENT, "shaoyang_bureau", "shaoyang_ent"], other=403)),
    # overseas institutions ------------------------------------------------------------------------------------------------
    # propose_edit: only the maintaining organisation; other certified organisations 404, users without one 403.
    Check(
        "overseas:propose_edit",
        "own_institution",
        lambda w: {"pk": w.overseas_institution.pk},
        get=allow(["enterprise"], other=403, shaoyang_ent=404, institution=404),
        post=refusals(["enterprise"], other=403, shaoyang_ent=404, institution=404),
        data=lambda w: {"name": "他人改名", "description": "他人改写"},
        state=lambda w: w.overseas_institution.changes.count(),
    ),
    # change: reviewers (department, operator reviewer) and the submitting organisation see it; only reviewers decide.
    Check(
        "overseas:change",
        "pending",
        lambda w: {"pk": w.overseas_change.pk},
        get=allow([*DEPARTMENT, "operator_reviewer", "enterprise"]),
        post=refusals([*DEPARTMENT, "operator_reviewer"], enterprise=403),
        data=lambda w: {"decision": "approve"},
        state=lambda w: w.refresh(w.overseas_change).state,
        allowed=("dept_reviewer", "R:/overseas/changes/"),
    ),
    # matchmaking ------------------------------------------------------------------------------------------------------
    # Editing and the owner's actions: manageable_listings (the poster, or its organisation's admin) — 404 for the rest.
    Check(
        "matching:edit",
        "draft",
        lambda w: {"pk": w.listing_draft.pk},
        get=allow(["enterprise"]),
        post=refusals(["enterprise"]),
        data=lambda w: {"title": "他人改的标题", "description": "x"},
        state=lambda w: w.refresh(w.listing_draft).title,
    ),
    Check(
        "matching:listing_action",
        "withdraw_published",
        lambda w: {"pk": w.listing_published.pk, "action": "withdraw"},
        get=NOT_POST,
        post=refusals(["enterprise"]),
        state=lambda w: w.refresh(w.listing_published).status,
        allowed=("enterprise", "R:/matching/listings/"),
    ),
    # Attachments of a listing in the market: certified organisations, the poster and the platform reviewers.
    Check(
        "matching:attachment",
        "published",
        lambda w: {"pk": w.listing_published.pk, "attachment_id": w.listing_published.attachments.get().pk},
        get=allow(["admin", "operator_reviewer", "enterprise", "shaoyang_ent", "institution"], other=403),
    ),
    # A draft is not in the market: only its poster (reviewers see listings once submitted).
    Check(
        "matching:attachment",
        "draft",
        lambda w: {"pk": w.listing_draft.pk, "attachment_id": w.listing_draft.attachments.get().pk},
        get=allow(["enterprise"]),
    ),
    # An intent: its two parties only. Only the listing's owner answers it (the sender may not accept its own intent).
    Check(
        "matching:intent",
        "pending",
        lambda w: {"pk": w.intent.pk},
        get=allow(["enterprise", "shaoyang_ent"]),
        post=refusals(["enterprise"], shaoyang_ent=403),
        data=lambda w: {"action": "accept", "note": ""},
        state=lambda w: w.refresh(w.intent).status,
        allowed=("enterprise", "R:/matching/intents/"),
    ),
    # Review: platform reviewers (the operator's reviewer, the superuser); everyone else 403 before the method check.
    Check(
        "matching:review_action",
        "pending",
        lambda w: {"pk": w.listing_pending.pk},
        get=allow(["admin", "operator_reviewer"], code=405, other=403),
        post=refusals(["admin", "operator_reviewer"], other=403),
        data=lambda w: {"action": "approve"},
        state=lambda w: w.refresh(w.listing_pending).status,
        allowed=("operator_reviewer", "R:/matching/review/"),
    ),
    # The peer platform's API: an API token, never a session (401 for every user, signed in or not).
    Check("matching:api_listing", "published", lambda w: {"pk": w.listing_published.pk}, get=row(401, anon=401)),
    # rating ---------------------------------------------------------------------------------------------------------------
    # Self-reports: the enterprise's own, and the department's reviewers (city bureaus do not rate).
    Check("rating:detail", "submitted", lambda w: {"pk": w.rating_submitted.pk}, get=allow([*DEPARTMENT, "enterprise"])),
    Check(
        "rating:score",
        "submitted",
        lambda w: {"pk": w.rating_submitted.pk},
        get=NOT_POST,
        post=refusals(DEPARTMENT, enterprise=403),
        state=lambda w: (w.refresh(w.rating_submitted).state, w.refresh(w.rating_submitted).total_score),
    ),
    Check(
        "rating:return",
        "submitted",
        lambda w: {"pk": w.rating_submitted.pk},
        get=NOT_POST,
        post=refusals(DEPARTMENT, enterprise=403),
        data=lambda w: {"comment": "请补充"},
        state=lambda w: w.refresh(w.rating_submitted).state,
        allowed=("dept_reviewer", "R:/rating/"),
    ),
    # The self-report form of a year: each certified enterprise's admin fills in its own; nobody else.
    Check(
        "rating:report",
        "open_cycle",
        lambda w: {"year": w.rating_cycle.year},
        get=allow(["enterprise", "shaoyang_ent"], other=403, colleague=403),
        extra={"colleague": "colleague"},
    ),
    Check(
        "rating:cycle_action",
        "close_open_cycle",
        lambda w: {"year": w.rating_cycle.year, "action": "close"},
        get=NOT_POST,
        # Cycles are the department admin's (is_rating_manager: the superuser and DEPT_ADMIN).
        post=refusals(["admin", "dept_admin"], other=403),
        state=lambda w: w.refresh(w.rating_cycle).status,
        allowed=("dept_admin", "R:/rating/review/"),
    ),
    # consortia ------------------------------------------------------------------------------------------------------------
    Check(
        "consortia:invite",
        "open",
        lambda w: {"pk": w.consortium.pk},
        get=NOT_POST,
        post=refusals(["enterprise"], other=403, colleague=403),
        data=lambda w: {"organization": w.sy_org.credit_code, "message": "诚邀加入"},
        state=lambda w: w.consortium.memberships.count(),
        allowed=("enterprise", "R:/consortia/"),
        extra={"colleague": "colleague"},
    ),
    Check(
        "consortia:apply",
        "open",
        lambda w: {"pk": w.consortium.pk},
        get=NOT_POST,
        # Certified organisations' admins apply; users without one are refused (403); the lead is already a member (400).
        post=refusals(["shaoyang_ent", "institution"], other=403, enterprise=400, colleague=403),
        data=lambda w: {"message": "我们有施工经验"},
        state=lambda w: w.consortium.memberships.count(),
        allowed=("shaoyang_ent", "R:/consortia/"),
        extra={"colleague": "colleague"},
    ),
    Check(
        "consortia:close",
        "open",
        lambda w: {"pk": w.consortium.pk},
        get=NOT_POST,
        post=refusals(["enterprise"], other=403, colleague=403),
        state=lambda w: w.refresh(w.consortium).status,
        allowed=("enterprise", "R:/consortia/"),
        extra={"colleague": "colleague"},
    ),
    # An invitation is answered by the invited organisation's admin only (not even by the lead who sent it).
    Check(
        "consortia:answer",
        "invitation",
        lambda w: {"membership_id": w.invited_membership.pk, "decision": "accept"},
        get=NOT_POST,
        post=refusals(["shaoyang_ent"], other=403),
        state=lambda w: w.refresh(w.invited_membership).state,
        allowed=("shaoyang_ent", "R:/consortia/"),
    ),
    # events ---------------------------------------------------------------------------------------------------------------
    # Managers of a city bureau's event: staff who manage all events (superuser, department admin, operator and its
    # reviewer) and that city's bureau; reviewers (department reviewer) may open the manage page but not manage.
    Check("events:handbook", "confirmed", lambda w: {"pk": w.registration_confirmed.event_id}, get=allow(["enterprise"], other=403)),
    Check(
        "events:cancel_registration",
        "confirmed",
        lambda w: {"pk": w.registration_confirmed.pk},
        get=NOT_POST,
        post=refusals(["enterprise"]),
        state=lambda w: w.refresh(w.registration_confirmed).status,
        allowed=("enterprise", "R:/events/"),
    ),
    Check("events:manage_detail", "published", lambda w: {"pk": w.event_published.pk}, get=allow([*EVENT_MANAGERS, "dept_reviewer"], other=403)),
    Check(
        "events:edit",
        "published",
        lambda w: {"pk": w.event_published.pk},
        get=allow(EVENT_MANAGERS, other=403),
        post=refusals(EVENT_MANAGERS, other=403),
        data=lambda w: {"title": "他人改的活动"},
        state=lambda w: w.refresh(w.event_published).title,
    ),
    Check(
        "events:transition",
        "cancel",
        lambda w: {"pk": w.event_published.pk, "name": "cancel"},
        get=NOT_POST,
        post=refusals(EVENT_MANAGERS, other=403),
        data=lambda w: {"comment": "场地原因取消", "confirm": "1"},
        state=lambda w: w.refresh(w.event_published).status,
        allowed=("changsha_bureau", "R:/events/manage/"),
    ),
    Check(
        "events:transition",
        "approve",
        lambda w: {"pk": w.event_in_review.pk, "name": "approve"},
        get=NOT_POST,
        # Approval is the reviewers' (events.review_event); the organising bureau and the operator (no review permission) are refused.
        post=refusals(["admin", "dept_admin", "dept_reviewer", "operator_reviewer"], other=403),
        state=lambda w: w.refresh(w.event_in_review).status,
        allowed=("dept_reviewer", "R:/events/manage/"),
    ),
    Check(
        "events:checkin",
        "published",
        lambda w: {"pk": w.registration_confirmed.event_id},
        get=allow(EVENT_MANAGERS, other=403),
        post=refusals(EVENT_MANAGERS, other=403),
        data=lambda w: {"code": w.registration_confirmed.attendees.get().code},
        state=lambda w: w.registration_confirmed.attendees.get().checked_in_at,
        allowed=("changsha_bureau", 200),
    ),
    Check("events:export", "published", lambda w: {"pk": w.event_published.pk}, get=allow(EVENT_MANAGERS, other=403)),
    Check(
        "events:notify",
        "published",
        lambda w: {"pk": w.registration_confirmed.event_id},
        get=NOT_POST,
        post=refusals(EVENT_MANAGERS, other=403),
        data=lambda w: {"title": "会场变更", "body": "改在二号厅"},
        state=lambda w: w.users["enterprise"].messages.count(),
        allowed=("changsha_bureau", "R:/events/manage/"),
    ),
    Check(
        "events:decide",
        "pending_registration",
        lambda w: {"pk": w.registration_pending.pk, "decision": "approve"},
        get=NOT_POST,
        post=refusals(EVENT_MANAGERS, other=403),
        state=lambda w: w.refresh(w.registration_pending).status,
        allowed=("changsha_bureau", "R:/events/manage/"),
    ),
]


def workers_xlsx():
    from openpyxl import Workbook

    from labour.workers import COLUMNS

    wb = Workbook()
    ws = wb.active
    ws.append(list(COLUMNS))
    ws.append(["王五", "男", "43010219900101003X", "E10000002", "焊工", "13800000000"])
    out = BytesIO()
    wb.save(out)
    return SimpleUploadedFile("workers.xlsx", out.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


# Protected object URLs not in the matrix above, each with the reason.
NOT_OBJECT_SCOPED = {
    "accounts:verify_email": "a signed e-mail token, not an object id; its forgery is checked in test_registration_and_certification",
    "filings:create": "the argument is a filing kind, not an object",
    "filings:threshold": "the argument is a filing kind, not an object (an htmx fragment for the enterprise's own form)",
    "aid:template": "the argument names an import template (projects/trainees), not an object",
}


# --- running -----------------------------------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def _quiet_request_log():
    logging.disable(logging.WARNING)  # expected 403/404 would each log a traceback
    yield
    logging.disable(logging.NOTSET)


@pytest.fixture
def world(db):
    from taxonomy.loading import ensure_reference_data

    ensure_reference_data()
    return World()


def _clients(world, check):
    result = {"anon": Client()}
    users = dict(world.users)
    for username, attribute in check.extra.items():
        users[username] = getattr(world, attribute)
    for username, user in users.items():
        c = Client()
        c.force_login(user)
        result[username] = c
    return result


def run_check(check, world):
    clients = _clients(world, check)
    kwargs = check.kwargs(world)
    url = reverse(check.name, kwargs=kwargs)
    failures = []
    for rows in (check.get, check.post):
        if rows is not None:
            missing = set(EVERYONE) - set(rows)
            assert not missing, f"{check.id}: no expectation for {sorted(missing)}"
    if check.get is not None:
        before = check.state(world) if check.state else None
        for user, expected in check.get.items():
            got = outcome(clients[user].get(url))
            if not matches(expected, got):
                failures.append(f"GET {url} as {user}: expected {expected}, got {got}")
            if check.state:
                after = check.state(world)
                if after != before and not (isinstance(expected, int) and expected < 400):
                    failures.append(f"GET {url} as {user} (refused) changed the object: {before!r} -> {after!r}")
                before = after
    if check.post is not None:
        before = check.state(world)
        for user, expected in check.post.items():
            if expected == SKIP:
                continue
            data = check.data(world) if check.data else {}
            got = outcome(clients[user].post(url, data))
            if not matches(expected, got):
                failures.append(f"POST {url} as {user}: expected {expected}, got {got}")
            after = check.state(world)
            if after != before:
                failures.append(f"POST {url} as {user} changed the object: {before!r} -> {after!r}")
                before = after
        if check.allowed is not None:
            user, expected = check.allowed
            data = check.data(world) if check.data else {}
            got = outcome(clients[user].post(url, data))
            if not matches(expected, got):
                failures.append(f"POST {url} as {user} (permitted): expected {expected}, got {got}")
            if check.state(world) == before:
                failures.append(f"POST {url} as {user} (permitted) did not change the object ({before!r}): the refusals above prove nothing")
    return failures


@pytest.mark.parametrize("check", CHECKS, ids=[c.id for c in CHECKS])
def test_object_permission(check, world):
    failures = run_check(check, world)
    assert not failures, f"{check.id}: {len(failures)} differences:\n" + "\n".join(failures)


# --- the enterprise archive lists each app's records: it must not show what the app itself hides -------------------
# ``archive:detail`` is open to the organisation, the department and its city's bureau (checked above), and each
# section "may further leave out what the viewer must not see" (docs/archive.md). Matching's section does; the filings,
# labour and zones sections list every record, drafts included, to every viewer of the archive.


def _archive_page(world, username, org):
    c = Client()
    c.force_login(world.users[username] if username in world.users else getattr(world, username))
    response = c.get(reverse("archive:detail", kwargs={"org_id": org.pk}))
    assert response.status_code == 200
    return response.content.decode()


def test_archive_shows_the_enterprise_its_own_drafts(world):
    """The control of the three tests below: the owner does see its drafts in its archive."""
    filing, dispatch, report = world.filing_draft_named, world.dispatch_draft, world.zone_draft  # made before the page is read
    page = _archive_page(world, "enterprise", world.cs_org)
    assert filing.project_name in page
    assert dispatch.project_name in page
    assert f"{report.year} 年度园区考核" in _archive_page(world, "zone_user", world.zone_user.organization)


@pytest.mark.parametrize("viewer", CHANGSHA_REVIEWERS)
def test_archive_hides_draft_filings_from_reviewers(world, viewer):
    name = world.filing_draft_named.project_name
    c = Client()
    c.force_login(world.users[viewer])
    assert c.get(reverse("filings:detail", kwargs={"pk": world.filing_draft_named.pk})).status_code == 404  # the app hides it
    assert name not in _archive_page(world, viewer, world.cs_org)


@pytest.mark.parametrize("viewer", CHANGSHA_REVIEWERS)
def test_archive_hides_draft_dispatch_filings_from_reviewers(world, viewer):
    name = world.dispatch_draft.project_name
    c = Client()
    c.force_login(world.users[viewer])
    assert c.get(reverse("labour:detail", kwargs={"pk": world.dispatch_draft.pk})).status_code == 404
    assert name not in _archive_page(world, viewer, world.cs_org)


def test_archive_hides_zone_reports_from_the_city_bureau(world):
    report = world.zone_draft
    c = Client()
    c.force_login(world.users["changsha_bureau"])
    assert c.get(reverse("zones:detail", kwargs={"pk": report.pk})).status_code == 404
    assert f"{report.year} 年度园区考核" not in _archive_page(world, "changsha_bureau", world.zone_user.organization)


def test_every_protected_object_url_is_checked():
    protected = {name for name, (_, kind) in OBJECT_URLS.items() if kind == PROTECTED}
    checked = {c.name for c in CHECKS}
    missing = sorted(protected - checked - set(NOT_OBJECT_SCOPED))
    assert not missing, f"check these object URLs on a real object (or list them in NOT_OBJECT_SCOPED with a reason): {missing}"
    assert not checked & set(NOT_OBJECT_SCOPED), sorted(checked & set(NOT_OBJECT_SCOPED))
    assert not (checked | set(NOT_OBJECT_SCOPED)) - set(OBJECT_URLS), sorted((checked | set(NOT_OBJECT_SCOPED)) - set(OBJECT_URLS))
    assert not (checked | set(NOT_OBJECT_SCOPED)) - protected, "public URLs need no entry here"


def test_checks_cover_every_role():
    for check in CHECKS:
        for rows in (check.get, check.post):
            if rows is not None:
                assert set(EVERYONE) <= set(rows), check.id
                assert not set(rows) - set(EVERYONE) - set(check.extra), check.id


def test_security_roles_reach_no_business_object():
    """MLPS separation of duties: the system, security and audit administrators open and change no one's records."""
    assert set(SECURITY) <= set(STAFF)
    for check in CHECKS:
        for user in SECURITY:
            if check.get is not None:
                assert not (isinstance(check.get[user], int) and check.get[user] < 400), (check.id, user)
            if check.post is not None:
                assert check.post[user] != SKIP, (check.id, user)
            assert check.allowed is None or check.allowed[0] != user, (check.id, user)
