"""What other apps get from events: the archive section, push audiences, the reminder job."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from archive.registry import registered, sections_for
from events import services
from events.models import RegistrationStatus as RS
from events.tasks import send_event_reminders
from events.tests.conftest import attendees
from notifications.forms import PushForm
from notifications.models import Message
from notifications.selectors import audience_users

pytestmark = pytest.mark.django_db


def test_archive_lists_the_organisations_event_registrations(client, make_event, people):
    event = make_event("长沙·非洲市场推介会", capacity=1)
    past = make_event("往期培训", start_in=timedelta(days=-30))
    services.register(event, people["acme"], attendees=attendees("张三"))
    services.register(event, people["beta"], attendees=attendees("王五"))  # waitlisted, other org
    acme_org = people["acme"].organization
    from events.models import Registration

    Registration.objects.create(event=past, user=people["acme2"], organization=acme_org, status=RS.CONFIRMED)

    assert "events" in [c.key for c in registered()]
    section = next(s for s in sections_for(acme_org, people["acme"]) if s.key == "events")
    titles = [i.title for i in section.items]
    assert len(titles) == 2 and any("长沙·非洲市场推介会" in t for t in titles)
    upcoming = next(i for i in section.items if "推介会" in i.title)
    assert upcoming.status == "报名成功" and upcoming.next_step and upcoming.deadline == timezone.localdate(event.starts_at)
    assert next(i for i in section.items if "往期培训" in i.title).next_step == ""

    beta_section = next(s for s in sections_for(people["beta"].organization, people["beta"]) if s.key == "events")
    assert beta_section.items[0].status == "候补中（候补第 1 位）"

    client.force_login(people["acme"])
    page = client.get(reverse("archive:detail", args=[acme_org.pk])).content.decode()
    assert "活动报名" in page and "长沙·非洲市场推介会" in page and "王五" not in page


def test_push_audience_by_event_registration(make_event, people):
    event = make_event(capacity=1)
    other = make_event("另一场")
    services.register(event, people["acme"], attendees=attendees("张三"))
    services.register(event, people["beta"], attendees=attendees("王五"))  # waitlisted: not an attendee
    services.register(other, people["person"], attendees=attendees("赵六"))
    users = audience_users({"events": [str(event.pk)]})
    assert [u.username for u in users] == ["acme"]
    assert sorted(u.username for u in audience_users({"events": [event.pk, other.pk]})) == ["acme", "person"]
    assert [u.username for u in audience_users({"events": [event.pk, other.pk], "cities": ["changsha"]})] == ["acme"]


def test_push_form_offers_recent_events_as_audience(make_event, people):
    event = make_event()
    make_event("很久以前", start_in=timedelta(days=-200))
    form = PushForm({"title": "参会须知", "body": "请准时参加", "events": [str(event.pk)]})
    assert [label for _, label in form.fields["events"].choices] == [f"{event.title}（{timezone.localtime(event.starts_at):%Y-%m-%d}）"]
    assert form.is_valid(), form.errors
    assert form.audience() == {"events": [str(event.pk)]}


def test_reminder_job_reminds_confirmed_registrants_once(make_event, people):
    soon = make_event("明天的活动", start_in=timedelta(hours=20))
    later = make_event("下周的活动", start_in=timedelta(days=7))
    services.register(soon, people["acme"], attendees=attendees("张三"))
    services.register(later, people["beta"], attendees=attendees("王五"))
    cancelled = services.register(soon, people["person"], attendees=attendees("赵六"))
    services.cancel_registration(cancelled, by=people["person"])

    assert send_event_reminders.call() == 1
    assert send_event_reminders.call() == 0
    reminders = Message.objects.filter(kind="event.reminder")
    assert [m.recipient.username for m in reminders] == ["acme"]
    assert reminders[0].url == reverse("events:handbook", args=[soon.pk])
