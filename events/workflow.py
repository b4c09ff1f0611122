"""The event state machine: every allowed move listed once, as data.

``who`` names the capability the actor needs: ``manage`` (the organiser of this event, see
``selectors.can_manage``) or ``review`` (a professional-class reviewer, ``selectors.can_review``).
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from events.models import Status


@dataclass(frozen=True)
class Transition:
    name: str
    label: str
    source: tuple
    target: str
    who: str
    comment_required: bool = False
    irreversible: bool = False  # confirmed before it is made (config/decisions.py)
    secondary: bool = False  # a step back, shown in the quiet style


TRANSITIONS = [
    Transition("submit", _("提交审核"), (Status.DRAFT,), Status.IN_REVIEW, "manage"),
    Transition("approve", _("审核通过并发布"), (Status.IN_REVIEW,), Status.PUBLISHED, "review"),
    Transition("return", pgettext_lazy("action", "退回修改"), (Status.IN_REVIEW,), Status.DRAFT, "review", comment_required=True, secondary=True),
    Transition("cancel", _("取消活动"), (Status.PUBLISHED, Status.IN_REVIEW, Status.DRAFT), Status.CANCELLED, "manage", comment_required=True, irreversible=True),
]
BY_NAME = {t.name: t for t in TRANSITIONS}


def available(event, *, may_manage: bool, may_review: bool):
    """Transitions the actor may apply to ``event`` now."""
    allowed = {"manage": may_manage, "review": may_review}
    return [t for t in TRANSITIONS if event.status in t.source and allowed[t.who]]
