"""The pages: public list and detail, registration through the form, handbook, ics, organiser pages."""

from datetime import timedelta
from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from audit.models import AuditEntry
from events import services
from events.models import Event, Status
from events.models import RegistrationStatus as RS
from events.tests.conftest import attendees

pytestmark = pytest.mark.django_db


def test_list_shows_upcoming_first_and_the_archive_separately(client, make_event):
    b = make_event("第二场", start_in=timedelta(days=9))
    a = make_event("第一场", start_in=timedelta(days=2))
    make_event("草稿活动", status=Status.DRAFT)
    make_event("往期论坛", start_in=timedelta(days=-9), recap="<p>圆满结束</p>")
    html = client.get(reverse("events:list")).content.decode()
    assert html.index(a.title) < html.index(b.title)
    assert "草稿活动" not in html and "往期论坛" not in html
    past = client.get(reverse("events:list"), {"past": "1"}).content.decode()
    assert "往期论坛" in past and "第一场" not in past


def test_list_filters_by_city_country_kind_and_month(client, make_event):
    from taxonomy.models import Country

    ke = make_event("肯尼亚路演", city="yueyang", kind="roadshow", sino_africa=True)
    ke.countries.add(Country.objects.get(code="KE"))
    make_event("长沙培训", kind="training")
    url = reverse("events:list")
    assert "长沙培训" not in client.get(url, {"city": "yueyang"}).content.decode()
    assert "肯尼亚路演" in client.get(url, {"country": "KE"}).content.decode()
    assert "肯尼亚路演" not in client.get(url, {"kind": "training"}).content.decode()
    assert "长沙培训" not in client.get(url, {"africa": "1"}).content.decode()
    month = ke.starts_at.strftime("%Y-%m")
    assert "肯尼亚路演" in client.get(url, {"month": month}).content.decode()
    assert "肯尼亚路演" not in client.get(url, {"month": "2001-01"}).content.decode()


def test_drafts_are_hidden_from_the_public_but_shown_to_their_organiser(client, make_event, people):
    draft = make_event("内部草稿", status=Status.DRAFT, organizer_org=people["inst"].organization)
    assert client.get(reverse("events:detail", args=[draft.pk])).status_code == 404
    client.force_login(people["other_inst"])
    assert client.get(reverse("events:detail", args=[draft.pk])).status_code == 404
    client.force_login(people["inst"])
    assert client.get(reverse("events:detail", args=[draft.pk])).status_code == 200


def test_enterprise_registers_through_the_form_and_reads_its_handbook(client, make_event, people):
    event = make_event(capacity=5, agenda="09:00 签到\n09:30 开幕致辞", asked_fields=["title"])
    client.force_login(people["acme"])
    form = {"att-TOTAL_FORMS": "2", "att-INITIAL_FORMS": "1", "att-MIN_NUM_FORMS": "1", "att-MAX_NUM_FORMS": "5",
            "att-0-name": "张三", "att-0-mobile": "138 0000 0001", "att-0-title": "总经理", "att-1-name": "", "att-1-mobile": "", "note": ""}
    response = client.post(reverse("events:detail", args=[event.pk]), form)
    assert response.status_code == 302
    reg = event.registrations.get()
    attendee = reg.attendees.get()
    assert (attendee.mobile, attendee.answers) == ("13800000001", {"title": "总经理"})
    handbook = client.get(reverse("events:handbook", args=[event.pk])).content.decode()
    assert attendee.code in handbook and "开幕致辞" in handbook and "湖南示范机械有限公司" in handbook
    client.force_login(people["acme2"])
    assert client.get(reverse("events:handbook", args=[event.pk])).status_code == 403


def test_bad_registration_input_is_explained_and_kept(client, make_event, people):
    event = make_event()
    client.force_login(people["acme"])
    form = {"att-TOTAL_FORMS": "1", "att-INITIAL_FORMS": "1", "att-MIN_NUM_FORMS": "1", "att-MAX_NUM_FORMS": "5",
            "att-0-name": "张三", "att-0-mobile": "12345"}
    response = client.post(reverse("events:detail", args=[event.pk]), form)
    html = response.content.decode()
    assert response.status_code == 400 and "11 位中国大陆手机号" in html and 'value="12345"' in html
    assert not event.registrations.exists()


