"""Pages cost a bounded number of queries however many events and registrations there are."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from events import services
from events.tests.conftest import attendees
from taxonomy.models import Country

pytestmark = pytest.mark.django_db


def count_queries(client, url):
    client.get(url)  # warm the per-process caches (site, settings, taxonomy) so only the page itself is counted
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_list_queries_do_not_grow_with_events(client, make_event):
    kenya = Country.objects.get(code="KE")
    for i in range(3):
        make_event(f"活动{i}", start_in=timedelta(days=i + 1)).countries.add(kenya)
    few = count_queries(client, reverse("events:list"))
    for i in range(3, 12):
        make_event(f"活动{i}", start_in=timedelta(days=i + 1)).countries.add(kenya)
    assert count_queries(client, reverse("events:list")) == few


def test_manage_page_queries_do_not_grow_with_registrations(client, make_event, make_user, make_org, people):
    event = make_event(capacity=100)
    for i in range(3):
        services.register(event, make_user(f"u{i}", org=make_org(f"企业{i}")), attendees=attendees("甲", "乙"))
    client.force_login(people["operator"])
    few = count_queries(client, reverse("events:manage_detail", args=[event.pk]))
    for i in range(3, 15):
        services.register(event, make_user(f"u{i}", org=make_org(f"企业{i}")), attendees=attendees("甲", "乙"))
    assert count_queries(client, reverse("events:manage_detail", args=[event.pk])) == few
