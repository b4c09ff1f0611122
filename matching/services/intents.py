"""State changes of an intent (意向): sending, the owner's answer, the conversation and the outcome.

Lifecycle (``TRANSITIONS`` is tested as a table)::

    pending --accept--> accepted        pending --decline--> declined
    pending --withdraw (sender)--> withdrawn

Contact details of both sides are shown only once an intent is accepted; the conversation
and the outcome (meeting held, deal signed, amount) follow acceptance. Only the two parties –
the sender and the owner of the listing – act on or read an intent.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.services import log
from matching.models import Intent, IntentMessage, IntentStatus
from matching.selectors import can_send_intent, is_owner_side, is_sender_side, manageable_listings, organization_of
from notifications.services import notify

I = IntentStatus  # noqa: E741
TRANSITIONS = {
    "accept": ({I.PENDING}, I.ACCEPTED),
    "decline": ({I.PENDING}, I.DECLINED),
    "withdraw": ({I.PENDING}, I.WITHDRAWN),
}


def _move(intent, action):
    sources, target = TRANSITIONS[action]
    if intent.status not in sources:
        raise ValidationError(_("意向当前为“%(status)s”，不能执行该操作") % {"status": intent.get_status_display()})
    intent.status = target


def intent_url(intent):
    return reverse("matching:intent", args=[intent.pk])


@transaction.atomic
def send_intent(listing, *, by, message, contact_name, contact_phone="", contact_email="", from_listing=None, request=None) -> Intent:
    """A certified organisation expresses interest in a listing of another organisation."""
    allowed, why = can_send_intent(by, listing)
    if not allowed:
        raise PermissionDenied(why)
    if not (message or "").strip():
        raise ValidationError(_("请填写意向说明"))
    if not (contact_phone or contact_email):
        raise ValidationError(_("请至少留下一种联系方式（电话或邮箱），对方接受意向后才会看到"))
    if from_listing is not None and not manageable_listings(by).filter(pk=from_listing.pk).exists():
        raise PermissionDenied(_("只能关联本单位发布的信息"))
    try:
        with transaction.atomic():
            intent = Intent.objects.create(
                listing=listing, from_listing=from_listing, sender=by, sender_org=organization_of(by), message=message.strip(),
                contact_name=contact_name.strip(), contact_phone=contact_phone.strip(), contact_email=contact_email.strip(),
            )
    except IntegrityError:
        raise ValidationError(_("本单位已就这条信息发送过意向")) from None
    log("matching.intent_sent", actor=by, request=request, target=intent, detail={"listing": listing.pk})
    if listing.owner_id:
        notify([listing.owner], kind="matching.intent_received", title=_("收到合作意向：%(title)s") % {"title": listing.title},
               body=f"{intent.sender_org.name}：{intent.message[:120]}", url=intent_url(intent))
    return intent


@transaction.atomic
def respond(intent, *, by, accept: bool, note="", request=None):
    """The owner accepts (contacts revealed to both) or declines."""
    if not is_owner_side(by, intent):
        raise PermissionDenied(_("只有信息发布人可以答复意向"))
    _move(intent, "accept" if accept else "decline")
    intent.responded_at, intent.response_note = timezone.now(), (note or "").strip()
    intent.save(update_fields=["status", "responded_at", "response_note"])
    log("matching.intent_accepted" if accept else "matching.intent_declined", actor=by, request=request, target=intent)
    if accept:
        title, body = _("对方已接受您的合作意向：%(title)s") % {"title": intent.listing.title}, _("双方联系方式已互相可见，可在会话中继续沟通。")
    else:
        title, body = _("对方婉拒了您的合作意向：%(title)s") % {"title": intent.listing.title}, intent.response_note or _("感谢关注，欢迎继续浏览其他对接信息。")
    notify([intent.sender], kind="matching.intent_answered", title=title, body=body, url=intent_url(intent))


@transaction.atomic
def withdraw_intent(intent, *, by, request=None):
    if not is_sender_side(by, intent):
        raise PermissionDenied(_("只有发送人可以撤回意向"))
    _move(intent, "withdraw")
    intent.save(update_fields=["status"])
    log("matching.intent_withdrawn", actor=by, request=request, target=intent)


def _signed(on, amount_usd) -> str:
    """"2026-03-01 签约 1,200,000 美元" (the amount only when given)."""
    if amount_usd:
        return _("%(date)s 签约 %(amount)s 美元") % {"date": f"{on:%Y-%m-%d}", "amount": f"{amount_usd:,}"}
    return _("%(date)s 签约") % {"date": f"{on:%Y-%m-%d}"}


def _other_party(intent, user):
    return intent.listing.owner if is_sender_side(user, intent) else intent.sender


@transaction.atomic
def post_message(intent, *, by, body, request=None) -> IntentMessage:
    """A message in the conversation that follows an accepted intent."""
    if not (is_owner_side(by, intent) or is_sender_side(by, intent)):
        raise PermissionDenied(_("您不是该意向的参与方"))
    if intent.status != IntentStatus.ACCEPTED:
        raise ValidationError(_("意向被接受后才能开始会话"))
    if not (body or "").strip():
        raise ValidationError(_("消息内容不能为空"))
    message = IntentMessage.objects.create(intent=intent, author=by, body=body.strip()[:4000])
    other = _other_party(intent, by)
    if other is not None:
        notify([other], kind="matching.message", title=_("对接会话有新消息：%(title)s") % {"title": intent.listing.title}, body=message.body[:120], url=intent_url(intent))
    return message


@transaction.atomic
def record_outcome(intent, *, by, meeting_held_on=None, deal_signed_on=None, deal_amount_usd=None, note="", request=None):
    """Either party records what came of an accepted intent; it feeds the effectiveness figures."""
    if not (is_owner_side(by, intent) or is_sender_side(by, intent)):
        raise PermissionDenied(_("您不是该意向的参与方"))
    if intent.status != IntentStatus.ACCEPTED:
        raise ValidationError(_("只有已接受的意向可以记录对接成果"))
    today = timezone.localdate()
    if meeting_held_on and meeting_held_on > today or deal_signed_on and deal_signed_on > today:
        raise ValidationError(_("洽谈和签约日期不能晚于今天"))
    if deal_amount_usd is not None and deal_signed_on is None:
        raise ValidationError(_("填写签约金额时请同时填写签约日期"))
    if not (meeting_held_on or deal_signed_on or (note or "").strip()):
        raise ValidationError(_("请至少填写洽谈日期、签约日期或成果说明中的一项"))
    intent.meeting_held_on, intent.deal_signed_on = meeting_held_on, deal_signed_on
    intent.deal_amount_usd, intent.outcome_note = deal_amount_usd, (note or "").strip()
    intent.outcome_recorded_at = timezone.now()
    intent.save(update_fields=["meeting_held_on", "deal_signed_on", "deal_amount_usd", "outcome_note", "outcome_recorded_at"])
    log("matching.outcome_recorded", actor=by, request=request, target=intent,
        detail={"meeting": str(meeting_held_on or ""), "signed": str(deal_signed_on or ""), "amount_usd": deal_amount_usd})
    summary = "；".join(filter(None, [
        _("%(date)s 洽谈") % {"date": f"{meeting_held_on:%Y-%m-%d}"} if meeting_held_on else "",
        _signed(deal_signed_on, deal_amount_usd) if deal_signed_on else "",
        intent.outcome_note,
    ]))
    IntentMessage.objects.create(intent=intent, author=by, body=_("【对接成果】%(summary)s") % {"summary": summary})