def test_anonymous_registration_redirects_to_login(client, make_event):
    event = make_event()
    response = client.post(reverse("events:detail", args=[event.pk]), {})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_users_see_only_their_own_registrations(client, make_event, people):
    event = make_event()
    reg = services.register(event, people["acme"], attendees=attendees("张三"))
    client.force_login(people["beta"])
    assert "张三" not in client.get(reverse("events:mine")).content.decode()
    assert client.post(reverse("events:cancel_registration", args=[reg.pk])).status_code == 404
    client.force_login(people["acme"])
    assert "张三" in client.get(reverse("events:mine")).content.decode()
    client.post(reverse("events:cancel_registration", args=[reg.pk]))
    reg.refresh_from_db()
    assert reg.status == RS.CANCELLED


def test_ics_download(client, make_event):
    event = make_event("中非, 经贸; 对接会")
    response = client.get(reverse("events:ics", args=[event.pk]))
    body = response.content.decode()
    assert response["Content-Type"].startswith("text/calendar")
    assert "BEGIN:VEVENT" in body and "SUMMARY:中非\\, 经贸\\; 对接会" in body
    assert f"DTSTART:{event.starts_at.strftime('%Y%m%dT%H%M%SZ')}" in body or "DTSTART:" in body
    assert all(len(line.encode()) <= 75 for line in body.split("\r\n"))


