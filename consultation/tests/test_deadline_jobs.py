"""Reminders and escalation: on the Chinese working-day calendar, and run by the real task worker."""

from datetime import datetime, timedelta

import pytest
from django.core import mail
from django.test import override_settings
from django.utils import timezone

from accounts.roles import DEPT_ADMIN, city_bureau_role
from background.models import PeriodicJob
from background.testing import DATABASE_TASKS
from background.worker import RetryingWorker
from consultation import services
from consultation.models import Category, Enquiry, Event, TeamLead
from consultation.tracking import escalate_overdue, remind_due
from consultation.working_days import add_working_days, end_of_day


def at(y, m, d, h=10):
    return timezone.make_aware(datetime(y, m, d, h))


@pytest.fixture
def bureau(make_user):
    return {
        "asker": make_user("asker", email="asker@example.cn"),
        "handler": make_user("sy_handler", role=city_bureau_role("shaoyang"), email="handler@example.cn"),
        "lead": make_user("sy_lead", role=city_bureau_role("shaoyang"), email="lead@example.cn"),
        "dept": make_user("dept", role=DEPT_ADMIN, email="dept@example.cn"),
    }


def ask(people, subject, now=None):
    return services.ask(
        asker=people["asker"], asker_name="刘", category=Category.INVESTMENT, subject=subject, body="问题", city="shaoyang", now=now
    )


@pytest.mark.django_db
def test_reminder_and_escalation_follow_the_national_day_holiday_and_the_adjusted_saturday(bureau):
    # Asked Wed 30 Sep 2026: 1–7 Oct are holidays, Thu 8 and Fri 9 Oct are working days and
    # Sat 10 Oct is an adjusted working day, so 3 working days end on Saturday 10 October.
    enquiry = ask(bureau, "国庆前的咨询", now=at(2026, 9, 30))
    TeamLead.objects.create(group=enquiry.group, lead=bureau["lead"])
    assert enquiry.due_at == end_of_day(datetime(2026, 10, 10).date())

    # The reminder window is one working day before the deadline: Friday 9 October, not earlier.
    assert remind_due(now=at(2026, 10, 3)) == 0  # a holiday Saturday
    assert remind_due(now=at(2026, 10, 8)) == 0  # two working days left
    assert remind_due(now=at(2026, 10, 9)) == 1
    assert bureau["handler"].messages.filter(kind="consultation_staff.reminder").count() == 1
    assert "2026-10-10" in bureau["handler"].messages.get(kind="consultation_staff.reminder").body

    # The adjusted Saturday is still within the deadline; the Sunday after is not.
    assert escalate_overdue(now=at(2026, 10, 10, 21)) == 0
    assert escalate_overdue(now=at(2026, 10, 11, 9)) == 1
    assert escalate_overdue(now=at(2026, 10, 12, 9)) == 0  # once only
    assert list(bureau["lead"].messages.filter(kind="consultation_staff.overdue").values_list("title", flat=True)) == ["咨询已超期未答复：国庆前的咨询"]
    assert not bureau["dept"].messages.filter(kind="consultation_staff.overdue").exists()


@pytest.mark.django_db
def test_an_enquiry_answered_on_the_adjusted_saturday_is_on_time(bureau):
    enquiry = ask(bureau, "调休日答复", now=at(2026, 9, 30))
    services.reply(enquiry, by=bureau["handler"], body="已答复", now=at(2026, 10, 10, 16))
    enquiry.refresh_from_db()
    assert enquiry.answered_on_time
    late = ask(bureau, "周日才答复", now=at(2026, 9, 30))
    services.reply(late, by=bureau["handler"], body="已答复", now=at(2026, 10, 11, 16))
    late.refresh_from_db()
    assert not late.answered_on_time


def run_worker():
    RetryingWorker(
        queue_names=["*"], interval=0, batch=True, backend_name="default", startup_delay=False, max_tasks=None, worker_id="t", excluded_queue_names=[]
    ).run()


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DATABASE_TASKS, BACKGROUND_MAX_ATTEMPTS=3, BACKGROUND_RETRY_BASE_SECONDS=0)
def test_the_worker_schedules_the_deadline_job_which_reminds_and_escalates_once_with_e_mail(bureau):
    """The periodic job is enqueued by the worker itself (no direct call), as in production."""
    due_soon = ask(bureau, "即将到期的咨询")
    overdue = ask(bureau, "已超期的咨询")
    TeamLead.objects.create(group=overdue.group, lead=bureau["lead"])
    Enquiry.objects.filter(pk=due_soon.pk).update(due_at=end_of_day(add_working_days(timezone.localdate(), 1)))
    Enquiry.objects.filter(pk=overdue.pk).update(due_at=timezone.now() - timedelta(hours=2))
    mail.outbox.clear()  # the "new enquiry" notices to the handlers were sent when asking

    run_worker()
    assert PeriodicJob.objects.filter(name="consultation.tasks.track_deadlines", last_enqueued_at__isnull=False).exists()
    assert due_soon.events.filter(kind=Event.Kind.REMINDER).count() == 1
    assert overdue.events.filter(kind=Event.Kind.ESCALATED).count() == 1
    # The in-site message and, through the delivery job the worker also ran, the e-mail.
    assert bureau["lead"].messages.filter(kind="consultation_staff.overdue").count() == 1
    subjects = sorted((m.to[0], m.subject) for m in mail.outbox)
    assert ("lead@example.cn", "【湘企出海+】咨询已超期未答复：已超期的咨询") in subjects
    assert ("handler@example.cn", "【湘企出海+】咨询即将到期：即将到期的咨询") in subjects

    # The job comes round again (its period forced over): nothing is sent twice.
    PeriodicJob.objects.filter(name="consultation.tasks.track_deadlines").update(next_run_at=timezone.now() - timedelta(minutes=1))
    sent = len(mail.outbox)
    run_worker()
    assert PeriodicJob.objects.get(name="consultation.tasks.track_deadlines").last_enqueued_at is not None
    assert due_soon.events.filter(kind=Event.Kind.REMINDER).count() == 1
    assert overdue.events.filter(kind=Event.Kind.ESCALATED).count() == 1
    assert len(mail.outbox) == sent
