"""Open listings of the market about a country, for the 项目招商 section of its country page (portal.country_registry)."""

from django.urls import reverse

from matching.selectors import market
from portal.country_registry import CountryItem, register


def open_listings_for_country(country_code: str, limit: int):
    listings = market(country=country_code)
    found = [
        CountryItem(title=listing.title, url=reverse("matching:detail", args=[listing.pk]), label=listing.get_kind_display(), when=listing.published_at)
        for listing in listings[:limit]
    ]
    return found, listings.count()


register("projects", open_listings_for_country)
