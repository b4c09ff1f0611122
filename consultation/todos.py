"""互动交流's to-dos on 我的工作台 (see ``workbench.registry``).

An asker: replies to read and rate, and questions still waiting for a reply (with its deadline).
Staff: the open enquiries assigned to them one by one, and the rest of their queue as a count,
overdue first.
"""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from consultation.models import Status
from consultation.selectors import enquiries_visible_to, own_enquiries
from workbench.registry import Todo, as_date, queue_todo, register

LIMIT = 30


def asker_todos(user) -> list[Todo]:
    items = []
    for e in own_enquiries(user).filter(status=Status.ANSWERED, rating__isnull=True).order_by("-answered_at")[:LIMIT]:
        items.append(Todo(_("查看答复，满意请评价：%(subject)s") % {"subject": e.subject}, reverse("consultation:mine_detail", args=[e.pk]),
                          note=_("答复于 %(date)s") % {"date": f"{as_date(e.answered_at):%Y-%m-%d}"} if e.answered_at else ""))
    for e in own_enquiries(user).filter(status=Status.OPEN).order_by("due_at")[:LIMIT]:
        items.append(Todo(_("等待答复：%(subject)s") % {"subject": e.subject}, reverse("consultation:mine_detail", args=[e.pk]),
                          deadline=as_date(e.due_at), mine=False, waiting_on=_("承办部门"), note=e.get_category_display()))
    return items


def handler_todos(user) -> list[Todo]:
    open_ = enquiries_visible_to(user).filter(status=Status.OPEN)
    items = [
        Todo(_("答复咨询：%(subject)s") % {"subject": e.subject}, reverse("consultation:staff_detail", args=[e.pk]), deadline=as_date(e.due_at),
             note=_("指派给我 · %(category)s") % {"category": e.get_category_display()})
        for e in open_.filter(assignee=user).order_by("due_at")[:LIMIT]
    ]
    # pk too: the visibility query may be DISTINCT, which would fold enquiries due at the same moment
    due = [due_at for _pk, due_at in open_.exclude(assignee=user).values_list("pk", "due_at")]
    rest = queue_todo(_("本组待答复的咨询"), reverse("consultation:staff_list"), due)
    return items + ([rest] if rest else [])


def consultation_todos(user) -> list[Todo]:
    return asker_todos(user) + handler_todos(user)


register("consultation", gettext_lazy("咨询"), consultation_todos, order=40)
