"""Open listings of the market about a country, for the 项目招商 section of its country page (portal.country_registry)."""

from django.urls import reverse

from matching.selectors import market
from portal.country_registry import CountryItem, first_and_total, register


def open_listings_for_country(country_code: str, limit: int):
    # A title and a kind are all the page shows: no prefetching of countries and industries.
    shown, total = first_and_total(market(country=country_code).prefetch_related(None), limit)
    found = [
        CountryItem(title=listing.title, url=reverse("matching:detail", args=[listing.pk]), label=listing.get_kind_display(), when=listing.published_at)
        for listing in shown
    ]
    return found, total


register("projects", open_listings_for_country)
