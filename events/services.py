"""State changes of events and registrations.

Each function checks permission and state, changes the rows in one transaction, writes the
audit entry where the change matters to oversight, and notifies through ``notifications``.
Seats are counted under a row lock on the event, so two last-minute registrations cannot both
take the final seat.
"""

import re
from datetime import timedelta

import nh3
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse
from django.utils import dateformat, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from audit.services import log
from events import selectors, workflow
from events.models import Attendee, Event, Registration, RegistrationStatus, Status
from notifications.services import notify

ALLOWED_TAGS = {"p", "br", "h2", "h3", "h4", "b", "strong", "i", "em", "ul", "ol", "li", "a", "blockquote", "hr"}
HTML_HINT = re.compile(r"<\s*[a-zA-Z][^>]*>")


class EventError(Exception):
    """A rule of the event or registration was broken; ``str(exc)`` is the Chinese explanation."""


def clean_rich_text(text: str) -> str:
    """Sanitised HTML: tags outside a small safe set and every script/style are removed."""
    text = (text or "").strip()
    if not text:
        return ""
    if not HTML_HINT.search(text):
        from django.utils.html import escape

        return "".join(f"<p>{escape(p.strip())}</p>" for p in re.split(r"\r?\n\s*\r?\n|\r?\n", text) if p.strip())
    return nh3.clean(text, tags=ALLOWED_TAGS, attributes={"a": {"href"}}, url_schemes={"http", "https", "mailto"}, link_rel="noopener noreferrer")


def _link(event):
    return reverse("events:detail", args=[event.pk])


# --- events ----------------------------------------------------------------------------------

def save_event(event: Event, *, by, request=None, creating: bool) -> Event:
    """Save an event edited in a form: rich text sanitised, organiser org enforced, waitlist re-run."""
    if creating:
        if not selectors.can_create(by):
            raise PermissionDenied(_("您没有发布活动的权限"))
        event.created_by = by
        org = selectors.organizer_org_of(by)
        if not by.has_perm("events.manage_all_events"):
            if org is not None:
                event.organizer_org = org  # an institution organises only under its own name
                event.organizer_name = event.organizer_name or org.name
            elif selectors.bureau_city_of(by):
                event.city = selectors.bureau_city_of(by)  # a city bureau organises its own city's events
    elif not selectors.can_manage(by, event):
        raise PermissionDenied(_("您不能修改其他单位的活动"))
    event.body = clean_rich_text(event.body)
    event.recap = clean_rich_text(event.recap)
    with transaction.atomic():
        event.save()
        log("events.create" if creating else "events.update", actor=by, request=request, target=event)
        if not creating:
            promote_waitlist(event)
    return event


def apply_transition(event: Event, name: str, *, by, comment: str = "", request=None) -> Event:
    """Move ``event`` along ``workflow.TRANSITIONS``; cancelling tells every registrant."""
    t = workflow.BY_NAME.get(name)
    if t is None:
        raise EventError(_("未知的操作"))
    allowed = workflow.available(event, may_manage=selectors.can_manage(by, event), may_review=selectors.can_review(by))
    if t not in allowed:
        if event.status not in t.source:
            raise EventError(_("活动当前为“%(status)s”，不能%(action)s") % {"status": event.get_status_display(), "action": t.label})
        raise PermissionDenied(_("您没有权限%(action)s") % {"action": t.label})
    comment = comment.strip()
    if t.comment_required and not comment:
        raise EventError(_("%(action)s须填写理由") % {"action": t.label})
    if t.name == "approve" and event.created_by_id == by.pk and not by.is_superuser:
        raise EventError(_("不能审核自己创建的活动，请由其他审核员审核"))
    with transaction.atomic():
        event.status = t.target
        if t.who == "review":
            event.reviewed_by = by
            event.review_comment = comment
        if t.target == Status.PUBLISHED and event.published_at is None:
            event.published_at = timezone.now()
        event.save()
        log(f"events.{t.name}", actor=by, request=request, target=event, detail={"comment": comment})
        if t.name == "cancel":
            live = list(event.registrations.filter(status__in=[RegistrationStatus.PENDING, RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED]).select_related("user"))
            event.registrations.filter(pk__in=[r.pk for r in live]).update(status=RegistrationStatus.CANCELLED, position=None, updated_at=timezone.now())
            notify([r.user for r in live], kind="event.cancelled", title=_("活动已取消：%(title)s") % {"title": event.title}, body=comment, url=_link(event))
        elif t.name in ("approve", "return") and event.created_by_id:
            notify([event.created_by], kind="event.review", title=(_("活动已发布：%(title)s") if t.name == "approve" else _("活动被退回修改：%(title)s")) % {"title": event.title},
                   body=comment, url=reverse("events:manage_detail", args=[event.pk]))
    return event


# --- registration ----------------------------------------------------------------------------

