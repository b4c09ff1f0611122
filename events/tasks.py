"""Background jobs of events: reminders before an event starts."""

from django.tasks import task

from background.periodic import periodic


@periodic(minutes=30)
@task()
def send_event_reminders():
    from events.services import send_reminders

    return send_reminders()
