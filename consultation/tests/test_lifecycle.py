"""The quick-response lifecycle: reply, rate, follow-up, offline records, reminders, escalation."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from accounts.roles import BANK_ADVISER, DEPT_ADMIN, city_bureau_role
from consultation import services
from consultation.models import Category, Enquiry, Event, Status, TeamLead
from consultation.tasks import track_deadlines
from consultation.working_days import add_working_days, end_of_day

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(make_user):
    return {
        "asker": make_user("asker", email="asker@example.cn"),
        "sy": make_user("sy_bureau", role=city_bureau_role("shaoyang")),
        "sy_lead": make_user("sy_lead", role=city_bureau_role("shaoyang")),
        "cs": make_user("cs_bureau", role=city_bureau_role("changsha")),
        "bank": make_user("bank", role=BANK_ADVISER),
        "dept": make_user("dept", role=DEPT_ADMIN),
    }


def new_enquiry(people, **fields):
    data = {"asker": people["asker"], "asker_name": "刘经理", "category": Category.INVESTMENT, "subject": "在越南设厂", "body": "需要哪些备案？", "city": "shaoyang"}
    return services.ask(**{**data, **fields})


def test_transitions_table():
    assert services.TRANSITIONS == {
        "reply": {Status.OPEN: Status.ANSWERED, Status.ANSWERED: Status.ANSWERED},
        "follow_up": {Status.ANSWERED: Status.OPEN},
        "rate": {Status.ANSWERED: Status.CLOSED, Status.CLOSED: Status.CLOSED},
        "close": {Status.OPEN: Status.CLOSED, Status.ANSWERED: Status.CLOSED},
    }


def test_reply_notifies_the_asker_and_records_first_response(people):
    enquiry = new_enquiry(people)
    services.reply(enquiry, by=people["sy"], body="请先在系统中提交境外投资备案。")
    enquiry.refresh_from_db()
    assert enquiry.status == Status.ANSWERED and enquiry.first_response_at is not None and enquiry.answered_on_time
    message = people["asker"].messages.get(kind="consultation.reply")
    assert message.url == f"/consultation/mine/{enquiry.pk}/"


def test_another_citys_bureau_cannot_reply(people):
    enquiry = new_enquiry(people)
    with pytest.raises(PermissionDenied):
        services.reply(enquiry, by=people["cs"], body="越权答复")


def test_rating_closes_and_follow_up_reopens_with_a_new_deadline(people):
    enquiry = new_enquiry(people)
    with pytest.raises(ValidationError):
        services.rate(enquiry, user=people["asker"], rating=5)  # nothing to rate yet
    services.reply(enquiry, by=people["sy"], body="答复一")
    services.ask_follow_up(enquiry, user=people["asker"], body="需要多久？")
    enquiry.refresh_from_db()
    assert enquiry.status == Status.OPEN
    assert people["sy"].messages.filter(kind="consultation_staff.follow_up").exists()
    services.reply(enquiry, by=people["sy"], body="约 3 个工作日")
    with pytest.raises(PermissionDenied):
        services.rate(enquiry, user=people["cs"], rating=1)
    services.rate(enquiry, user=people["asker"], rating=4, comment="很及时")
    enquiry.refresh_from_db()
    assert (enquiry.status, enquiry.rating) == (Status.CLOSED, 4)


def test_offline_follow_up_and_whole_timeline(people):
    enquiry = new_enquiry(people, category=Category.FINANCE)
    services.add_note(enquiry, by=people["bank"], body="客户为老客户")
    services.reply(enquiry, by=people["bank"], body="可办理跨境并购贷款", public=True)
    with pytest.raises(ValidationError, match="银行网点"):
        services.record_offline(enquiry, by=people["bank"], offline_kind=Event.Offline.BANK_REFERRAL, body="转介")
    services.record_offline(enquiry, by=people["bank"], offline_kind=Event.Offline.BANK_REFERRAL, counterpart="示范银行邵阳分行", body="已转介", outcome="已签约")
    kinds = list(enquiry.events.values_list("kind", flat=True))
    assert kinds == ["asked", "routed", "note", "reply", "offline"]
    assert Enquiry.objects.get(pk=enquiry.pk).in_faq


def test_coordinator_or_lead_reassigns_others_cannot(people):
    enquiry = new_enquiry(people)
    with pytest.raises(PermissionDenied):
        services.reassign(enquiry, by=people["sy"], assignee=people["sy_lead"])
    TeamLead.objects.create(group=enquiry.group, lead=people["sy_lead"])
    services.reassign(enquiry, by=people["sy_lead"], assignee=people["sy"], reason="熟悉越南")
    with pytest.raises(ValidationError, match="承办人必须属于受理组"):
        services.reassign(enquiry, by=people["dept"], assignee=people["cs"])
    assert Enquiry.objects.get(pk=enquiry.pk).assignee == people["sy"]
    assert people["sy"].messages.filter(kind="consultation_staff.assigned").exists()


def test_reminder_before_the_deadline_through_the_periodic_task(people):
    enquiry = new_enquiry(people)
    tomorrow_ish = end_of_day(add_working_days(timezone.localdate(), 1))
    Enquiry.objects.filter(pk=enquiry.pk).update(due_at=tomorrow_ish)
    track_deadlines.enqueue()
    track_deadlines.enqueue()  # a repeated run reminds nobody twice
    assert people["sy"].messages.filter(kind="consultation_staff.reminder").count() == 1
    assert enquiry.events.filter(kind=Event.Kind.REMINDER).count() == 1


def test_no_reminder_while_the_deadline_is_far(people):
    enquiry = new_enquiry(people)
    Enquiry.objects.filter(pk=enquiry.pk).update(due_at=end_of_day(add_working_days(timezone.localdate(), 5)))
    track_deadlines.enqueue()
    assert not enquiry.events.filter(kind=Event.Kind.REMINDER).exists()


def test_overdue_enquiry_is_escalated_once_to_the_groups_lead(people):
    enquiry = new_enquiry(people)
    TeamLead.objects.create(group=enquiry.group, lead=people["sy_lead"])
    Enquiry.objects.filter(pk=enquiry.pk).update(due_at=timezone.now() - timedelta(hours=1))
    track_deadlines.enqueue()
    track_deadlines.enqueue()
    assert people["sy_lead"].messages.filter(kind="consultation_staff.overdue").count() == 1
    assert not people["dept"].messages.filter(kind="consultation_staff.overdue").exists()
    assert Enquiry.objects.get(pk=enquiry.pk).escalated_at is not None


def test_without_a_lead_escalation_goes_to_the_departments_admins(people):
    enquiry = new_enquiry(people, city="")
    Enquiry.objects.filter(pk=enquiry.pk).update(due_at=timezone.now() - timedelta(minutes=5))
    track_deadlines.enqueue()
    assert people["dept"].messages.filter(kind="consultation_staff.overdue").count() == 1


def test_answered_enquiries_are_not_escalated(people):
    enquiry = new_enquiry(people)
    services.reply(enquiry, by=people["sy"], body="已答复")
    Enquiry.objects.filter(pk=enquiry.pk).update(due_at=timezone.now() - timedelta(days=1))
    track_deadlines.enqueue()
    assert not enquiry.events.filter(kind=Event.Kind.ESCALATED).exists()
