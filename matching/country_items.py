"""Open listings of the market about a country, for the 项目招商 section of its country page (portal.country_registry)."""

from django.urls import reverse

from matching.selectors import market
from portal.country_registry import CountryItem, register


def open_listings_for_country(country_code: str, limit: int):
    listings = market(country=country_code).prefetch_related(None)  # a title and a kind are all the page shows
    shown = list(listings[:limit])
    found = [
        CountryItem(title=listing.title, url=reverse("matching:detail", args=[listing.pk]), label=listing.get_kind_display(), when=listing.published_at)
        for listing in shown
    ]
    # Counting costs a query only when the page shows a full section (there may be more).
    return found, len(shown) if len(shown) < limit else listings.count()


register("projects", open_listings_for_country)
