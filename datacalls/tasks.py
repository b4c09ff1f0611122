"""Periodic job: deadline reminders for data calls."""

from django.tasks import task

from background.periodic import periodic
from datacalls.services import send_due_reminders


@periodic(hours=6)
@task()
def remind_data_calls():
    """Safe to run again: each organisation gets each kind of reminder once per call and deadline."""
    return send_due_reminders()
