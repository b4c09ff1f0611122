"""Upcoming events about a country, for the 活动展会 section of its country page (portal.country_registry)."""

from django.urls import reverse
from django.utils import timezone

from events.selectors import filter_events, public_events
from portal.country_registry import CountryItem, first_and_total, register


def upcoming_for_country(country_code: str, limit: int):
    shown, total = first_and_total(filter_events(public_events(), country=country_code), limit)
    found = [
        CountryItem(
            title=e.title, url=reverse("events:detail", args=[e.pk]), label=e.get_kind_display(),
            when=timezone.localtime(e.starts_at), place=e.overseas_location or e.venue,
        )
        for e in shown
    ]
    return found, total


register("events", upcoming_for_country)
