"""项目备案's to-dos on 我的工作台 (see ``workbench.registry``).

An enterprise: its filings that wait on it (drafts, returned for correction, a progress report
due soon) and those waiting on a bureau. A reviewer: the queue of its own review step, as counts.
"""

from datetime import timedelta

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from filings.models import State
from filings.selectors import awaiting_review_by, enterprise_of, filings_visible_to, next_step, review_queue, with_last_progress
from filings.services import pending_reports_for
from filings.workflow import CITY_STAGE, PROVINCE_STAGE
from workbench.registry import Todo, queue_todo, register

PROGRESS_WARNING_DAYS = 30  # a filed project's progress report shows once it is due within this many days
LIVE_STATES = [State.DRAFT, State.RETURNED, *CITY_STAGE, *PROVINCE_STAGE, State.FILED]


def _waiting_on(actor: str) -> str:
    return {"city": _("市州商务局"), "province": _("省商务厅")}.get(actor, "")


def enterprise_todos(user, org) -> list[Todo]:
    now = timezone.now()
    filings = with_last_progress(filings_visible_to(user).filter(organization=org, state__in=LIVE_STATES)).order_by("-updated_at")[:50]
    items = []
    for f in filings:
        step = next_step(f, now)
        if not step["actor"]:
            continue
        if f.state == State.FILED and (step["deadline"] is None or step["deadline"] > now.date() + timedelta(days=PROGRESS_WARNING_DAYS)):
            continue
        mine = step["actor"] == "enterprise"
        items.append(Todo(_("%(step)s：%(project)s") % {"step": step["text"], "project": f.project_name}, reverse("filings:detail", args=[f.pk]), deadline=step["deadline"],
                          mine=mine, waiting_on="" if mine else _waiting_on(step["actor"]), note=f"{f.get_kind_display()} · {f.get_state_display()}"))
    return items


def _review_deadlines(filings, days):
    return [((changed or updated) + timedelta(days=days)).date() for changed, updated in filings.values_list("state_changed_at", "updated_at")]


def reviewer_todos(user) -> list[Todo]:
    waiting = review_queue(user) & awaiting_review_by(user)
    queue = reverse("filings:queue")
    items = [
        queue_todo(_("待市州初审的项目备案"), queue, _review_deadlines(waiting.filter(state__in=CITY_STAGE), settings.FILINGS_CITY_REVIEW_DAYS)),
        queue_todo(_("待省厅审核的项目备案"), queue, _review_deadlines(waiting.filter(state__in=PROVINCE_STAGE), settings.FILINGS_PROVINCE_REVIEW_DAYS)),
        queue_todo(_("待确认的变更/进展报告"), queue, [None] * pending_reports_for(user).count()),
    ]
    return [t for t in items if t]


def filings_todos(user) -> list[Todo]:
    items = []
    org = enterprise_of(user)
    if org is not None:
        items += enterprise_todos(user, org)
    return items + reviewer_todos(user)


register("filings", gettext_lazy("项目备案"), filings_todos, order=10)
