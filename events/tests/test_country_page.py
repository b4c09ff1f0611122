"""A country page's 活动展会 section lists the upcoming events about that country (portal.country_registry)."""

from datetime import timedelta

import pytest
from django.core.cache import cache

from events.models import Status

pytestmark = pytest.mark.django_db


def test_a_country_page_lists_upcoming_events_about_the_country(client, make_event, settings):
    from portal.models import CountryPage
    from taxonomy.models import Country

    settings.PORTAL_PAGE_CACHE_SECONDS = 0
    cache.clear()
    kenya = Country.objects.get(code="KE")
    upcoming = make_event("内罗毕湖南产品推介会")
    upcoming.countries.add(kenya)
    make_event("越南市场对接会").countries.add(Country.objects.get(code="VN"))
    past = make_event("肯尼亚往期考察", start_in=timedelta(days=-30))
    past.countries.add(kenya)
    make_event("肯尼亚待审核活动", status=Status.IN_REVIEW).countries.add(kenya)

    html = client.get(CountryPage.objects.get(country_id="KE").url).content.decode()
    section = html[html.index('id="section-events"') :].split("</section>", 1)[0]
    assert "内罗毕湖南产品推介会" in section and f"/events/{upcoming.pk}/" in section
    assert "越南市场对接会" not in section and "肯尼亚往期考察" not in section and "肯尼亚待审核活动" not in section
    assert "暂无相关信息" not in section
