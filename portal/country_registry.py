"""What the rest of the site knows about a country, for its country page.

A country page shows articles tagged with the country (``country_sections``) and, in some of its
sections, what other apps hold about the country: upcoming events in 活动展会, open listings of the
matchmaking market in 项目招商. Each such app has a ``country_items.py`` that registers its provider
when imported; ``autodiscover`` (called by the portal's ``ready``) imports them, so the portal
imports none of those apps (the same pattern as ``workbench.registry``).

A provider is ``provider(country_code, limit) -> (items, total)``: at most ``limit`` ``CountryItem``
for the page and how many there are in all.
"""

from dataclasses import dataclass
from datetime import date, datetime

from django.utils.module_loading import autodiscover_modules

_providers: dict[str, list] = {}


@dataclass(frozen=True)
class CountryItem:
    title: str
    url: str
    label: str  # what it is, e.g. 活动 or 需求
    when: date | datetime | None = None
    place: str = ""


def first_and_total(queryset, limit: int) -> tuple[list, int]:
    """The first ``limit`` rows and how many there are; the count costs a query only when the rows
    fill the section (otherwise there are no more)."""
    shown = list(queryset[:limit])
    return shown, len(shown) if len(shown) < limit else queryset.count()


def register(section: str, provider) -> None:
    """Add ``provider`` to a section of every country page (``section`` is a key of ``SECTIONS``)."""
    if provider not in _providers.setdefault(section, []):
        _providers[section].append(provider)


def items_for(section: str, country_code: str, limit: int) -> tuple[list[CountryItem], int]:
    items, total = [], 0
    for provider in _providers.get(section, []):
        found, count = provider(country_code, limit)
        items.extend(found)
        total += count
    return items[:limit], total


def autodiscover() -> None:
    """Import ``<app>.country_items`` of every installed app; each registers its providers on import."""
    autodiscover_modules("country_items")
