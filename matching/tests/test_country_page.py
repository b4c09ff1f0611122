"""A country page's 项目招商 section lists the open listings of the market about that country (portal.country_registry)."""

import pytest
from django.core.cache import cache

pytestmark = pytest.mark.django_db


def test_a_country_page_lists_open_listings_about_the_country(client, publish, buyer, listing_data, settings):
    from matching.services import listings as services
    from portal.models import CountryPage

    settings.PORTAL_PAGE_CACHE_SECONDS = 0
    cache.clear()
    open_listing = publish(buyer, countries=["KE"], title="肯尼亚道路工程寻求施工设备")
    publish(buyer, countries=["VN"], title="越南纺织厂采购缝纫设备")
    pending = services.save_listing(by=buyer, data=listing_data(title="肯尼亚待审核的需求"), countries=["KE"], industries=["C"], submit=True)

    html = client.get(CountryPage.objects.get(country_id="KE").url).content.decode()
    section = html[html.index('id="section-projects"') :].split("</section>", 1)[0]
    assert open_listing.title in section and f"/matching/listings/{open_listing.pk}/" in section
    assert "越南纺织厂采购缝纫设备" not in section and pending.title not in section
