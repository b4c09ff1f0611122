"""Background work of matchmaking: matching a newly published listing, the nightly re-match,
expiry, and delivering webhooks to the peer platform. Every task is safe to run again."""

from datetime import timedelta

from django.tasks import task
from django.utils import timezone

from background.periodic import periodic
from matching import interop, matchmaking
from matching.models import Listing, PeerEvent, PeerReceipt


@task()
def match_listing(listing_id: int):
    """Store a listing's suggestions, add it to its counterparts' lists and push what is new."""
    listing = Listing.objects.filter(pk=listing_id).first()
    if listing is None:
        return {"touched": 0, "pushed": 0}
    touched = matchmaking.refresh_matches(listing)
    return {"touched": len(touched), "pushed": matchmaking.push_new_matches(touched)}


@periodic(hours=24)
@task()
def rematch_all():
    """Nightly: recompute every listing's suggestions (ratings and the market change) and push new ones."""
    return matchmaking.rematch_all()


@periodic(hours=1)
@task()
def expire_listings():
    from matching.services.listings import expire_due

    return {"expired": expire_due()}


@task()
def deliver_peer_event(event_pk: int):
    """Send one webhook; raising makes the background worker retry with backoff."""
    return interop.deliver(event_pk)


@periodic(minutes=30)
@task()
def sweep_peer_events():
    """Re-enqueue webhooks still pending an hour on (their retries ran out or the enqueue was lost); prune old nonces."""
    stale = timezone.now() - timedelta(hours=1)
    pending = list(PeerEvent.objects.filter(state=PeerEvent.State.PENDING, created_at__lt=stale).values_list("pk", flat=True)[:500])
    for pk in pending:
        deliver_peer_event.enqueue(pk)
    PeerReceipt.objects.filter(received_at__lt=timezone.now() - timedelta(days=2)).delete()
    return {"requeued": len(pending)}
