"""Periodic job: deadline reminders and escalation of overdue enquiries."""

from django.tasks import task

from background.periodic import periodic
from consultation.tracking import escalate_overdue, remind_due


@periodic(minutes=30)
@task()
def track_deadlines():
    """Remind before the deadline and escalate when overdue; safe to run again."""
    return {"reminded": remind_due(), "escalated": escalate_overdue()}
