"""Webhook events beyond publishing (update, expiry, withdrawal) delivered to a fake peer over real
HTTP, and the management commands that issue/revoke API tokens and re-match the market."""

import io
import json
from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from matching import interop
from matching.api import hash_token
from matching.models import ApiClient, Listing, Match, PeerEvent, Status
from matching.services import listings as services
from matching.tasks import expire_listings
from matching.tests.support import SECRET, FakePeer

pytestmark = pytest.mark.django_db
@pytest.fixture
def peer(settings):
    settings.MATCHING_PEER_SECRET = SECRET
    settings.MATCHING_SIGNATURE_TOLERANCE_SECONDS = 300
    with FakePeer() as recording:
        settings.MATCHING_PEER_URL = recording.url
        yield recording


def assert_signed_by_shared_secret(peer):
    """Every request verifies with the shared secret (and only with it); its nonce is the event id."""
    for headers, body in peer.requests:
        with pytest.raises(interop.SignatureError, match="签名不正确"):
            interop.verify(headers, body, secret="not-the-shared-secret")
        nonce = interop.verify(headers, body, secret=SECRET)
        assert nonce == json.loads(body)["event_id"]


def sent_events(listing):
    return list(PeerEvent.objects.filter(listing=listing).order_by("pk").values_list("event", "state"))


def test_editing_a_published_listing_and_re_approving_it_sends_listing_updated(
    peer, buyer, reviewer, listing_data, publish, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        listing = publish(buyer)
    with django_capture_on_commit_callbacks(execute=True):
        services.save_listing(by=buyer, listing=listing, data=listing_data(title="肯尼亚经销商采购挖掘机（已更新数量）"),
                              countries=["KE", "TZ"], industries=["C"])
    listing.refresh_from_db()
    assert listing.status == Status.PENDING
    with django_capture_on_commit_callbacks(execute=True):
        services.approve(listing, by=reviewer)

    # while it is back in review it leaves the market, then returns as an update (delivered by the task)
    assert [doc["event"] for doc in peer.documents()] == ["listing.published", "listing.removed", "listing.updated"]
    assert sent_events(listing) == [("listing.published", "sent"), ("listing.removed", "sent"), ("listing.updated", "sent")]
    assert {doc["listing"]["id"] for doc in peer.documents()} == {listing.pk}
    updated = peer.documents()[-1]["listing"]
    assert updated["title"] == "肯尼亚经销商采购挖掘机（已更新数量）"
    assert updated["countries"] == ["KE", "TZ"] and updated["in_market"] is True and updated["status"] == "published"
    assert "contact_phone" not in updated and listing.contact_phone not in json.dumps(updated)
    assert_signed_by_shared_secret(peer)


def test_a_listing_expired_by_the_hourly_job_sends_listing_removed(peer, buyer, publish, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        listing = publish(buyer)
        other = publish(buyer, title="另一条尚在有效期内的采购需求")
    Listing.objects.filter(pk=listing.pk).update(valid_until=timezone.localdate() - timedelta(days=1))
    with django_capture_on_commit_callbacks(execute=True):
        assert expire_listings.call() == {"expired": 1}
    with django_capture_on_commit_callbacks(execute=True):
        assert expire_listings.call() == {"expired": 0}  # a second run sends nothing more

    docs = peer.documents()
    assert [(d["event"], d["listing"]["id"]) for d in docs] == [
        ("listing.published", listing.pk), ("listing.published", other.pk), ("listing.removed", listing.pk),
    ]
    assert docs[-1]["listing"] == {"id": listing.pk, "status": "expired", "in_market": False}
    assert sent_events(listing)[-1] == ("listing.removed", "sent")
    assert_signed_by_shared_secret(peer)


def test_a_withdrawn_listing_sends_listing_removed(peer, buyer, publish, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        listing = publish(buyer)
    with django_capture_on_commit_callbacks(execute=True):
        services.withdraw(listing, by=buyer)

    docs = peer.documents()
    assert [d["event"] for d in docs] == ["listing.published", "listing.removed"]
    assert docs[-1]["listing"] == {"id": listing.pk, "status": "withdrawn", "in_market": False}
    assert docs[-1]["event_id"] == str(PeerEvent.objects.get(listing=listing, event="listing.removed").event_id)
    assert_signed_by_shared_secret(peer)


def test_a_delivered_webhook_cannot_be_replayed_to_a_verifying_peer(peer, buyer, publish, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        publish(buyer)
    [(headers, body)] = peer.requests
    interop.verify(headers, body, secret=SECRET)
    with pytest.raises(interop.SignatureError, match="重放"):
        interop.verify(headers, body, secret=SECRET)


# --- management commands -------------------------------------------------------------------------------------------


def issue(name):
    out = io.StringIO()
    call_command("matching_api_client", "--name", name, stdout=out)
    return out.getvalue().strip().splitlines()[-1]


def test_api_client_command_issues_a_token_that_works_and_revoke_refuses_it(client, buyer, publish):
    listing = publish(buyer)
    token = issue("全球撮合家")
    api_client = ApiClient.objects.get(name="全球撮合家")
    assert api_client.is_active and api_client.token_prefix == token[:8]
    assert api_client.token_hash == hash_token(token) and token not in api_client.token_hash  # only the digest is kept
    url = reverse("matching:api_listings")
    auth = {"Authorization": f"Bearer {token}"}
    answer = client.get(url, headers=auth)
    assert answer.status_code == 200 and [r["id"] for r in answer.json()["results"]] == [listing.pk]

    other = issue("另一个客户端")  # revoking one client leaves the others working
    out = io.StringIO()
    call_command("matching_api_client", "--revoke", token[:8], stdout=out)
    assert "已停用 1 个客户端" in out.getvalue()
    assert not ApiClient.objects.get(pk=api_client.pk).is_active
    refused = client.get(url, headers=auth)
    assert refused.status_code == 401 and "访问令牌" in refused.json()["error"]
    assert client.get(reverse("matching:api_listing", args=[listing.pk]), headers=auth).status_code == 401
    assert client.get(url, headers={"Authorization": f"Bearer {other}"}).status_code == 200

    with pytest.raises(CommandError, match="没有前缀为"):
        call_command("matching_api_client", "--revoke", token[:8])  # already revoked
    with pytest.raises(CommandError, match="请指定客户端名称"):
        call_command("matching_api_client")


def test_api_client_command_accepts_the_name_as_documented():
    call_command("matching_api_client", "全球撮合家", stdout=io.StringIO())
    assert ApiClient.objects.filter(name="全球撮合家", is_active=True).count() == 1


def test_rematch_command_adds_a_new_counterpart_to_match(buyer, seller, publish, offer_fields):
    demand = publish(buyer)  # match_listing runs on commit, which never comes inside the test: nothing is stored yet
    offer = publish(seller, **offer_fields)
    assert not Match.objects.filter(listing=demand, counterpart=offer).exists()
    out = io.StringIO()
    call_command("matching_rematch", stdout=out)
    assert "已重新匹配 2 条信息" in out.getvalue()
    assert Match.objects.filter(listing=demand, counterpart=offer).exists()
    assert Match.objects.filter(listing=offer, counterpart=demand).exists()
    match = Match.objects.get(listing=demand, counterpart=offer)
    assert match.score > 0 and match.reasons

    # a listing that leaves the market drops out of the next run's suggestions
    services.withdraw(offer, by=seller)
    call_command("matching_rematch", stdout=io.StringIO())
    assert not Match.objects.filter(counterpart=offer).exists() and not Match.objects.filter(listing=offer).exists()
