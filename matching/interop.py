"""Interoperation with the bank's cross-border matchmaking platform (全球撮合家).

Three pieces, kept thin because the peer's real API is not available to us:

* the JSON API (``matching.api``) lets the peer read our published listings with a token;
* a signed webhook tells the peer when a listing is published, changed or leaves the market
  (``queue_event`` writes a ``PeerEvent``; the ``deliver_peer_event`` task sends it and is
  retried by the background worker until it succeeds);
* the import endpoint accepts the peer's listings, signed the same way, idempotent by the
  peer's listing id.

Signing (both directions): ``X-XQCH-Timestamp`` (Unix seconds), ``X-XQCH-Nonce`` (unique per
request; our webhooks use the event id) and ``X-XQCH-Signature: sha256=<hex>``, the HMAC-SHA256
with the shared secret ``MATCHING_PEER_SECRET`` over ``"{timestamp}.{nonce}." + body``.
A request older or newer than ``MATCHING_SIGNATURE_TOLERANCE_SECONDS`` is refused, and so is a
nonce seen before (``PeerReceipt``), so a captured request cannot be replayed.
"""

import hashlib
import hmac
import json
import logging
import time
import urllib.error
import urllib.request
import uuid
from datetime import date

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from matching.models import PeerEvent, PeerReceipt, Source

logger = logging.getLogger("matching.interop")

TIMESTAMP_HEADER = "X-XQCH-Timestamp"
NONCE_HEADER = "X-XQCH-Nonce"
SIGNATURE_HEADER = "X-XQCH-Signature"


class SignatureError(Exception):
    """A request from the peer whose signature, age or nonce is not acceptable (message in Chinese)."""


class PeerDeliveryFailed(Exception):
    """The peer did not accept a webhook; the background worker will try again."""


def signature(body: bytes, secret: str, timestamp: str, nonce: str) -> str:
    message = f"{timestamp}.{nonce}.".encode() + body
    return "sha256=" + hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def signed_headers(body: bytes, secret: str, *, nonce=None, now=None) -> dict:
    timestamp = str(int(now if now is not None else time.time()))
    nonce = nonce or uuid.uuid4().hex
    return {
        "Content-Type": "application/json; charset=utf-8",
        TIMESTAMP_HEADER: timestamp,
        NONCE_HEADER: nonce,
        SIGNATURE_HEADER: signature(body, secret, timestamp, nonce),
    }


def verify(headers, body: bytes, *, secret=None, now=None, tolerance=None) -> str:
    """Check a signed request; returns its nonce, records it, raises ``SignatureError`` otherwise."""
    secret = secret if secret is not None else settings.MATCHING_PEER_SECRET
    tolerance = tolerance if tolerance is not None else settings.MATCHING_SIGNATURE_TOLERANCE_SECONDS
    if not secret:
        raise SignatureError(_("本平台未配置共享密钥，不接受导入"))
    timestamp, nonce, given = headers.get(TIMESTAMP_HEADER, ""), headers.get(NONCE_HEADER, ""), headers.get(SIGNATURE_HEADER, "")
    if not (timestamp and nonce and given):
        raise SignatureError(_("缺少签名请求头（%(headers)s）") % {"headers": "、".join((TIMESTAMP_HEADER, NONCE_HEADER, SIGNATURE_HEADER))})
    try:
        age = (now if now is not None else time.time()) - int(timestamp)
    except ValueError:
        raise SignatureError(_("时间戳格式错误，应为 Unix 秒数")) from None
    if abs(age) > tolerance:
        raise SignatureError(_("请求时间超出允许范围（±%(seconds)s 秒），请检查时钟或重新签名") % {"seconds": tolerance})
    if len(nonce) > 128:
        raise SignatureError(_("随机串过长"))
    if not hmac.compare_digest(signature(body, secret, timestamp, nonce), given):
        raise SignatureError(_("签名不正确"))
    try:
        with transaction.atomic():
            PeerReceipt.objects.create(nonce=nonce)
    except IntegrityError:
        raise SignatureError(_("重复的请求（随机串已使用），疑似重放")) from None
    return nonce


# --- outgoing -----------------------------------------------------------------------------------------------------


def absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def listing_payload(listing) -> dict:
    """What we share about a listing: never its contact details (those follow an accepted intent)."""
    low_high = listing.amount_range
    return {
        "id": listing.pk,
        "url": absolute(reverse("matching:detail", args=[listing.pk])),
        "kind": listing.kind,
        "kind_label": listing.get_kind_display(),
        "side": listing.side,
        "title": listing.title,
        "description": listing.description,
        "countries": sorted(c.pk for c in listing.countries.all()),
        "industries": sorted(i.pk for i in listing.industries.all()),
        "amount_usd": {"min": low_high[0], "max": low_high[1]} if low_high else None,
        "valid_until": listing.valid_until.isoformat(),
        "organization": listing.org_name,
        "status": listing.status,
        "in_market": listing.in_market,
        "published_at": listing.published_at.isoformat() if listing.published_at else None,
        "updated_at": listing.updated_at.isoformat() if listing.updated_at else None,
    }


