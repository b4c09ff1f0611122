"""Upcoming events about a country, for the 活动展会 section of its country page (portal.country_registry)."""

from django.urls import reverse
from django.utils import timezone

from events.selectors import filter_events, public_events
from portal.country_registry import CountryItem, register


def upcoming_for_country(country_code: str, limit: int):
    events = filter_events(public_events(), country=country_code)
    shown = list(events[:limit])
    found = [
        CountryItem(
            title=e.title, url=reverse("events:detail", args=[e.pk]), label=e.get_kind_display(),
            when=timezone.localtime(e.starts_at), place=e.overseas_location or e.venue,
        )
        for e in shown
    ]
    # Counting costs a query only when the page shows a full section (there may be more).
    return found, len(shown) if len(shown) < limit else events.count()


register("events", upcoming_for_country)
