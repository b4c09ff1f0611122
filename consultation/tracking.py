"""Keeping enquiries moving: telling askers about replies, reminding handlers before the
deadline and escalating overdue enquiries to the group's lead. Run by the periodic job in
``consultation.tasks``; each step is marked on the enquiry so a retried job does nothing twice.
"""

from django.contrib.auth import get_user_model
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.roles import DEPT_ADMIN
from consultation.models import Enquiry, Event, Status
from consultation.working_days import subtract_working_days
from notifications.channels.email import absolute
from notifications.channels.sms import send_text
from notifications.services import notify

TRACK_SALT = "consultation.track"


def track_token(enquiry) -> str:
    return signing.dumps({"e": enquiry.pk, "m": enquiry.mobile}, salt=TRACK_SALT, compress=True)


def enquiry_from_token(token: str):
    """The enquiry a tracking link points to, or None if the link is forged."""
    try:
        data = signing.loads(token, salt=TRACK_SALT)
    except signing.BadSignature:
        return None
    return Enquiry.objects.filter(pk=data.get("e"), mobile=data.get("m"), asker__isnull=True).first()


def asker_url(enquiry) -> str:
    if enquiry.asker_id:
        return reverse("consultation:mine_detail", args=[enquiry.pk])
    return reverse("consultation:track", args=[track_token(enquiry)])


def tell_asker(enquiry, *, title, body=""):
    """A logged-in asker gets a notification (inbox + chosen channels); an anonymous one an SMS link."""
    if enquiry.asker_id:
        notify([enquiry.asker], kind="consultation.reply", title=title, body=body, url=asker_url(enquiry))
    elif enquiry.mobile:
        link = absolute(asker_url(enquiry))
        text = _("【湘企出海+】%(title)s，查看：%(link)s") % {"title": title, "link": link}
        transaction.on_commit(lambda: send_text(enquiry.mobile, text))


def _staff_list(enquiry):
    from consultation.services import handlers_of

    return handlers_of(enquiry)


def remind_due(now=None) -> int:
    """Remind handlers of open enquiries whose deadline is within the category's reminder window."""
    from consultation.services import policy_for, staff_url

    now = now or timezone.now()
    count = 0
    for enquiry in Enquiry.objects.filter(status=Status.OPEN, reminded_at__isnull=True, due_at__gte=now).select_related("group", "assignee"):
        _due_days, remind_days = policy_for(enquiry.category)
        if timezone.localdate(now) < subtract_working_days(timezone.localdate(enquiry.due_at), remind_days):
            continue
        with transaction.atomic():
            if not Enquiry.objects.filter(pk=enquiry.pk, reminded_at__isnull=True).update(reminded_at=now):
                continue
            due = f"{timezone.localtime(enquiry.due_at):%Y-%m-%d}"
            Event.objects.create(enquiry=enquiry, kind=Event.Kind.REMINDER, body=_("答复期限 %(due)s 临近，已提醒承办人") % {"due": due}, created_at=now)
            notify(_staff_list(enquiry), kind="consultation_staff.reminder", title=_("咨询即将到期：%(subject)s") % {"subject": enquiry.subject}, body=_("请于 %(due)s 前答复") % {"due": due}, url=staff_url(enquiry))
        count += 1
    return count


def escalation_targets(enquiry):
    from consultation.services import lead_of

    lead = lead_of(enquiry.group)
    if lead is not None:
        return [lead]
    return list(get_user_model().objects.filter(groups__name=DEPT_ADMIN.group_name, is_active=True).order_by("pk"))


def escalate_overdue(now=None) -> int:
    """Tell the group's lead (or the department's admins) about each open enquiry past its deadline, once."""
    from consultation.services import staff_url

    now = now or timezone.now()
    count = 0
    for enquiry in Enquiry.objects.filter(status=Status.OPEN, escalated_at__isnull=True, due_at__lt=now).select_related("group"):
        with transaction.atomic():
            if not Enquiry.objects.filter(pk=enquiry.pk, escalated_at__isnull=True).update(escalated_at=now):
                continue
            targets = escalation_targets(enquiry)
            names = "、".join(u.display_name for u in targets) or _("（无负责人）")
            Event.objects.create(enquiry=enquiry, kind=Event.Kind.ESCALATED, body=_("已超过答复期限，督办：%(names)s") % {"names": names}, created_at=now)
            notify(targets, kind="consultation_staff.overdue", title=_("咨询已超期未答复：%(subject)s") % {"subject": enquiry.subject}, body=_("受理组：%(group)s") % {"group": enquiry.group.name}, url=staff_url(enquiry))
        count += 1
    return count
