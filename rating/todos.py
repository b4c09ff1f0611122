"""企业评价's to-dos on 我的工作台 (see ``workbench.registry``).

An enterprise's admins: this year's self-report while the cycle is open (missing, draft or
returned), or waiting for the department's review once submitted. Reviewers: the submitted
self-reports waiting to be scored, as a count.
"""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from rating.models import Submission, SubmissionState
from rating.selectors import can_report_for, enterprise_of, is_rating_reviewer, open_cycle, review_queue
from workbench.registry import Todo, queue_todo, register


def enterprise_todos(user) -> list[Todo]:
    org = enterprise_of(user)
    cycle = open_cycle() if can_report_for(user, org) else None
    if cycle is None:
        return []
    submission = Submission.objects.filter(cycle=cycle, organization=org).first()
    state = submission.state if submission else None
    if state == SubmissionState.SUBMITTED:
        return [Todo(_("等待评审：%(title)s") % {"title": cycle}, reverse("rating:detail", args=[submission.pk]), mine=False, waiting_on=_("省商务厅"))]
    if state in (None, SubmissionState.DRAFT, SubmissionState.RETURNED):
        step = _("按退回意见修改后重新提交") if state == SubmissionState.RETURNED else _("填报并提交企业自评")
        return [Todo(_("%(step)s：%(title)s") % {"step": step, "title": cycle}, reverse("rating:report", args=[cycle.year]), deadline=cycle.closes_on)]
    return []


def reviewer_todos(user) -> list[Todo]:
    if not is_rating_reviewer(user):
        return []
    submitted = review_queue(state=SubmissionState.SUBMITTED).values_list("pk", flat=True)
    queue = queue_todo(_("待评审的企业评价自评"), reverse("rating:review") + "?state=submitted", [None for _pk in submitted])
    return [queue] if queue else []


def rating_todos(user) -> list[Todo]:
    return enterprise_todos(user) + reviewer_todos(user)


register("rating", gettext_lazy("企业评价"), rating_todos, order=80)
