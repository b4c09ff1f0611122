"""数据报送's to-dos on 我的工作台 (see ``workbench.registry``).

An enterprise: the calls addressed to it that it has not yet submitted and may still fill, with
the closing date. A publisher (department, city bureau): its drafts to publish, the calls still
collecting (waiting on the enterprises, with how many have submitted), and calls past their
closing date that are still open, to close or extend.
"""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from datacalls.models import CallStatus, Submission, SubmissionStatus
from datacalls.selectors import DRAFT, NOT_STARTED, OVERDUE, calls_managed_by, calls_with_status_for_org, can_edit_call, scoped_targets
from filings.selectors import enterprise_of
from workbench.registry import Todo, as_date, register

STEPS = {NOT_STARTED: gettext_lazy("在线填报并提交"), DRAFT: gettext_lazy("完善并提交"), OVERDUE: gettext_lazy("尽快补报（已过截止时间）")}
PUBLISHER_LIMIT = 20  # calls looked at per publisher; each costs two count queries


def enterprise_todos(org) -> list[Todo]:
    items = []
    for call, _submission, status, open_to_change in calls_with_status_for_org(org):
        if status in STEPS and open_to_change:
            items.append(Todo(_("%(step)s：%(title)s") % {"step": STEPS[status], "title": call.title}, reverse("datacalls:fill", args=[call.pk]), deadline=as_date(call.closes_at),
                              note=_("发布单位：%(publisher)s") % {"publisher": call.publisher}))
    return items


def publisher_todos(user) -> list[Todo]:
    now = timezone.now()
    calls = calls_managed_by(user).filter(status__in=[CallStatus.DRAFT, CallStatus.PUBLISHED]).order_by("closes_at")[:PUBLISHER_LIMIT]
    items = []
    for call in calls:
        url = reverse("datacalls:results", args=[call.pk])
        editable = can_edit_call(user, call)
        if call.status == CallStatus.DRAFT:
            if editable:
                items.append(Todo(_("完善并发布：%(title)s") % {"title": call.title}, url, note=_("草稿")))
            continue
        targets = scoped_targets(call, user)
        submitted = Submission.objects.filter(call=call, status=SubmissionStatus.SUBMITTED, organization__in=targets.values("pk")).count()
        progress = _("已提交 %(done)d / %(total)d 家") % {"done": submitted, "total": targets.count()}
        if call.is_past_deadline(now):
            if editable:
                items.append(Todo(_("已过截止时间，结束报送或延期：%(title)s") % {"title": call.title}, url, deadline=as_date(call.closes_at), note=progress))
        elif call.opens_at <= now:
            items.append(Todo(_("收集中：%(title)s") % {"title": call.title}, url, deadline=as_date(call.closes_at), mine=False,
                              waiting_on=_("填报企业"), note=progress))
    return items


def datacalls_todos(user) -> list[Todo]:
    org = enterprise_of(user)
    items = enterprise_todos(org) if org is not None else []
    return items + publisher_todos(user)


register("datacalls", gettext_lazy("数据报送"), datacalls_todos, order=30)
