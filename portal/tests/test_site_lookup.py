"""The site of a request is remembered per host (portal/site_lookup.py) and agrees with Wagtail's."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Site

from portal import site_lookup


def _site_queries(client, url="/", **headers):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, **headers)
    assert response.status_code == 200
    return sum('"wagtailcore_site"' in q["sql"] for q in ctx.captured_queries)


@pytest.mark.django_db
def test_the_site_is_looked_up_once_per_host_and_then_remembered(client, home, monkeypatch):
    assert _site_queries(client) >= 1  # the first request (also fills Wagtail's own root-path cache)
    assert _site_queries(client) == 0
    assert _site_queries(client, "/news/") == 0
    monkeypatch.setattr(site_lookup, "SECONDS", 0.0)  # the control: nothing remembered
    site_lookup.forget()
    assert _site_queries(client) == 1
    assert _site_queries(client) == 1


@pytest.mark.django_db
def test_the_remembered_site_is_wagtails_answer_for_every_host(rf, home, settings):
    settings.ALLOWED_HOSTS = ["*"]
    other_root = home.add_child(instance=Page(title="Other site", slug="other-site"))
    other = Site.objects.create(hostname="other.example", port=80, root_page=other_root)
    for host in ["other.example", "testserver", "unknown.example"]:
        request = rf.get("/", HTTP_HOST=host)
        expected = Site._find_for_request(request)
        assert site_lookup.site_for(request) == expected
        assert site_lookup.site_for(rf.get("/", HTTP_HOST=host)) == expected  # from memory
    assert site_lookup.site_for(rf.get("/", HTTP_HOST="other.example")) == other


@pytest.mark.django_db
def test_each_request_gets_its_own_site_object(rf, home):
    first = site_lookup.site_for(rf.get("/"))
    first.root_page  # fills this object's cache only
    second = site_lookup.site_for(rf.get("/"))
    assert second == first and second is not first
    assert "root_page" not in second._state.fields_cache


@pytest.mark.django_db
def test_a_saved_site_is_seen_at_once_and_other_processes_see_it_within_a_minute(rf, home, monkeypatch):
    site = Site.objects.get(is_default_site=True)
    assert site_lookup.site_for(rf.get("/")).site_name == site.site_name
    site.site_name = "湘企出海+（新）"
    site.save()  # this process: forgotten by the signal
    assert site_lookup.site_for(rf.get("/")).site_name == "湘企出海+（新）"

    Site.objects.filter(pk=site.pk).update(site_name="改于另一进程")  # no signal, as in another process
    assert site_lookup.site_for(rf.get("/")).site_name == "湘企出海+（新）"
    now = site_lookup.time.monotonic()
    monkeypatch.setattr(site_lookup.time, "monotonic", lambda: now + site_lookup.SECONDS + 1)
    assert site_lookup.site_for(rf.get("/")).site_name == "改于另一进程"


@pytest.mark.django_db
def test_no_more_than_max_hosts_are_remembered(rf, home, settings):
    settings.ALLOWED_HOSTS = ["*"]
    for i in range(site_lookup.MAX_HOSTS + 5):
        site_lookup.site_for(rf.get("/", HTTP_HOST=f"h{i}.example"))
    assert len(site_lookup._known) <= site_lookup.MAX_HOSTS
