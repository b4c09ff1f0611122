"""The enterprise archive's registry: each app contributes one section about an organisation.

A contribution is a function ``(org, user) -> list[Item]`` registered under a key with
``register(key, title, func, order=…)``. The archive page calls every registered function and
shows the sections in ``order``. ``user`` is the viewer, so a section may leave out what that
viewer must not see (e.g. personal data for reviewers). Contributions must only read data
(selectors), never change it, and should cost a few queries at most.
"""

from dataclasses import dataclass
from datetime import date, datetime

from django.utils import timezone


@dataclass(frozen=True)
class Item:
    title: str
    status: str
    url: str = ""
    next_step: str = ""  # empty when nothing is due
    deadline: date | None = None
    waiting_on: str = ""  # who takes the next step when it is not the organisation ("市州商务局", "对方单位")

    @property
    def overdue(self) -> bool:
        return bool(self.next_step) and self.deadline is not None and self.deadline < timezone.localdate()


@dataclass(frozen=True)
class Contribution:
    key: str
    title: str
    func: object
    order: int


@dataclass
class Section:
    key: str
    title: str
    items: list[Item]

    @property
    def pending(self) -> list[Item]:
        return [i for i in self.items if i.next_step]


_REGISTRY: dict[str, Contribution] = {}


def register(key: str, title: str, func, *, order: int = 50):
    """Add (or replace) the section ``key``; replacing keeps reloads and tests idempotent."""
    _REGISTRY[key] = Contribution(key, title, func, order)


def unregister(key: str):
    _REGISTRY.pop(key, None)


def registered() -> list[Contribution]:
    return sorted(_REGISTRY.values(), key=lambda c: (c.order, c.key))


def as_date(value) -> date | None:
    """Deadlines may come as datetimes (aware) or dates; the archive shows local dates."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


def sections_for(org, user) -> list[Section]:
    """Every registered section for ``org`` as seen by ``user`` (permission checked by the caller)."""
    return [Section(c.key, c.title, list(c.func(org, user))) for c in registered()]


def next_steps(sections) -> list[tuple[Section, Item]]:
    """All items waiting on someone, soonest deadline first (undated last)."""
    pending = [(s, i) for s in sections for i in s.pending]
    return sorted(pending, key=lambda p: (p[1].deadline is None, p[1].deadline or date.max))


def split_next_steps(steps) -> tuple[list, list]:
    """``next_steps`` in two: the organisation's own to-dos, and those waiting on government or
    another party (``waiting_on`` set); each keeps the deadline order."""
    return [p for p in steps if not p[1].waiting_on], [p for p in steps if p[1].waiting_on]