def register(event: Event, user, *, attendees: list[dict], note: str = "") -> Registration:
    """Sign ``user`` up (an enterprise member: on behalf of his certified organisation).

    ``attendees`` are dicts with ``name``, ``mobile`` and optional ``answers``. The registration
    is confirmed when seats allow (pending when the event needs approval), otherwise it joins the
    waiting list.
    """
    if not user.is_authenticated:
        raise PermissionDenied(_("请先登录"))
    if not attendees:
        raise EventError(_("请至少填写一位参会人"))
    org = user.certified_organization
    limit = event.max_attendees_per_registration if org is not None else 1
    if len(attendees) > limit:
        if org:
            raise EventError(ngettext("每个单位最多报名 %(limit)d 人", "每个单位最多报名 %(limit)d 人", limit) % {"limit": limit})
        raise EventError(ngettext("每个个人最多报名 %(limit)d 人（以单位名义报名须先完成企业认证）",
                                  "每个个人最多报名 %(limit)d 人（以单位名义报名须先完成企业认证）", limit) % {"limit": limit})
    mobiles = [a["mobile"] for a in attendees]
    if len(set(mobiles)) != len(mobiles):
        raise EventError(_("参会人手机号不能重复"))
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=event.pk)
        ok, reason = selectors.registration_window(event)
        if not ok:
            raise EventError(reason)
        if selectors.active_registration(event, user) is not None:
            raise EventError(_("您已报名该活动，如需修改参会人请先取消原报名"))
        left = selectors.seats_left(event)
        waiting = selectors.waitlist(event).exists()
        if left is None or (left >= len(attendees) and not waiting):
            status, position = (RegistrationStatus.PENDING if event.needs_approval else RegistrationStatus.CONFIRMED), None
        else:
            status = RegistrationStatus.WAITLISTED
            last = selectors.waitlist(event).order_by("-position").values_list("position", flat=True).first()
            position = (last or 0) + 1
        reg = Registration.objects.create(event=event, user=user, organization=org, status=status, position=position, note=note.strip())
        Attendee.objects.bulk_create(Attendee(registration=reg, name=a["name"].strip(), mobile=a["mobile"], answers=a.get("answers") or {}) for a in attendees)
        _tell_registrant(reg)
        if status == RegistrationStatus.PENDING and event.created_by_id:
            notify([event.created_by], kind="event.pending", title=_("新报名待审核：%(title)s") % {"title": event.title}, body=org.name if org else user.display_name,
                   url=reverse("events:manage_detail", args=[event.pk]))
    return reg


def _tell_registrant(reg: Registration):
    event = reg.event
    texts = {
        RegistrationStatus.CONFIRMED: (_("报名成功：%(title)s"), _("参会手册和入场码已生成，可在活动页面查看。")),
        RegistrationStatus.PENDING: (_("报名已提交，等待主办方审核：%(title)s"), _("审核结果将通过站内信通知您。")),
        RegistrationStatus.WAITLISTED: (_("名额已满，已进入候补（第 %(position)s 位）：%(title)s"), _("有名额释放时将按候补顺序自动递补并通知您。")),
        RegistrationStatus.REJECTED: (_("报名未通过审核：%(title)s"), reg.decision_comment),
    }
    title, body = texts[reg.status]
    title = title % {"title": event.title, "position": reg.position}
    notify([reg.user], kind="event.registration", title=title, body=body, url=_link(event))


def _require_manager(event, by):
    if not selectors.can_manage(by, event):
        raise PermissionDenied(_("您不是该活动的主办方"))


def approve_registration(reg: Registration, *, by) -> Registration:
    _require_manager(reg.event, by)
    with transaction.atomic():
        reg = Registration.objects.select_for_update().select_related("event", "user").get(pk=reg.pk)
        if reg.status != RegistrationStatus.PENDING:
            raise EventError(_("该报名当前为“%(status)s”，无需审核") % {"status": reg.get_status_display()})
        reg.status, reg.decided_by = RegistrationStatus.CONFIRMED, by
        reg.save()
        _tell_registrant(reg)
    return reg


def reject_registration(reg: Registration, *, by, comment: str) -> Registration:
    _require_manager(reg.event, by)
    if not comment.strip():
        raise EventError(_("请填写不通过的理由"))
    with transaction.atomic():
        reg = Registration.objects.select_for_update().select_related("event", "user").get(pk=reg.pk)
        if reg.status not in (RegistrationStatus.PENDING, RegistrationStatus.WAITLISTED):
            raise EventError(_("该报名当前为“%(status)s”，不能设为未通过") % {"status": reg.get_status_display()})
        reg.status, reg.decided_by, reg.decision_comment, reg.position = RegistrationStatus.REJECTED, by, comment.strip(), None
        reg.save()
        _tell_registrant(reg)
        promote_waitlist(reg.event)
    return reg


