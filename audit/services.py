"""Writing to the audit log. Every capability records security-relevant events through ``log``."""

import hashlib
import json

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from audit.models import AuditEntry


def client_ip(request) -> str | None:
    """The client's address. Behind ``TRUSTED_PROXY_COUNT`` reverse proxies it is taken from
    X-Forwarded-For, counting from the right (entries further left can be forged by the client)."""
    if request is None:
        return None
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if proxies:
        hops = [h.strip() for h in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if h.strip()]
        if len(hops) >= proxies:
            return hops[-proxies]
    return request.META.get("REMOTE_ADDR") or None


def entry_digest(entry: AuditEntry) -> str:
    """The hash of one entry's content chained to the previous entry's hash."""
    payload = json.dumps(
        [
            entry.prev_hash,
            entry.created_at.isoformat(),
            entry.actor_id,
            entry.actor_repr,
            entry.ip_address,
            entry.action,
            entry.target_type,
            entry.target_id,
            entry.target_repr,
            entry.outcome,
            entry.detail,
        ],
        ensure_ascii=False,
        sort_keys=True,
        default=str,
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def log(action: str, *, actor=None, request=None, target=None, outcome: str = "success", detail: dict | None = None) -> AuditEntry:
    """Append one entry: ``action`` is a dotted code such as ``filing.submit``."""
    if actor is None and request is not None and request.user.is_authenticated:
        actor = request.user
    with transaction.atomic():
        last = AuditEntry.objects.select_for_update().order_by("-id").only("entry_hash").first()
        entry = AuditEntry(
            created_at=timezone.now(),
            actor=actor if actor is not None and actor.pk else None,
            actor_repr=(actor.get_username() if actor is not None else "")[:150],
            ip_address=client_ip(request),
            action=action,
            target_type=target._meta.label if target is not None else "",
            target_id=str(target.pk) if target is not None else "",
            target_repr=str(target)[:255] if target is not None else "",
            outcome=outcome,
            detail=detail or {},
            prev_hash=last.entry_hash if last else "",
        )
        entry.entry_hash = entry_digest(entry)
        entry.save(force_insert=True)
    return entry