def test_institution_creates_an_event_that_an_operator_reviewer_publishes(client, people):
    inst = people["inst"]
    client.force_login(inst)
    data = {"title": "非洲法律风险讲座", "summary": "合规讲座", "kind": "training", "organizer_name": "", "city": "changsha",
            "starts_at": "2030-05-01T09:00", "ends_at": "2030-05-01T12:00", "venue": "长沙", "max_attendees_per_registration": "3",
            "body": "<p>内容</p><script>alert(1)</script>", "asked_fields": ["title"]}
    response = client.post(reverse("events:create"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    event = Event.objects.get()
    assert event.organizer_org == inst.organization and event.organizer_name == "示范律师事务所"
    assert "<script>" not in event.body and event.status == Status.DRAFT
    client.post(reverse("events:transition", args=[event.pk, "submit"]))
    event.refresh_from_db()
    assert event.status == Status.IN_REVIEW
    # the institution cannot approve its own event
    client.post(reverse("events:transition", args=[event.pk, "approve"]))
    event.refresh_from_db()
    assert event.status == Status.IN_REVIEW
    client.force_login(people["reviewer"])
    assert "非洲法律风险讲座" in client.get(reverse("events:manage")).content.decode()
    client.post(reverse("events:transition", args=[event.pk, "approve"]), {"comment": "同意"})
    event.refresh_from_db()
    assert event.status == Status.PUBLISHED and event.published_at and event.reviewed_by == people["reviewer"]


def test_event_form_errors_are_specific(client, people):
    client.force_login(people["operator"])
    data = {"title": "x", "summary": "y", "kind": "training", "organizer_name": "平台", "city": "changsha",
            "starts_at": "2030-05-01T09:00", "ends_at": "2030-05-01T08:00", "max_attendees_per_registration": "3", "capacity": "0"}
    html = client.post(reverse("events:create"), data).content.decode()
    assert "结束时间必须晚于开始时间" in html and "请填写举办地点或线上参与链接" in html and "名额须大于 0" in html
    assert 'value="x"' in html


@pytest.mark.parametrize("transition, status", [("submit", Status.DRAFT), ("approve", Status.IN_REVIEW), ("return", Status.IN_REVIEW), ("cancel", Status.PUBLISHED)])
def test_each_transition_table_row(make_event, people, transition, status):
    from events import workflow

    event = make_event(status=status)
    t = workflow.BY_NAME[transition]
    services.apply_transition(event, transition, by=people["reviewer"] if t.who == "review" else people["operator"], comment="理由")
    assert event.status == t.target


def test_organiser_org_manages_only_its_own_events(client, make_event, people):
    own = make_event("本所活动", organizer_org=people["inst"].organization)
    other = make_event("他所活动", organizer_org=people["other_inst"].organization)
    client.force_login(people["inst"])
    assert client.get(reverse("events:manage_detail", args=[own.pk])).status_code == 200
    for name in ("manage_detail", "edit", "export", "checkin"):
        assert client.get(reverse(f"events:{name}", args=[other.pk])).status_code == 403, name
    listing = client.get(reverse("events:manage")).content.decode()
    assert "本所活动" in listing and "他所活动" not in listing


def test_enterprise_has_no_organiser_pages(client, make_event, people):
    event = make_event()
    client.force_login(people["acme"])
    assert client.get(reverse("events:manage")).status_code == 403
    assert client.get(reverse("events:export", args=[event.pk])).status_code == 403


def test_export_masks_mobiles_unless_permitted_and_is_audited(client, make_event, people):
    event = make_event(organizer_org=people["inst"].organization, asked_fields=["title"])
    services.register(event, people["acme"], attendees=[{"name": "张三", "mobile": "13912345678", "answers": {"title": "经理"}}])
    client.force_login(people["inst"])
    response = client.get(reverse("events:export", args=[event.pk]))
    sheet = load_workbook(BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][7:9] == ("参会人", "手机号") and rows[0][11] == "职务"
    assert rows[1][7:9] == ("张三", "139****5678") and rows[1][11] == "经理"
    entry = AuditEntry.objects.get(action="events.export")
    assert entry.actor == people["inst"] and entry.detail["unmasked"] is False
    client.force_login(people["operator"])  # the operator may see full numbers
    rows = list(load_workbook(BytesIO(client.get(reverse("events:export", args=[event.pk])).content)).active.iter_rows(values_only=True))
    assert rows[1][8] == "13912345678"


def test_organiser_notifies_registrants_through_notifications(client, make_event, people):
    from notifications.models import Message

    event = make_event(capacity=1)
    services.register(event, people["acme"], attendees=attendees("张三"))
    services.register(event, people["beta"], attendees=attendees("王五"))  # waitlisted
    client.force_login(people["operator"])
    client.post(reverse("events:notify", args=[event.pk]), {"title": "会场变更", "body": "改在二楼"})
    assert list(Message.objects.filter(kind="event.notice").values_list("recipient__username", flat=True)) == ["acme"]
    assert AuditEntry.objects.filter(action="events.notify_registrants").exists()


def test_check_in_page(client, make_event, people):
    event = make_event()
    reg = services.register(event, people["acme"], attendees=attendees("张三"))
    client.force_login(people["operator"])
    bad = client.post(reverse("events:checkin", args=[event.pk]), {"code": "ZZZZZZZZ"}).content.decode()
    assert "不属于本活动" in bad
    ok = client.post(reverse("events:checkin", args=[event.pk]), {"code": reg.attendees.get().code}).content.decode()
    assert "张三" in ok and "签到成功" in ok


def test_city_bureau_manages_only_its_own_citys_events(client, make_event, make_user):
    from accounts.roles import city_bureau_role

    bureau = make_user("sy_bureau", role=city_bureau_role("shaoyang"))
    own = make_event("邵阳活动", city="shaoyang")
    other = make_event("长沙活动", city="changsha")
    client.force_login(bureau)
    assert client.get(reverse("events:edit", args=[own.pk])).status_code == 200
    assert client.get(reverse("events:edit", args=[other.pk])).status_code == 403
    data = {"title": "邵阳出口培训", "summary": "培训", "kind": "training", "organizer_name": "邵阳市商务局", "city": "changsha",
            "starts_at": "2030-05-01T09:00", "ends_at": "2030-05-01T12:00", "venue": "邵阳", "max_attendees_per_registration": "3"}
    assert client.post(reverse("events:create"), data).status_code == 200  # another city is not a valid choice
    assert not Event.objects.filter(title="邵阳出口培训").exists()
    data["city"] = "shaoyang"
    assert client.post(reverse("events:create"), data).status_code == 302
    assert Event.objects.get(title="邵阳出口培训").city == "shaoyang"


def test_cancelling_an_event_and_refusing_a_registration_are_confirmed_first(client, make_event, people):
    from events.models import Registration, RegistrationStatus

    event = make_event(organizer_org=people["inst"].organization)
    reg = Registration.objects.create(event=event, user=people["acme"], status=RegistrationStatus.PENDING)
    client.force_login(people["inst"])
    page = client.get(reverse("events:manage_detail", args=[event.pk])).content.decode()
    assert page.count('name="confirm" value="1" required') >= 2 and 'data-action="cancel"' in page
    cancel = reverse("events:transition", args=[event.pk, "cancel"])
    assert "请勾选确认后再提交" in client.post(cancel, {"comment": "场地变更"}, follow=True).content.decode()
    reject = reverse("events:decide", args=[reg.pk, "reject"])
    client.post(reject, {"comment": "名额已满"})
    event.refresh_from_db(), reg.refresh_from_db()
    assert event.status == Status.PUBLISHED and reg.status == RegistrationStatus.PENDING
    client.post(reject, {"comment": "名额已满", "confirm": "1"})
    client.post(cancel, {"comment": "场地变更", "confirm": "1"})
    event.refresh_from_db(), reg.refresh_from_db()
    assert event.status == Status.CANCELLED and reg.status != RegistrationStatus.PENDING
