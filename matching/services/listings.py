"""State changes of a listing. Each checks permission and state, writes the audit entry, tells
the people concerned and keeps the matching index and the peer platform in step.

Lifecycle (the only transitions; ``TRANSITIONS`` is tested as a table)::

    draft / returned / withdrawn / expired --submit--> pending --approve--> published
    pending --return--> returned        pending / published --withdraw--> withdrawn
    published --expire (periodic job, after valid_until)--> expired

Editing a published listing sends it back to review (it leaves the market until approved).
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from accounts.roles import OPERATOR_REVIEWER
from audit.services import log
from matching import interop, matchmaking
from matching.attachments import validate_uploads
from matching.models import Listing, ListingAttachment, Source, Status
from matching.selectors import can_manage, can_post, is_reviewer
from notifications.services import notify

S = Status
TRANSITIONS = {
    "submit": ({S.DRAFT, S.RETURNED, S.WITHDRAWN, S.EXPIRED}, S.PENDING),
    "approve": ({S.PENDING}, S.PUBLISHED),
    "return": ({S.PENDING}, S.RETURNED),
    "withdraw": ({S.PENDING, S.PUBLISHED}, S.WITHDRAWN),
    "expire": ({S.PUBLISHED}, S.EXPIRED),
}

FIELDS = ("kind", "title", "description", "amount_min_usd", "amount_max_usd", "valid_until", "contact_preference", "contact_name", "contact_phone", "contact_email")


def _move(listing, action):
    sources, target = TRANSITIONS[action]
    if listing.status not in sources:
        raise ValidationError(pgettext("listing", "当前状态“%(status)s”下不能执行该操作") % {"status": listing.get_status_display()})
    listing.status = target


def reviewers():
    return list(get_user_model().objects.filter(groups__name=OPERATOR_REVIEWER.group_name, is_active=True).distinct())


def detail_url(listing):
    return reverse("matching:detail", args=[listing.pk])


def _left_market(listing, event="listing.removed"):
    matchmaking.bump([listing.pk])
    interop.queue_event(listing, event)


def validate_listing(data, *, today=None):
    """Business rules a form cannot know: validity window and amount order (messages in Chinese)."""
    today = today or timezone.localdate()
    errors = {}
    valid_until = data.get("valid_until")
    if valid_until is not None:
        if valid_until < today:
            errors["valid_until"] = _("有效期不能早于今天")
        elif valid_until > today + timedelta(days=settings.MATCHING_MAX_VALIDITY_DAYS):
            days = settings.MATCHING_MAX_VALIDITY_DAYS
            errors["valid_until"] = ngettext("有效期最长 %(n)s 天，到期后可续期", "有效期最长 %(n)s 天，到期后可续期", days) % {"n": days}
    low, high = data.get("amount_min_usd"), data.get("amount_max_usd")
    if low is not None and high is not None and low > high:
        errors["amount_max_usd"] = _("金额上限不能小于下限")
    preference, phone, email = data.get("contact_preference"), data.get("contact_phone"), data.get("contact_email")
    if preference == "phone" and not phone:
        errors["contact_phone"] = _("选择电话联系时请填写联系电话")
    elif preference == "email" and not email:
        errors["contact_email"] = _("选择邮件联系时请填写联系邮箱")
    elif preference == "any" and not phone and not email:
        # "电话或电子邮件" (the default) needs one of the two, not both.
        errors["contact_phone"] = _("请至少填写联系电话或联系邮箱中的一项")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def save_listing(*, by, data: dict, countries, industries, listing=None, uploads=(), remove_attachments=(), submit=False, request=None) -> Listing:
    """Create (``listing`` None) or edit a listing; ``submit`` sends it to review at once."""
    if listing is None:
        if not can_post(by):
            raise PermissionDenied(_("只有已认证的企业或服务机构可以发布对接信息"))
        listing = Listing(owner=by, organization=by.certified_organization, source=Source.LOCAL, status=Status.DRAFT)
    elif not can_manage(by, listing):
        raise PermissionDenied(_("您无权修改这条信息"))
    validate_listing(data)
    validate_uploads(list(uploads), existing=listing.attachments.exclude(pk__in=list(remove_attachments)).count() if listing.pk else 0)
    was_in_market = listing.pk is not None and listing.in_market
    for field in FIELDS:
        setattr(listing, field, data.get(field, getattr(listing, field)))
    listing.terms = matchmaking.compute_terms(listing)
    if listing.status == Status.PUBLISHED:
        listing.status = Status.PENDING  # a changed listing is reviewed again before it is back on the market
        listing.submitted_at = timezone.now()
    listing.save()
    listing.countries.set(countries)
    listing.industries.set(industries)
    if remove_attachments:
        for attachment in listing.attachments.filter(pk__in=list(remove_attachments)):
            attachment.file.delete(save=False)
            attachment.delete()
    for upload in uploads:
        ListingAttachment.objects.create(listing=listing, file=upload, name=upload.name[:200], size=upload.size)
    log("matching.listing_saved", actor=by, request=request, target=listing, detail={"status": listing.status, "kind": listing.kind})
    if was_in_market:
        _left_market(listing)
    if submit and listing.status != Status.PENDING:
        submit_listing(listing, by=by, request=request)
    elif listing.status == Status.PENDING and was_in_market:
        _tell_reviewers(listing)
    return listing


def _tell_reviewers(listing):
    notify(reviewers(), kind="matching_staff.review", title=_("对接信息待审核：%(title)s") % {"title": listing.title}, body=f"{listing.org_name} · {listing.get_kind_display()}",
           url=reverse("matching:review"))


@transaction.atomic
def submit_listing(listing, *, by, request=None):
    if not can_manage(by, listing):
        raise PermissionDenied(_("您无权提交这条信息"))
    if listing.valid_until < timezone.localdate():
        raise ValidationError(_("有效期已过，请先修改有效期再提交"))
    _move(listing, "submit")
    listing.submitted_at = timezone.now()
    listing.save(update_fields=["status", "submitted_at", "side"])
    log("matching.listing_submitted", actor=by, request=request, target=listing)
    _tell_reviewers(listing)


@transaction.atomic
def approve(listing, *, by, note="", request=None):
    """Publish a pending listing: it enters the market, is matched, and goes to the peer platform."""
    if not is_reviewer(by):
        raise PermissionDenied(_("只有平台审核员可以审核对接信息"))
    _move(listing, "approve")
    first_time = listing.published_at is None
    listing.reviewed_by, listing.reviewed_at, listing.review_note = by, timezone.now(), note
    listing.published_at = timezone.now()
    listing.save(update_fields=["status", "reviewed_by", "reviewed_at", "review_note", "published_at", "side"])
    log("matching.listing_approved", actor=by, request=request, target=listing)
    matchmaking.bump([listing.pk])
    interop.queue_event(listing, "listing.published" if first_time else "listing.updated")
    if listing.owner_id:
        notify([listing.owner], kind="matching.listing_approved", title=_("您的对接信息已发布：%(title)s") % {"title": listing.title},
               body=_("系统将为您推荐匹配的供需信息，有新的匹配时会通知您。"), url=detail_url(listing))
    from matching.tasks import match_listing

    listing_id = listing.pk
    transaction.on_commit(lambda: match_listing.enqueue(listing_id))


@transaction.atomic
def return_listing(listing, *, by, note, request=None):
    if not is_reviewer(by):
        raise PermissionDenied(_("只有平台审核员可以审核对接信息"))
    if not (note or "").strip():
        raise ValidationError(_("退回时请填写退回理由，便于发布人修改"))
    _move(listing, "return")
    listing.reviewed_by, listing.reviewed_at, listing.review_note = by, timezone.now(), note.strip()
    listing.save(update_fields=["status", "reviewed_by", "reviewed_at", "review_note", "side"])
    log("matching.listing_returned", actor=by, request=request, target=listing, detail={"note": note.strip()})
    if listing.owner_id:
        notify([listing.owner], kind="matching.listing_returned", title=_("您的对接信息被退回：%(title)s") % {"title": listing.title}, body=note.strip(), url=detail_url(listing))


@transaction.atomic
def withdraw(listing, *, by, request=None):
    """The owner takes a listing off the market (or out of review)."""
    if not can_manage(by, listing):
        raise PermissionDenied(_("您无权撤回这条信息"))
    was_in_market = listing.in_market
    _move(listing, "withdraw")
    listing.closed_at = timezone.now()
    listing.save(update_fields=["status", "closed_at", "side"])
    log("matching.listing_withdrawn", actor=by, request=request, target=listing)
    if was_in_market:
        _left_market(listing)


def expire_due(today=None) -> int:
    """Take every published listing whose validity has passed off the market; safe to run again."""
    today = today or timezone.localdate()
    expired = 0
    for listing in Listing.objects.filter(status=Status.PUBLISHED, valid_until__lt=today).select_related("owner"):
        with transaction.atomic():
            won = Listing.objects.filter(pk=listing.pk, status=Status.PUBLISHED).update(status=Status.EXPIRED, closed_at=timezone.now())
            if not won:
                continue
            listing.status = Status.EXPIRED
            log("matching.listing_expired", target=listing, detail={"valid_until": str(listing.valid_until)})
            _left_market(listing)
            if listing.owner_id:
                notify([listing.owner], kind="matching.listing_expired", title=_("对接信息已到期下架：%(title)s") % {"title": listing.title},
                       body=_("如仍有需要，可修改有效期后重新提交审核。"), url=detail_url(listing))
        expired += 1
    return expired
