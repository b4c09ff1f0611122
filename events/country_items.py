"""Upcoming events about a country, for the 活动展会 section of its country page (portal.country_registry)."""

from django.urls import reverse
from django.utils import timezone

from events.selectors import filter_events, public_events
from portal.country_registry import CountryItem, register


def upcoming_for_country(country_code: str, limit: int):
    events = filter_events(public_events(), country=country_code)
    found = [
        CountryItem(
            title=e.title, url=reverse("events:detail", args=[e.pk]), label=e.get_kind_display(),
            when=timezone.localtime(e.starts_at), place=e.overseas_location or e.venue,
        )
        for e in events[:limit]
    ]
    return found, events.count()


register("events", upcoming_for_country)
