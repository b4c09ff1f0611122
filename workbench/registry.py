"""The to-do registry of 我的工作台: each capability app says what a user must do next.

An app contributes a *provider*, a function ``(user) -> list[Todo]``, from its own ``todos.py``::

    from workbench.registry import Todo, register

    def my_todos(user):
        return [Todo("完善并提交备案：越南饲料厂", "/filings/12/", deadline=date(2026, 5, 1))]

    register("filings", "项目备案", my_todos, order=10)

``autodiscover()`` (run in ``WorkbenchConfig.ready``) imports ``<app>.todos`` for every installed
app, so the workbench imports no capability app and an app without ``todos.py`` simply has no
to-dos. This module imports nothing but Django, so any app may use it.

A provider only reads, through its app's own selectors, so the workbench never shows what that
app would not show the user (an enterprise never sees another organisation's items). It should
cost a few queries and return at most a few dozen items; a queue of many records (a reviewer's)
is one ``Todo`` with ``count`` and ``overdue_count``, not one item per record.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from django.utils import timezone
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from archive.registry import as_date  # one rule for local deadline dates; the apps' todos import it from here


@dataclass(frozen=True)
class Todo:
    title: str
    url: str = ""
    deadline: date | None = None
    count: int = 1  # > 1 when the item stands for a queue of records
    overdue_count: int = 0  # in a queue, how many are already past their deadline
    mine: bool = True  # True: the user (or his organisation) must act; False: waiting on others
    waiting_on: str = ""  # who acts when ``mine`` is False, e.g. "市州商务局"
    note: str = ""  # one line of context ("收到于 2026-04-02", "已提交 3/10 家")

    @property
    def days_left(self) -> int | None:
        """Days until the deadline (negative once past), or None without one."""
        return None if self.deadline is None else (self.deadline - timezone.localdate()).days

    @property
    def overdue(self) -> bool:
        return self.overdue_count > 0 or (self.days_left is not None and self.days_left < 0)

    @property
    def due_label(self) -> str:
        """'X 天后到期' / '今天到期' / '已逾期 X 天' ('' without a deadline)."""
        days = self.days_left
        if days is None:
            return ""
        if days > 0:
            return ngettext("%(days)d 天后到期", "%(days)d 天后到期", days) % {"days": days}
        if days == 0:
            return _("今天到期")
        return ngettext("已逾期 %(days)d 天", "已逾期 %(days)d 天", -days) % {"days": -days}


@dataclass(frozen=True)
class Provider:
    key: str
    label: str
    func: Callable
    order: int


@dataclass
class Group:
    """One provider's items for one user, with its counts."""

    key: str
    label: str
    items: list[Todo] = field(default_factory=list)

    @property
    def mine_count(self) -> int:
        return sum(t.count for t in self.items if t.mine)

    @property
    def waiting_count(self) -> int:
        return sum(t.count for t in self.items if not t.mine)

    @property
    def overdue_count(self) -> int:
        return sum(t.overdue_count or (t.count if t.overdue else 0) for t in self.items if t.mine)


@dataclass
class Board:
    """Everything the workbench shows: the user's own to-dos and what waits on others, each sorted
    overdue first, then by deadline (undated last), and the counts per group."""

    groups: list[Group]
    mine: list[tuple[Group, Todo]]
    waiting: list[tuple[Group, Todo]]

    @property
    def mine_count(self) -> int:
        return sum(g.mine_count for g in self.groups)

    @property
    def waiting_count(self) -> int:
        return sum(g.waiting_count for g in self.groups)

    @property
    def overdue_count(self) -> int:
        return sum(g.overdue_count for g in self.groups)


_REGISTRY: dict[str, Provider] = {}


def register(key: str, label: str, func: Callable, *, order: int = 50):
    """Add (or replace) the provider ``key``; replacing keeps reloads and tests idempotent."""
    _REGISTRY[key] = Provider(key, label, func, order)


def unregister(key: str):
    _REGISTRY.pop(key, None)


def registered() -> list[Provider]:
    return sorted(_REGISTRY.values(), key=lambda p: (p.order, p.key))


def autodiscover():
    """Import ``<app>.todos`` of every installed app; each registers its providers on import."""
    autodiscover_modules("todos")


def queue_todo(title: str, url: str, deadlines, **fields) -> Todo | None:
    """One ``Todo`` standing for a queue: ``deadlines`` holds one date (or None) per record.

    The item carries the count, how many are overdue, and the earliest deadline; None when the
    queue is empty, so a provider can write ``[t for t in (queue_todo(…), …) if t]``.
    """
    deadlines = [as_date(d) for d in deadlines]
    if not deadlines:
        return None
    today = timezone.localdate()
    dated = [d for d in deadlines if d is not None]
    return Todo(title, url, deadline=min(dated) if dated else None, count=len(deadlines),
                overdue_count=sum(1 for d in dated if d < today), **fields)


def urgency(todo: Todo):
    """Sort key: overdue first, then the soonest deadline, undated last."""
    return (not todo.overdue, todo.deadline is None, todo.deadline or date.max)


def board_for(user) -> Board:
    """Every registered provider's to-dos for ``user``, grouped and sorted."""
    groups = [Group(p.key, p.label, list(p.func(user))) for p in registered()]
    groups = [g for g in groups if g.items]
    pairs = [(g, t) for g in groups for t in g.items]
    return Board(
        groups=groups,
        mine=sorted((p for p in pairs if p[1].mine), key=lambda p: urgency(p[1])),
        waiting=sorted((p for p in pairs if not p[1].mine), key=lambda p: urgency(p[1])),
    )
