from datetime import timedelta

import pytest
from django.utils import timezone

from events.models import Event, Kind, Status
from events.selectors import upcoming_events


def make_event(title, *, start_in_days, status=Status.PUBLISHED, city="changsha", length_hours=4):
    start = timezone.now() + timedelta(days=start_in_days)
    return Event.objects.create(title=title, summary="s", kind=Kind.CONFERENCE, status=status, city=city,
                                organizer_name="省商务厅", starts_at=start, ends_at=start + timedelta(hours=length_hours),
                                published_at=timezone.now() if status == Status.PUBLISHED else None)


@pytest.mark.django_db
def test_upcoming_events_are_published_unfinished_and_soonest_first():
    later = make_event("later", start_in_days=10)
    sooner = make_event("sooner", start_in_days=2)
    running = make_event("running", start_in_days=-1, length_hours=48)
    make_event("ended", start_in_days=-5)
    make_event("draft", start_in_days=1, status=Status.DRAFT)
    make_event("review", start_in_days=1, status=Status.IN_REVIEW)
    make_event("cancelled", start_in_days=1, status=Status.CANCELLED)
    assert upcoming_events() == [running, sooner, later]
    assert upcoming_events(limit=2) == [running, sooner]


@pytest.mark.django_db
def test_upcoming_events_filters_by_city():
    cs = make_event("cs", start_in_days=3, city="changsha")
    make_event("zz", start_in_days=1, city="zhuzhou")
    assert upcoming_events(city_code="changsha") == [cs]
