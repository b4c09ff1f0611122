import io

import pytest
from django.utils import timezone

from accounts import demo as accounts_demo
from events import demo
from events.models import Event, Registration, RegistrationStatus
from events.selectors import upcoming_events

pytestmark = pytest.mark.django_db


def test_demo_covers_the_cities_and_loads_idempotently():
    accounts_demo.load(io.StringIO())
    demo.load(io.StringIO())
    demo.load(io.StringIO())
    assert Event.objects.count() == len(demo.EVENTS) + 1
    assert Event.objects.filter(sino_africa=True).count() >= 5
    cities = set(Event.objects.values_list("city", flat=True))
    assert {"changsha", "zhuzhou", "xiangtan", "hengyang", "shaoyang", "yueyang", "changde", "zhangjiajie", "yiyang",
            "chenzhou", "yongzhou", "huaihua", "loudi", "xiangxi", "province"} <= cities
    assert Event.objects.exclude(recap="").count() == 5
    assert Registration.objects.filter(user__username="enterprise", status=RegistrationStatus.CONFIRMED).count() == 3
    assert Registration.objects.filter(status=RegistrationStatus.WAITLISTED).count() == 1
    assert upcoming_events(limit=3)[0].title == "对非工程承包合规与风险防范培训"


def test_demo_events_start_when_their_agenda_says_in_shanghai_time():
    accounts_demo.load(io.StringIO())
    demo.load(io.StringIO())
    first_item = demo.AGENDA.split()[0]  # "09:00"
    for event in Event.objects.filter(title__in=[row[0] for row in demo.EVENTS]):
        assert timezone.localtime(event.starts_at).strftime("%H:%M") == first_item, event.title
    review = Event.objects.get(title__endswith="（待审核）")
    assert timezone.localtime(review.starts_at).hour == 14
