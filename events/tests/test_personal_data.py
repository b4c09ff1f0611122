"""Cancelling an account erases the names and mobiles the person registered for events."""

import pytest

from accounts import personal_data
from accounts.services.account import cancel_account
from events import services
from events.models import Attendee, Registration
from events.tests.conftest import attendees

pytestmark = pytest.mark.django_db


def test_cancellation_erases_attendees_and_keeps_the_registration_count(make_event, make_user):
    event = make_event(capacity=50)
    user = make_user("wang")
    services.register(event, user, attendees=attendees("王五"), note="需要翻译")
    exported = personal_data.export(user)["events"]
    assert exported[0]["event"] == event.title and [a["name"] for a in exported[0]["attendees"]] == ["王五"]

    cancel_account(user)

    assert Registration.objects.filter(event=event).count() == 1
    assert Registration.objects.get(event=event).note == ""
    assert set(Attendee.objects.values_list("name", "mobile")) == {("已注销", "")}
