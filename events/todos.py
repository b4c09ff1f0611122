"""活动与报名's to-dos on 我的工作台 (see ``workbench.registry``).

A registrant: events he is confirmed for in the coming week, and registrations waiting on the
organiser (approval, waiting list). An organiser: registrations to approve, per event. A reviewer:
the events waiting for review, as a count.
"""

from datetime import timedelta

from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from events.models import RegistrationStatus
from events.selectors import manageable_events, own_registrations, review_queue
from workbench.registry import Todo, as_date, queue_todo, register

SOON_DAYS = 7  # confirmed events show from a week before they start
LIMIT = 30


def registrant_todos(user) -> list[Todo]:
    now = timezone.now()
    waiting = {RegistrationStatus.PENDING: _("等待主办方审核报名"), RegistrationStatus.WAITLISTED: _("候补中，等待空出名额")}
    regs = own_registrations(user).filter(event__ends_at__gte=now, status__in=[RegistrationStatus.CONFIRMED, *waiting]).order_by("event__starts_at")[:LIMIT]
    items = []
    for r in regs:
        event = r.event
        when = timezone.localtime(event.starts_at)
        url = reverse("events:detail", args=[event.pk])
        if r.status == RegistrationStatus.CONFIRMED:
            if event.starts_at <= now + timedelta(days=SOON_DAYS):
                items.append(Todo(_("按时参会：%(title)s") % {"title": event.title}, url, deadline=when.date(),
                                  note=_("%(when)s 开始 · 参会手册含入场码") % {"when": f"{when:%m-%d %H:%M}"}))
        else:
            items.append(Todo(_("%(waiting)s：%(title)s") % {"waiting": waiting[r.status], "title": event.title}, url, deadline=None, mine=False, waiting_on=_("主办方"),
                              note=_("%(when)s 开始") % {"when": f"{when:%Y-%m-%d %H:%M}"}))
    return items


def organiser_todos(user) -> list[Todo]:
    now = timezone.now()
    events = (manageable_events(user).filter(ends_at__gte=now, registrations__status=RegistrationStatus.PENDING)
              .annotate(pending=Count("registrations")).order_by("starts_at")[:LIMIT])
    items = [
        Todo(_("审核报名：%(title)s") % {"title": e.title}, reverse("events:manage_detail", args=[e.pk]), count=e.pending,
             deadline=as_date(e.registration_closes_at or e.starts_at), note=ngettext("%(n)d 条报名待审核", "%(n)d 条报名待审核", e.pending) % {"n": e.pending})
        for e in events
    ]
    # An event must be reviewed before it starts: its start is the reviewer's deadline.
    queue = queue_todo(_("待审核的活动"), reverse("events:manage"), review_queue(user).values_list("starts_at", flat=True))
    return items + ([queue] if queue else [])


def events_todos(user) -> list[Todo]:
    return registrant_todos(user) + organiser_todos(user)


register("events", gettext_lazy("活动报名"), events_todos, order=50)
