"""外派劳务备案's to-dos on 我的工作台 (see ``workbench.registry``): an enterprise's drafts and
returned filings (and those waiting on a bureau); a reviewer's queue of submitted filings, as a count."""

from datetime import timedelta

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from filings.selectors import enterprise_of
from labour.models import State
from labour.selectors import REVIEW_DAYS, dispatches_visible_to, next_step, review_queue
from workbench.registry import Todo, queue_todo, register


def labour_todos(user) -> list[Todo]:
    items = []
    org = enterprise_of(user)
    if org is not None:
        live = dispatches_visible_to(user).filter(organization=org, state__in=[State.DRAFT, State.RETURNED, State.SUBMITTED]).order_by("-updated_at")[:50]
        for f in live:
            text, deadline = next_step(f)
            mine = f.state != State.SUBMITTED
            items.append(Todo(_("%(step)s：%(project)s（%(country)s）") % {"step": text, "project": f.project_name, "country": f.country.display_name}, reverse("labour:detail", args=[f.pk]), deadline=deadline,
                              mine=mine, waiting_on="" if mine else _("商务主管部门"), note=f.get_state_display()))
    submitted = review_queue(user).filter(state=State.SUBMITTED).values_list("submitted_at", flat=True)
    queue = queue_todo(_("待审核的外派劳务备案"), reverse("labour:queue"), [at + timedelta(days=REVIEW_DAYS) if at else None for at in submitted])
    return items + ([queue] if queue else [])


register("labour", gettext_lazy("外派劳务备案"), labour_todos, order=20)
