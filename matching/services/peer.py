"""Listings imported from the peer platform (全球撮合家): idempotent by the peer's listing id.

The peer reviews its own listings, so an imported listing is published at once, marked with
its source; it is matched like ours but intents go through the peer (its link is shown).
"""

from django.db import transaction
from django.utils import timezone

from audit.services import log
from matching import matchmaking
from matching.models import Listing, Source, Status

SIMPLE_FIELDS = ("kind", "title", "description", "amount_min_usd", "amount_max_usd", "valid_until", "peer_org_name", "peer_url")


@transaction.atomic
def upsert_peer_listing(fields: dict, *, request=None) -> tuple[Listing, str]:
    """Create or update the peer's listing; returns (listing, "created" | "updated" | "unchanged")."""
    listing = Listing.objects.select_for_update().filter(source=Source.PEER, peer_id=fields["peer_id"]).first()
    outcome = "updated"
    if listing is None:
        listing, outcome = Listing(source=Source.PEER, peer_id=fields["peer_id"]), "created"
    elif (
        all(getattr(listing, f) == fields[f] for f in SIMPLE_FIELDS)
        and sorted(listing.countries.values_list("pk", flat=True)) == fields["countries"]
        and sorted(listing.industries.values_list("pk", flat=True)) == fields["industries"]
        and listing.status == Status.PUBLISHED
    ):
        return listing, "unchanged"
    for field in SIMPLE_FIELDS:
        setattr(listing, field, fields[field])
    listing.terms = matchmaking.compute_terms(listing)
    listing.status = Status.PUBLISHED if listing.valid_until >= timezone.localdate() else Status.EXPIRED
    listing.published_at = listing.published_at or timezone.now()
    listing.closed_at = None if listing.status == Status.PUBLISHED else timezone.now()
    listing.save()
    listing.countries.set(fields["countries"])
    listing.industries.set(fields["industries"])
    matchmaking.bump([listing.pk])
    log("matching.peer_listing_" + outcome, request=request, target=listing, detail={"peer_id": listing.peer_id})
    if listing.status == Status.PUBLISHED:
        from matching.tasks import match_listing

        pk = listing.pk
        transaction.on_commit(lambda: match_listing.enqueue(pk))
    return listing, outcome


@transaction.atomic
def remove_peer_listing(peer_id: str, *, request=None) -> str:
    """The peer took its listing down: it leaves our market too ("removed" or "unknown")."""
    listing = Listing.objects.select_for_update().filter(source=Source.PEER, peer_id=peer_id).first()
    if listing is None:
        return "unknown"
    if listing.status != Status.WITHDRAWN:
        listing.status, listing.closed_at = Status.WITHDRAWN, timezone.now()
        listing.save(update_fields=["status", "closed_at", "side"])
        matchmaking.bump([listing.pk])
        log("matching.peer_listing_removed", request=request, target=listing, detail={"peer_id": peer_id})
    return "removed"
