"""State changes of an enquiry. Each checks permission and state, writes the timeline event and
the audit entry, and notifies the people concerned — in one transaction.

Lifecycle (the only transitions; ``TRANSITIONS`` is tested as a table)::

    open --reply--> answered --follow-up question--> open
    answered --rate / close--> closed      open --close--> closed
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.services import log
from consultation import routing, tracking
from consultation.models import Attachment, CategoryPolicy, Enquiry, Event, Status, TeamLead
from consultation.selectors import can_handle, can_reassign
from consultation.working_days import deadline
from notifications.services import notify

TRANSITIONS = {
    "reply": {Status.OPEN: Status.ANSWERED, Status.ANSWERED: Status.ANSWERED},
    "follow_up": {Status.ANSWERED: Status.OPEN},
    "rate": {Status.ANSWERED: Status.CLOSED, Status.CLOSED: Status.CLOSED},
    "close": {Status.OPEN: Status.CLOSED, Status.ANSWERED: Status.CLOSED},
}


def _transition(enquiry, action):
    target = TRANSITIONS[action].get(enquiry.status)
    if target is None:
        raise ValidationError(_("当前状态“%(status)s”下不能执行该操作") % {"status": enquiry.get_status_display()})
    return target


def policy_for(category: str) -> tuple[int, int]:
    """(working days to answer, working days before the deadline to remind) for ``category``."""
    row = CategoryPolicy.objects.filter(category=category).first()
    if row:
        return row.due_working_days, row.remind_working_days
    return settings.CONSULTATION_DUE_WORKING_DAYS, settings.CONSULTATION_REMIND_WORKING_DAYS


def group_members(group):
    return list(get_user_model().objects.filter(groups=group, is_active=True).order_by("pk"))


def handlers_of(enquiry):
    """Who is told about new questions: the assignee, or else every member of the group."""
    return [enquiry.assignee] if enquiry.assignee_id else group_members(enquiry.group)


def staff_url(enquiry):
    return reverse("consultation:staff_detail", args=[enquiry.pk])


def _event(enquiry, kind, actor=None, **fields):
    return Event.objects.create(enquiry=enquiry, kind=kind, actor=actor, created_at=fields.pop("at", None) or timezone.now(), **fields)


@transaction.atomic
def ask(*, asker=None, mobile="", asker_name, category, subject, body, city="", country=None, page=None, expert=None, files=(), request=None, now=None) -> Enquiry:
    """Record a new enquiry, route it and start its clock. ``asker`` or a verified ``mobile`` is required."""
    if asker is None and not mobile:
        raise PermissionDenied(_("请登录或验证手机号后提问"))
    now = now or timezone.now()
    due_days, _remind_days = policy_for(category)
    group = routing.responsible_group(category, city, expert)
    enquiry = Enquiry.objects.create(
        asker=asker, mobile=mobile or (asker.mobile if asker and asker.mobile else ""), asker_name=asker_name, category=category, city=city,
        country=country, page=page, expert=expert, subject=subject, body=body, group=group,
        assignee=expert.user if expert is not None and expert.user_id else None,
        created_at=now, due_at=deadline(now, due_days),
    )
    for f in files:
        Attachment.objects.create(enquiry=enquiry, file=f, name=f.name[:200], size=f.size)
    _event(enquiry, Event.Kind.ASKED, asker, body=body, at=now)
    target = f"{group.name}" + (f" / {enquiry.assignee.display_name}" if enquiry.assignee_id else "")
    due = f"{timezone.localtime(enquiry.due_at):%Y-%m-%d}"
    _event(enquiry, Event.Kind.ROUTED, body=_("分派至 %(target)s，答复期限 %(due)s") % {"target": target, "due": due}, at=now)
    log("consultation.asked", actor=asker, request=request, target=enquiry, detail={"group": group.name, "category": category, "city": city})
    notify(handlers_of(enquiry), kind="consultation_staff.new", title=_("新咨询待答复：%(subject)s") % {"subject": subject}, body=_("请于 %(due)s 前答复") % {"due": due}, url=staff_url(enquiry))
    return enquiry


def _require_handler(user, enquiry):
    if not can_handle(user, enquiry):
        raise PermissionDenied(_("您无权办理该咨询"))


@transaction.atomic
def reassign(enquiry, *, by, group=None, assignee=None, reason="", request=None):
    if not can_reassign(by, enquiry):
        raise PermissionDenied(_("只有协调人或受理组负责人可以改派"))
    if group is None and assignee is None:
        raise ValidationError(_("请选择新的受理组或承办人"))
    if group is not None:
        enquiry.group = group
    if assignee is not None and not assignee.groups.filter(pk=enquiry.group_id).exists():
        raise ValidationError(_("承办人必须属于受理组"))
    enquiry.assignee = assignee
    enquiry.save(update_fields=["group", "assignee"])
    who = enquiry.group.name + (f" / {assignee.display_name}" if assignee else "")
    _event(enquiry, Event.Kind.REASSIGNED, by, body=_("改派至 %(who)s：%(reason)s") % {"who": who, "reason": reason} if reason else _("改派至 %(who)s") % {"who": who})
    log("consultation.reassigned", actor=by, request=request, target=enquiry, detail={"group": enquiry.group.name, "assignee": getattr(assignee, "pk", None)})
    notify(handlers_of(enquiry), kind="consultation_staff.assigned", title=_("咨询改派给您：%(subject)s") % {"subject": enquiry.subject}, url=staff_url(enquiry))


@transaction.atomic
def reply(enquiry, *, by, body, public=False, request=None, now=None):
    """Answer the asker; a public reply also publishes the question to the FAQ (asker hidden)."""
    _require_handler(by, enquiry)
    if not body.strip():
        raise ValidationError(_("答复内容不能为空"))
    now = now or timezone.now()
    enquiry.status = _transition(enquiry, "reply")
    enquiry.first_response_at = enquiry.first_response_at or now
    enquiry.answered_at = now
    enquiry.in_faq = enquiry.in_faq or public
    enquiry.save(update_fields=["status", "first_response_at", "answered_at", "in_faq"])
    event = _event(enquiry, Event.Kind.REPLY, by, body=body, is_public=public, at=now)
    log("consultation.replied", actor=by, request=request, target=enquiry, detail={"public": public})
    tracking.tell_asker(enquiry, title=_("您的咨询已答复：%(subject)s") % {"subject": enquiry.subject}, body=body[:200])
    return event


@transaction.atomic
def add_note(enquiry, *, by, body, request=None):
    _require_handler(by, enquiry)
    if not body.strip():
        raise ValidationError(_("备注内容不能为空"))
    return _event(enquiry, Event.Kind.NOTE, by, body=body)


@transaction.atomic
def record_offline(enquiry, *, by, offline_kind, counterpart="", body="", outcome="", request=None):
    """Record an offline follow-up (meeting, call, referral to a bank branch or institution) and its outcome."""
    _require_handler(by, enquiry)
    if offline_kind not in Event.Offline.values:
        raise ValidationError(_("请选择跟进方式"))
    if offline_kind in (Event.Offline.BANK_REFERRAL, Event.Offline.INSTITUTION_REFERRAL) and not counterpart.strip():
        raise ValidationError(_("转介时请填写对接的银行网点或服务机构"))
    event = _event(enquiry, Event.Kind.OFFLINE, by, offline_kind=offline_kind, counterpart=counterpart, body=body, outcome=outcome)
    log("consultation.offline_follow_up", actor=by, request=request, target=enquiry, detail={"kind": offline_kind})
    return event


def _require_asker(user, enquiry, mobile=""):
    own = (user is not None and user.is_authenticated and enquiry.asker_id == user.pk) or (mobile and enquiry.asker_id is None and enquiry.mobile == mobile)
    if not own:
        raise PermissionDenied(_("只有提问人可以执行该操作"))


@transaction.atomic
def ask_follow_up(enquiry, *, user=None, mobile="", body, request=None, now=None):
    """The asker asks again after a reply: the enquiry reopens with a fresh deadline."""
    _require_asker(user, enquiry, mobile)
    if not body.strip():
        raise ValidationError(_("追问内容不能为空"))
    now = now or timezone.now()
    enquiry.status = _transition(enquiry, "follow_up")
    enquiry.due_at = deadline(now, policy_for(enquiry.category)[0])
    enquiry.reminded_at = enquiry.escalated_at = None
    enquiry.save(update_fields=["status", "due_at", "reminded_at", "escalated_at"])
    _event(enquiry, Event.Kind.FOLLOW_UP_QUESTION, user if user and user.is_authenticated else None, body=body, at=now)
    notify(handlers_of(enquiry), kind="consultation_staff.follow_up", title=_("咨询有追问：%(subject)s") % {"subject": enquiry.subject}, body=body[:200], url=staff_url(enquiry))


@transaction.atomic
def rate(enquiry, *, user=None, mobile="", rating: int, comment="", request=None):
    """The asker rates the answer (1–5); this closes the enquiry."""
    _require_asker(user, enquiry, mobile)
    if rating not in range(1, 6):
        raise ValidationError(_("评分须为 1 到 5 分"))
    enquiry.status = _transition(enquiry, "rate")
    enquiry.rating, enquiry.rating_comment = rating, comment[:500]
    enquiry.closed_at = enquiry.closed_at or timezone.now()
    enquiry.save(update_fields=["status", "rating", "rating_comment", "closed_at"])
    _event(enquiry, Event.Kind.RATED, user if user and user.is_authenticated else None, body=_("%(rating)s 分：%(comment)s") % {"rating": rating, "comment": comment} if comment else _("%(rating)s 分") % {"rating": rating})
    log("consultation.rated", actor=user if user and user.is_authenticated else None, request=request, target=enquiry, detail={"rating": rating})


@transaction.atomic
def close(enquiry, *, by, reason="", request=None):
    _require_handler(by, enquiry)
    enquiry.status = _transition(enquiry, "close")
    enquiry.closed_at = timezone.now()
    enquiry.save(update_fields=["status", "closed_at"])
    _event(enquiry, Event.Kind.CLOSED, by, body=reason)
    log("consultation.closed", actor=by, request=request, target=enquiry)


def lead_of(group):
    row = TeamLead.objects.filter(group=group).select_related("lead").first()
    return row.lead if row else None