def queue_event(listing, event: str):
    """Record a webhook for the peer (only our own listings, only when a peer is configured)."""
    if not settings.MATCHING_PEER_URL or listing.source != Source.LOCAL:
        return None
    payload = listing_payload(listing) if event != "listing.removed" else {"id": listing.pk, "status": listing.status, "in_market": False}
    peer_event = PeerEvent.objects.create(event=event, listing=listing, payload=payload)
    from matching.tasks import deliver_peer_event

    transaction.on_commit(lambda: deliver_peer_event.enqueue(peer_event.pk))
    return peer_event


def webhook_body(peer_event) -> bytes:
    document = {"event": peer_event.event, "event_id": str(peer_event.event_id), "occurred_at": peer_event.created_at.isoformat(), "listing": peer_event.payload}
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")


def deliver(event_pk: int) -> str:
    """Send one webhook; raises ``PeerDeliveryFailed`` (to be retried) unless the peer answers 2xx."""
    peer_event = PeerEvent.objects.filter(pk=event_pk).first()
    if peer_event is None or peer_event.state != PeerEvent.State.PENDING:
        return peer_event.state if peer_event else "missing"
    body = webhook_body(peer_event)
    headers = signed_headers(body, settings.MATCHING_PEER_SECRET, nonce=str(peer_event.event_id))
    request = urllib.request.Request(settings.MATCHING_PEER_URL, data=body, headers=headers, method="POST")  # noqa: S310 (URL from settings)
    peer_event.attempts += 1
    try:
        with urllib.request.urlopen(request, timeout=settings.MATCHING_PEER_TIMEOUT) as response:  # noqa: S310
            status = response.status
    except urllib.error.HTTPError as exc:
        error = _("对方返回 HTTP %(status)s") % {"status": exc.code}
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        error = _("无法连接：%(reason)s") % {"reason": getattr(exc, "reason", exc)}
    else:
        if 200 <= status < 300:
            peer_event.state, peer_event.sent_at, peer_event.last_error = PeerEvent.State.SENT, timezone.now(), ""
            peer_event.save(update_fields=["state", "sent_at", "last_error", "attempts"])
            return peer_event.state
        error = _("对方返回 HTTP %(status)s") % {"status": status}
    peer_event.last_error = error
    if peer_event.attempts >= settings.MATCHING_PEER_MAX_ATTEMPTS:
        peer_event.state = PeerEvent.State.FAILED
    peer_event.save(update_fields=["state", "last_error", "attempts"])
    logger.warning("webhook %s to peer failed (attempt %s): %s", peer_event.event_id, peer_event.attempts, error)
    if peer_event.state == PeerEvent.State.PENDING:
        raise PeerDeliveryFailed(error)
    return peer_event.state


# --- incoming -----------------------------------------------------------------------------------------------------


class PeerListingInvalid(ValueError):
    """A peer listing that cannot be imported (message in Chinese)."""


def parse_peer_listing(data) -> dict:
    """Validate one peer listing document and turn it into our fields."""
    from matching.engine.documents import amount_range, country_codes, industry_codes
    from matching.kinds import DEMAND_KINDS, Side, normalize_kind

    if not isinstance(data, dict):
        raise PeerListingInvalid(_("listing 应为 JSON 对象"))
    peer_id = str(data.get("id") or "").strip()
    if not peer_id or len(peer_id) > 64:
        raise PeerListingInvalid(_("缺少或过长的对方信息编号 id"))
    title = str(data.get("title") or "").strip()
    if not title:
        raise PeerListingInvalid(_("缺少标题 title"))
    side = str(data.get("side") or "").strip().lower()
    kind = normalize_kind(data.get("kind"), side or "demand", str(data.get("org_type") or ""))
    if not kind:
        raise PeerListingInvalid(_("无法识别的信息类型 kind：“%(kind)s”") % {"kind": data.get("kind")})
    if side and side not in Side.values:
        raise PeerListingInvalid(_("side 应为 supply 或 demand"))
    if side and (side == Side.DEMAND) != (kind in DEMAND_KINDS):
        kind = normalize_kind(data.get("kind"), side, str(data.get("org_type") or ""))
    try:
        valid_until = date.fromisoformat(str(data.get("valid_until") or ""))
        amounts = amount_range(data.get("amount_usd"))
    except ValueError as exc:
        raise PeerListingInvalid(_("有效期或金额格式错误：%(error)s") % {"error": exc}) from None
    url = str(data.get("url") or "")
    if url and not url.startswith(("https://", "http://")):
        raise PeerListingInvalid(_("url 应为 http(s) 链接"))
    return {
        "peer_id": peer_id, "kind": kind, "title": title[:120], "description": str(data.get("description") or "")[:8000],
        "countries": sorted(country_codes(data.get("countries") or [])), "industries": sorted(industry_codes(data.get("industries") or [])),
        "amount_min_usd": int(amounts[0]) if amounts else None, "amount_max_usd": int(amounts[1]) if amounts else None,
        "valid_until": valid_until, "peer_org_name": str(data.get("organization") or gettext_noop("全球撮合家用户"))[:200], "peer_url": url[:200],
    }
