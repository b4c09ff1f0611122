"""园区年度考核's to-dos on 我的工作台 (see ``workbench.registry``).

An overseas zone: last year's report if it is missing (due 31 March), a draft to submit, a report
waiting for the department's score. The department: the submitted reports waiting to be scored.
Reports are read through ``reports_visible_to``.
"""

from datetime import date

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext

from filings.selectors import is_department
from workbench.registry import Todo, queue_todo, register
from zones.models import State
from zones.selectors import reports_visible_to, zone_of


def due_on(year: int) -> date:
    """A year's report is due on 31 March of the following year."""
    return date(year + 1, 3, 31)


def zone_todos(user, zone) -> list[Todo]:
    reports = list(reports_visible_to(user).filter(zone=zone))
    items = []
    due_year = timezone.localdate().year - 1
    if not any(r.year == due_year for r in reports):
        items.append(Todo(_("填报 %(year)d 年度园区考核材料") % {"year": due_year}, reverse("zones:create"), deadline=due_on(due_year), note=_("尚未填报")))
    for r in reports:
        url = reverse("zones:detail", args=[r.pk])
        if r.state == State.DRAFT:
            items.append(Todo(_("完善并提交 %(year)d 年度考核材料") % {"year": r.year}, url, deadline=due_on(r.year),
                              note=_("退回意见：%(c)s") % {"c": r.return_comment[:60]} if r.return_comment else pgettext("考核材料状态", "填报中")))
        elif r.state == State.SUBMITTED:
            items.append(Todo(_("等待评分：%(year)d 年度园区考核") % {"year": r.year}, url, mine=False, waiting_on=_("省商务厅")))
    return items


def zones_todos(user) -> list[Todo]:
    zone = zone_of(user)
    items = zone_todos(user, zone) if zone is not None else []
    if is_department(user):
        submitted = reports_visible_to(user).filter(state=State.SUBMITTED).values_list("pk", flat=True)
        queue = queue_todo(_("待评分的园区考核"), reverse("zones:review"), [None for _pk in submitted])
        items += [queue] if queue else []
    return items


register("zones", gettext_lazy("园区年度考核"), zones_todos, order=70)
