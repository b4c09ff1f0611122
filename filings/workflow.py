"""The filing state machine as data: every allowed transition in one table.

``Actor`` says who may take a transition:

* ``ENTERPRISE`` – a member of the organisation that owns the filing;
* ``REVIEWER``   – whoever reviews the filing in its current state: the city bureau of the
  filing's jurisdiction while it is ``submitted``/``city_review``, the department
  (DEPT_REVIEWER / DEPT_ADMIN) while it is ``provincial_review``;
* ``CITY``       – the city bureau of the filing's jurisdiction;
* ``PROVINCE``   – the department.

Province-level enterprises (``jurisdiction == "province"``) have no city bureau, so
``submit`` takes them straight to provincial review (``province_target``).
"""

from dataclasses import dataclass
from enum import StrEnum

from django.utils.translation import pgettext_lazy

from filings.models import State


class Actor(StrEnum):
    ENTERPRISE = "enterprise"
    REVIEWER = "reviewer"
    CITY = "city"
    PROVINCE = "province"


@dataclass(frozen=True)
class Transition:
    name: str
    label: str  # lazily translated (context "filing action": 不予备案 is also a state and a notification kind)
    sources: frozenset
    target: str
    actors: frozenset
    comment_required: bool = False
    province_target: str | None = None  # target for province-level enterprises, when different
    notify_kind: str = ""
    # A final decision that cannot be undone: the page asks the reviewer to confirm it and shows it
    # apart from the safe actions.
    irreversible: bool = False

    @property
    def secondary(self) -> bool:
        """A step back (退回, 撤回), shown in the quiet style on the page."""
        return self.name in ("withdraw", "return")

    def target_for(self, filing) -> str:
        if self.province_target and filing.is_province_level:
            return self.province_target
        return self.target


S = State
REVIEWABLE = frozenset({S.SUBMITTED, S.CITY_REVIEW, S.PROVINCIAL_REVIEW})

TRANSITIONS = {
    t.name: t
    for t in [
        Transition("submit", pgettext_lazy("filing action", "提交备案"), frozenset({S.DRAFT, S.RETURNED}), S.SUBMITTED, frozenset({Actor.ENTERPRISE}), province_target=S.PROVINCIAL_REVIEW),
        Transition("start_review", pgettext_lazy("filing action", "受理初审"), frozenset({S.SUBMITTED}), S.CITY_REVIEW, frozenset({Actor.CITY})),
        Transition("forward", pgettext_lazy("filing action", "初审通过，报省厅"), frozenset({S.CITY_REVIEW}), S.PROVINCIAL_REVIEW, frozenset({Actor.CITY})),
        # The order is the order of the buttons on every page: going ahead, sending back, refusing.
        Transition("file", pgettext_lazy("filing action", "准予备案"), frozenset({S.PROVINCIAL_REVIEW}), S.FILED, frozenset({Actor.PROVINCE}), irreversible=True),
        Transition("return", pgettext_lazy("filing action", "退回修改"), REVIEWABLE, S.RETURNED, frozenset({Actor.REVIEWER}), comment_required=True),
        Transition("reject", pgettext_lazy("filing action", "不予备案"), frozenset({S.CITY_REVIEW, S.PROVINCIAL_REVIEW}), S.REJECTED, frozenset({Actor.REVIEWER}), comment_required=True, irreversible=True),
        Transition("withdraw", pgettext_lazy("filing action", "撤回"), REVIEWABLE, S.WITHDRAWN, frozenset({Actor.ENTERPRISE})),
        Transition("reopen", pgettext_lazy("filing action", "重新编辑"), frozenset({S.WITHDRAWN}), S.DRAFT, frozenset({Actor.ENTERPRISE})),
        Transition("cancel", pgettext_lazy("filing action", "注销备案"), frozenset({S.FILED}), S.CANCELLED, frozenset({Actor.ENTERPRISE, Actor.PROVINCE}), comment_required=True, irreversible=True),
    ]
}

EDITABLE_STATES = frozenset({S.DRAFT, S.RETURNED})
# States a reviewer is waiting on, with the bureau that acts in each.
CITY_STAGE = frozenset({S.SUBMITTED, S.CITY_REVIEW})
PROVINCE_STAGE = frozenset({S.PROVINCIAL_REVIEW})


def transitions_from(state: str) -> list[Transition]:
    return [t for t in TRANSITIONS.values() if state in t.sources]
