"""经贸对接's to-dos on 我的工作台 (see ``workbench.registry``).

Intents received waiting for the user's answer, intents he sent waiting for the other side, his
own listings that need work (returned, draft, expiring) or wait for review; for platform
reviewers, the listings waiting for review, as a count. Intents are read through
``intents_visible_to`` (only the two parties), listings through ``manageable_listings``.
"""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from matching.models import IntentStatus, Status
from matching.selectors import intents_visible_to, is_reviewer, manageable_listings, review_queue
from workbench.registry import Todo, as_date, queue_todo, register

EXPIRY_WARNING_DAYS = 30
LIMIT = 30


def intent_todos(user) -> list[Todo]:
    pending = intents_visible_to(user).filter(status=IntentStatus.PENDING).order_by("created_at")
    items = []
    for i in pending.filter(listing__owner=user)[:LIMIT]:
        items.append(Todo(_("回复合作意向：%(title)s") % {"title": i.listing.title}, reverse("matching:intent", args=[i.pk]),
                          note=_("来自 %(org)s · 收到于 %(date)s") % {"org": i.sender_org.name, "date": f"{as_date(i.created_at):%Y-%m-%d}"}))
    for i in pending.filter(sender=user)[:LIMIT]:
        other = i.listing.org_name
        items.append(Todo(_("等待对方回复意向：%(title)s") % {"title": i.listing.title}, reverse("matching:intent", args=[i.pk]),
                          mine=False, waiting_on=other or _("对方单位"), note=_("发送于 %(date)s") % {"date": f"{as_date(i.created_at):%Y-%m-%d}"}))
    return items


def listing_todos(user) -> list[Todo]:
    today = timezone.localdate()
    expiring = today + timedelta(days=EXPIRY_WARNING_DAYS)
    listings = manageable_listings(user).filter(status__in=[Status.DRAFT, Status.RETURNED, Status.PENDING, Status.PUBLISHED]).order_by("valid_until")
    items = []
    for li in listings.exclude(status=Status.PUBLISHED, valid_until__gt=expiring)[:LIMIT]:
        url = reverse("matching:detail", args=[li.pk])
        if li.status == Status.RETURNED:
            items.append(Todo(_("修改后重新提交：%(title)s") % {"title": li.title}, url, note=li.review_note[:60]))
        elif li.status == Status.DRAFT:
            items.append(Todo(_("完善并提交审核：%(title)s") % {"title": li.title}, url, note=li.get_kind_display()))
        elif li.status == Status.PENDING:
            items.append(Todo(_("等待平台审核：%(title)s") % {"title": li.title}, url, mine=False, waiting_on=_("平台运营"), note=li.get_kind_display()))
        elif li.valid_until >= today:
            items.append(Todo(_("即将到期，可续期或更新：%(title)s") % {"title": li.title}, url, deadline=li.valid_until, note=li.get_kind_display()))
    return items


def reviewer_todos(user) -> list[Todo]:
    if not is_reviewer(user):
        return []
    queue = queue_todo(_("待审核的对接信息"), reverse("matching:review"), [None for _pk in review_queue().values_list("pk", flat=True)])
    return [queue] if queue else []


def matching_todos(user) -> list[Todo]:
    return intent_todos(user) + listing_todos(user) + reviewer_todos(user)


register("matching", gettext_lazy("经贸对接"), matching_todos, order=60)