def cancel_registration(reg: Registration, *, by) -> list[Registration]:
    """The registrant withdraws; freed seats go to the waiting list. Returns the promoted registrations."""
    if reg.user_id != by.pk:
        raise PermissionDenied(_("只能取消自己的报名"))
    with transaction.atomic():
        reg = Registration.objects.select_for_update().select_related("event").get(pk=reg.pk)
        if reg.status not in (RegistrationStatus.PENDING, RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED):
            raise EventError(_("该报名已取消或未通过，无需再取消"))
        if reg.event.starts_at <= timezone.now():
            raise EventError(_("活动已开始，不能再取消报名"))
        reg.status, reg.position = RegistrationStatus.CANCELLED, None
        reg.save()
        return promote_waitlist(reg.event)


def promote_waitlist(event: Event) -> list[Registration]:
    """Move waiting registrations into free seats, strictly in queue order; notify each promoted one.

    Strict order (stop at the first that does not fit) keeps the queue fair: a later, smaller
    group never jumps ahead of an earlier, larger one.
    """
    promoted = []
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=event.pk)
        if event.status != Status.PUBLISHED or event.ends_at < timezone.now():
            return promoted
        for reg in selectors.waitlist(event).select_related("user"):
            left = selectors.seats_left(event)
            if left is not None and reg.seats > left:
                break
            reg.status = RegistrationStatus.PENDING if event.needs_approval else RegistrationStatus.CONFIRMED
            reg.position = None
            reg.save(update_fields=["status", "position", "updated_at"])
            promoted.append(reg)
            body = _("有名额释放，您的报名已自动递补，等待主办方审核。") if event.needs_approval else _("有名额释放，您的报名已自动递补，参会手册已生成。")
            notify([reg.user], kind="event.registration", title=_("候补成功：%(title)s") % {"title": event.title}, body=body, url=_link(event))
    return promoted


def check_in(event: Event, code: str, *, by) -> Attendee:
    """Mark the attendee with entry ``code`` present at ``event``."""
    _require_manager(event, by)
    code = (code or "").strip().upper()
    if not code:
        raise EventError(_("请输入入场码"))
    with transaction.atomic():
        attendee = Attendee.objects.select_for_update().select_related("registration").filter(code=code, registration__event=event).first()
        if attendee is None:
            raise EventError(_("入场码 %(code)s 不属于本活动") % {"code": code})
        if attendee.registration.status != RegistrationStatus.CONFIRMED:
            raise EventError(_("入场码 %(code)s 对应的报名状态为“%(status)s”，不能签到") % {"code": code, "status": attendee.registration.get_status_display()})
        if attendee.checked_in_at:
            raise EventError(_("%(name)s 已于 %(time)s 签到，请勿重复签到") % {"name": attendee.name, "time": f"{timezone.localtime(attendee.checked_in_at):%H:%M}"})
        attendee.checked_in_at, attendee.checked_in_by = timezone.now(), by
        attendee.save(update_fields=["checked_in_at", "checked_in_by"])
    return attendee


# --- telling registrants ---------------------------------------------------------------------

def notify_registrants(event: Event, *, by, title: str, body: str, include_waitlist: bool = False, request=None) -> int:
    """A message from the organiser to everyone registered; returns how many were notified."""
    _require_manager(event, by)
    statuses = [RegistrationStatus.CONFIRMED, RegistrationStatus.PENDING] + ([RegistrationStatus.WAITLISTED] if include_waitlist else [])
    users = [r.user for r in event.registrations.filter(status__in=statuses).select_related("user")]
    notify(users, kind="event.notice", title=_("%(event)s：%(title)s") % {"event": event.title, "title": title}, body=body, url=_link(event))
    log("events.notify_registrants", actor=by, request=request, target=event, detail={"recipients": len(users), "title": title})
    return len(users)


def reminder_lead() -> timedelta:
    return timedelta(hours=getattr(settings, "EVENTS_REMINDER_HOURS", 24))


def send_reminders(now=None) -> int:
    """Remind confirmed registrants of events starting within the lead time, once each."""
    now = now or timezone.now()
    due = (Registration.objects.filter(status=RegistrationStatus.CONFIRMED, reminded_at__isnull=True, event__status=Status.PUBLISHED,
                                       event__starts_at__gt=now, event__starts_at__lte=now + reminder_lead())
           .select_related("event", "user"))
    sent = 0
    for reg in due:
        # Claim the row first so two workers never remind twice.
        if not Registration.objects.filter(pk=reg.pk, reminded_at__isnull=True).update(reminded_at=now):
            continue
        start = timezone.localtime(reg.event.starts_at)
        when = dateformat.format(start, _("m月d日 H:i"))
        if reg.event.venue:
            body = _("活动将于 %(start)s 在%(place)s举行，请携带参会手册中的入场码。") % {"start": when, "place": reg.event.venue}
        else:
            body = _("活动将于 %(start)s 在线上举行，请携带参会手册中的入场码。") % {"start": when}
        notify([reg.user], kind="event.reminder", title=_("活动提醒：%(title)s") % {"title": reg.event.title}, body=body,
               url=reverse("events:handbook", args=[reg.event.pk]))
        sent += 1
    return sent
