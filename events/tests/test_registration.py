"""Registration rules: seats, waiting list with automatic promotion, approval, cancellation."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from events import services
from events.models import RegistrationStatus as RS
from events.models import Status
from events.tests.conftest import attendees
from notifications.models import Message

pytestmark = pytest.mark.django_db


def test_enterprise_registers_on_behalf_of_its_org_with_named_attendees(make_event, people):
    event = make_event(capacity=10)
    reg = services.register(event, people["acme"], attendees=attendees("张三", "李四"))
    assert reg.status == RS.CONFIRMED
    assert reg.organization.name == "湖南示范机械有限公司"
    codes = list(reg.attendees.values_list("code", flat=True))
    assert len(codes) == 2 and len(set(codes)) == 2 and all(len(c) == 8 for c in codes)
    assert Message.objects.filter(recipient=people["acme"], title__startswith="报名成功").exists()


def test_individual_may_register_only_one_person(make_event, people):
    event = make_event()
    with pytest.raises(services.EventError, match="最多报名 1 人"):
        services.register(event, people["person"], attendees=attendees("王五", "赵六"))
    reg = services.register(event, people["person"], attendees=attendees("王五"))
    assert reg.organization is None


def test_a_user_cannot_register_twice(make_event, people):
    event = make_event()
    services.register(event, people["acme"], attendees=attendees("张三"))
    with pytest.raises(services.EventError, match="已报名"):
        services.register(event, people["acme"], attendees=attendees("李四"))


@pytest.mark.parametrize("fields, message", [
    ({"status": Status.DRAFT}, "未在报名中"),
    ({"status": Status.CANCELLED}, "已取消"),
    ({"start_in": timedelta(days=-2)}, "已结束"),
    ({"registration_opens_at": timezone.now() + timedelta(days=1)}, "报名将于"),
    ({"registration_closes_at": timezone.now() - timedelta(hours=1)}, "报名已截止"),
])
def test_registration_refused_outside_its_window(make_event, people, fields, message):
    event = make_event(**fields)
    with pytest.raises(services.EventError, match=message):
        services.register(event, people["acme"], attendees=attendees("张三"))


def test_full_event_puts_registrants_on_the_waiting_list_in_order(make_event, people):
    event = make_event(capacity=2)
    first = services.register(event, people["acme"], attendees=attendees("张三", "李四"))
    second = services.register(event, people["beta"], attendees=attendees("王五"))
    third = services.register(event, people["person"], attendees=attendees("赵六"))
    assert first.status == RS.CONFIRMED
    assert (second.status, second.position) == (RS.WAITLISTED, 1)
    assert (third.status, third.position) == (RS.WAITLISTED, 2)


def test_cancellation_promotes_the_waiting_list_automatically(make_event, people):
    event = make_event(capacity=2)
    first = services.register(event, people["acme"], attendees=attendees("张三", "李四"))
    second = services.register(event, people["beta"], attendees=attendees("王五"))
    third = services.register(event, people["person"], attendees=attendees("赵六"))
    promoted = services.cancel_registration(first, by=people["acme"])
    assert [r.pk for r in promoted] == [second.pk, third.pk]
    second.refresh_from_db()
    third.refresh_from_db()
    assert second.status == third.status == RS.CONFIRMED and second.position is None
    assert Message.objects.filter(recipient=people["beta"], title__startswith="候补成功").exists()


def test_promotion_keeps_queue_order_even_when_a_later_group_would_fit(make_event, people):
    event = make_event(capacity=2)
    a = services.register(event, people["acme"], attendees=attendees("甲"))
    services.register(event, people["person"], attendees=attendees("乙"))
    big = services.register(event, people["beta"], attendees=attendees("丙", "丁"))
    small = services.register(event, people["acme2"], attendees=attendees("戊"))
    assert services.cancel_registration(a, by=people["acme"]) == []  # the 2-person group is first and does not fit
    small.refresh_from_db()
    big.refresh_from_db()
    assert small.status == big.status == RS.WAITLISTED


def test_raising_capacity_promotes_waiting_registrations(make_event, people):
    event = make_event(capacity=1)
    services.register(event, people["acme"], attendees=attendees("甲"))
    waiting = services.register(event, people["beta"], attendees=attendees("乙"))
    event.capacity = 2
    services.save_event(event, by=people["operator"], creating=False)
    waiting.refresh_from_db()
    assert waiting.status == RS.CONFIRMED


def test_only_the_registrant_may_cancel(make_event, people):
    reg = services.register(make_event(), people["acme"], attendees=attendees("张三"))
    with pytest.raises(PermissionDenied):
        services.cancel_registration(reg, by=people["acme2"])


def test_approval_flow_holds_seats_and_notifies(make_event, people):
    event = make_event(capacity=1, needs_approval=True, created_by=people["operator"])
    reg = services.register(event, people["acme"], attendees=attendees("张三"))
    assert reg.status == RS.PENDING
    assert Message.objects.filter(recipient=people["operator"], title__startswith="新报名待审核").exists()
    waiting = services.register(event, people["beta"], attendees=attendees("王五"))
    assert waiting.status == RS.WAITLISTED  # a pending registration holds its seat
    with pytest.raises(PermissionDenied):
        services.approve_registration(reg, by=people["inst"])
    services.approve_registration(reg, by=people["operator"])
    reg.refresh_from_db()
    assert reg.status == RS.CONFIRMED and reg.decided_by == people["operator"]


def test_rejection_needs_a_reason_and_frees_the_seat(make_event, people):
    event = make_event(capacity=1, needs_approval=True)
    reg = services.register(event, people["acme"], attendees=attendees("张三"))
    waiting = services.register(event, people["beta"], attendees=attendees("王五"))
    with pytest.raises(services.EventError, match="理由"):
        services.reject_registration(reg, by=people["operator"], comment=" ")
    services.reject_registration(reg, by=people["operator"], comment="与活动主题不符")
    waiting.refresh_from_db()
    assert waiting.status == RS.PENDING  # promoted, and still needs approval


def test_cancelling_the_event_cancels_registrations_and_tells_registrants(make_event, people):
    event = make_event()
    reg = services.register(event, people["acme"], attendees=attendees("张三"))
    services.apply_transition(event, "cancel", by=people["operator"], comment="因天气原因取消")
    reg.refresh_from_db()
    assert reg.status == RS.CANCELLED
    assert Message.objects.filter(recipient=people["acme"], title__startswith="活动已取消").exists()


def test_check_in_by_entry_code(make_event, people):
    event = make_event()
    reg = services.register(event, people["acme"], attendees=attendees("张三"))
    code = reg.attendees.get().code
    other = make_event("另一场活动")
    with pytest.raises(services.EventError, match="不属于本活动"):
        services.check_in(other, code, by=people["operator"])
    with pytest.raises(PermissionDenied):
        services.check_in(event, code, by=people["acme"])
    attendee = services.check_in(event, code.lower(), by=people["operator"])
    assert attendee.checked_in_at is not None
    with pytest.raises(services.EventError, match="请勿重复签到"):
        services.check_in(event, code, by=people["operator"])


def test_check_in_refused_for_waiting_registration(make_event, people):
    event = make_event(capacity=1)
    services.register(event, people["acme"], attendees=attendees("张三"))
    waiting = services.register(event, people["beta"], attendees=attendees("王五"))
    with pytest.raises(services.EventError, match="候补中"):
        services.check_in(event, waiting.attendees.get().code, by=people["operator"])
