"""Who may see and do what in matchmaking, the market's filters, and the effectiveness figures.

Object-level rules live here so lists, detail pages and actions agree:

* anyone sees listings in the market; the owner (and the admins of the owner's organisation)
  also see and manage their own listings in every state; platform reviewers see everything
  waiting for review;
* an intent is seen only by its two parties – the sender and the owner of the listing. No
  staff role reads intents or their conversations; the figures below are counts only;
* contact details are shown to the two parties only once the intent is accepted;
* only certified organisations post listings and send intents.
"""

from collections import Counter
from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.roles import OPERATOR_REVIEWER, has_role
from matching.kinds import Kind, Side
from matching.models import Intent, IntentStatus, Listing, Match, MatchNotice, Source, Status


def organization_of(user):
    """The certified organisation ``user`` acts for, or None."""
    if not user.is_authenticated or not user.is_active:
        return None
    return user.certified_organization


def can_post(user) -> bool:
    return organization_of(user) is not None


def is_reviewer(user) -> bool:
    return user.is_authenticated and user.is_active and (user.is_superuser or has_role(user, OPERATOR_REVIEWER))


def can_manage(user, listing) -> bool:
    """The poster, or an admin of the poster's organisation, while that organisation is certified."""
    org = organization_of(user)
    if org is None or listing.source != Source.LOCAL or listing.organization_id != org.pk:
        return False
    return listing.owner_id == user.pk or user.is_org_admin


def manageable_listings(user):
    org = organization_of(user)
    if org is None:
        return Listing.objects.none()
    qs = Listing.objects.filter(source=Source.LOCAL, organization=org)
    return qs if user.is_org_admin else qs.filter(owner=user)


def listings_visible_to(user):
    """Listings ``user`` may open: the market, their own, and (reviewers) everything submitted."""
    visible = Q(pk__in=Listing.objects.in_market().values("pk"))
    if user.is_authenticated:
        visible |= Q(pk__in=manageable_listings(user).values("pk"))
        if is_reviewer(user):
            visible |= ~Q(status=Status.DRAFT)
    return Listing.objects.filter(visible)


def review_queue():
    return Listing.objects.filter(status=Status.PENDING).select_related("organization", "owner").order_by("submitted_at", "pk")


# --- the market ----------------------------------------------------------------------------------------------------


def market(*, kind="", side="", country="", region="", industry="", amount_min=None, amount_max=None, q="", today=None):
    """Listings in the market, filtered; an amount filter keeps listings whose range overlaps the one asked for."""
    qs = Listing.objects.in_market(today).select_related("organization").prefetch_related("countries", "industries")
    if kind:
        qs = qs.filter(kind=kind)
    if side:
        qs = qs.filter(side=side)
    if country:
        qs = qs.filter(countries__code=country)
    if region:
        qs = qs.filter(countries__continent=region)
    if industry:
        qs = qs.filter(industries__code=industry)
    if amount_min is not None:
        qs = qs.filter(Q(amount_max_usd__gte=amount_min) | Q(amount_max_usd__isnull=True, amount_min_usd__gte=amount_min))
    if amount_max is not None:
        qs = qs.filter(Q(amount_min_usd__lte=amount_max) | Q(amount_min_usd__isnull=True, amount_max_usd__lte=amount_max))
    if q:
        qs = qs.filter(Q(title__icontains=q) | Q(description__icontains=q))
    return qs.distinct().order_by("-published_at", "-pk")


def matches_for(user, listing):
    """Stored suggestions for ``listing`` still in the market – for whoever manages it, nobody else."""
    if not can_manage(user, listing):
        return Match.objects.none()
    return (
        Match.objects.filter(listing=listing, counterpart__in=Listing.objects.in_market())
        .select_related("counterpart__organization")
        .prefetch_related("counterpart__countries")
        .order_by("-score", "pk")
    )


# --- intents -------------------------------------------------------------------------------------------------------


def intents_visible_to(user):
    """The intents ``user`` sent or received; nobody else's."""
    if not user.is_authenticated:
        return Intent.objects.none()
    return Intent.objects.filter(Q(sender=user) | Q(listing__owner=user)).select_related("listing", "sender", "sender_org", "listing__organization")


def is_owner_side(user, intent) -> bool:
    return user.is_authenticated and intent.listing.owner_id == user.pk


def is_sender_side(user, intent) -> bool:
    return user.is_authenticated and intent.sender_id == user.pk


def contacts_visible(user, intent) -> bool:
    return intent.status == IntentStatus.ACCEPTED and (is_owner_side(user, intent) or is_sender_side(user, intent))


def can_send_intent(user, listing) -> tuple[bool, str]:
    """(allowed, why not) for ``user`` sending an intent about ``listing``."""
    org = organization_of(user)
    if org is None:
        return False, _("只有已认证的企业或服务机构可以发送合作意向")
    if listing.source != Source.LOCAL:
        return False, _("这条信息来自全球撮合家平台，请前往该平台联系")
    if not listing.in_market:
        return False, _("这条信息已不在对接市场中")
    if listing.organization_id == org.pk:
        return False, _("不能向本单位发布的信息发送意向")
    if Intent.objects.filter(listing=listing, sender_org=org, status__in=[IntentStatus.PENDING, IntentStatus.ACCEPTED]).exists():
        return False, _("本单位已就这条信息发送过意向，请在“我的对接”中查看")
    return True, ""


def own_counterpart_listings(user, listing):
    """The user's own in-market listings from the other side – offered as "sent from" when expressing interest."""
    return manageable_listings(user).in_market().exclude(side=listing.side).order_by("-published_at")


# --- effectiveness -------------------------------------------------------------------------------------------------


def effectiveness(today=None) -> dict:
    """Counts for the effectiveness page and the platform's performance figures (服务成效)."""
    today = today or timezone.localdate()
    listings = Listing.objects.filter(source=Source.LOCAL).exclude(status=Status.DRAFT)
    intents = Intent.objects.all()
    by_status = Counter(dict(intents.values_list("status").annotate(n=Count("pk")).values_list("status", "n")))
    answered = by_status[IntentStatus.ACCEPTED] + by_status[IntentStatus.DECLINED]
    signed = intents.filter(deal_signed_on__isnull=False)
    kinds = dict(Kind.choices)
    return {
        "in_market": Listing.objects.in_market(today).count(),
        "published_total": listings.filter(published_at__isnull=False).count(),
        "by_side": {label: Listing.objects.in_market(today).filter(side=value).count() for value, label in Side.choices},
        "by_kind": [
            (kinds[k], n) for k, n in listings.filter(published_at__isnull=False).values_list("kind").annotate(n=Count("pk")).order_by("-n").values_list("kind", "n")
        ],
        "africa": Listing.objects.in_market(today).filter(countries__continent="africa").distinct().count(),
        "intents": sum(by_status.values()),
        "accepted": by_status[IntentStatus.ACCEPTED],
        "acceptance_rate": round(100 * by_status[IntentStatus.ACCEPTED] / answered, 1) if answered else None,
        "meetings": intents.filter(meeting_held_on__isnull=False).count(),
        "deals": signed.count(),
        "deal_amount_usd": signed.aggregate(total=Sum("deal_amount_usd"))["total"] or Decimal(0),
        "peer_listings": Listing.objects.in_market(today).filter(source=Source.PEER).count(),
        "matches_pushed": MatchNotice.objects.count(),
    }
