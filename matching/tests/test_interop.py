"""Interoperation with the peer platform (全球撮合家), against a small fake peer: a real HTTP server
on 127.0.0.1 that checks our webhook signatures with the shared secret, and the peer's side of
the import endpoint played through the Django test client."""

import json
import secrets
import time
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from matching import interop
from matching.api import hash_token
from matching.models import ApiClient, Listing, PeerEvent, Source, Status
from matching.services import listings as services
from matching.tests.support import SECRET, FakePeer

pytestmark = pytest.mark.django_db
@pytest.fixture
def peer_settings(settings):
    settings.MATCHING_PEER_SECRET = SECRET
    settings.MATCHING_SIGNATURE_TOLERANCE_SECONDS = 300
    return settings


# --- signature -----------------------------------------------------------------------------------------------------


def signed(body: bytes, **kwargs):
    return interop.signed_headers(body, SECRET, **kwargs)


def test_signature_valid_tampered_stale_and_replayed(peer_settings):
    body = b'{"event":"listing.upsert"}'
    headers = signed(body)
    assert interop.verify(headers, body) == headers[interop.NONCE_HEADER]
    with pytest.raises(interop.SignatureError, match="重放"):
        interop.verify(headers, body)  # the same request again
    fresh = signed(body)
    with pytest.raises(interop.SignatureError, match="签名不正确"):
        interop.verify(fresh, body.replace(b"upsert", b"delete"))  # body changed after signing
    with pytest.raises(interop.SignatureError, match="签名不正确"):
        interop.verify(interop.signed_headers(body, "another-secret"), body)
    old = signed(body, now=time.time() - 301)
    with pytest.raises(interop.SignatureError, match="时间超出"):
        interop.verify(old, body)
    with pytest.raises(interop.SignatureError, match="缺少签名"):
        interop.verify({}, body)


def test_signature_is_hmac_sha256_over_timestamp_nonce_and_body():
    import hashlib
    import hmac

    expected = hmac.new(b"k", b"1700000000.n1.{}", hashlib.sha256).hexdigest()
    assert interop.signature(b"{}", "k", "1700000000", "n1") == "sha256=" + expected


# --- outgoing webhooks ---------------------------------------------------------------------------------------------


def test_publishing_and_withdrawing_send_signed_webhooks_to_the_peer(peer_settings, buyer, publish, django_capture_on_commit_callbacks):
    with FakePeer(fail_first=1) as peer:
        peer_settings.MATCHING_PEER_URL = peer.url
        listing = publish(buyer)
        event = PeerEvent.objects.get(listing=listing, event="listing.published")
        with pytest.raises(interop.PeerDeliveryFailed, match="503"):
            interop.deliver(event.pk)  # the peer is down: the worker will retry
        assert interop.deliver(event.pk) == PeerEvent.State.SENT
        services.withdraw(listing, by=buyer)
        removed = PeerEvent.objects.get(listing=listing, event="listing.removed")
        interop.deliver(removed.pk)
    assert [doc["event"] for doc in peer.received] == ["listing.published", "listing.removed"]
    shared = peer.received[0]["listing"]
    assert shared["title"] == listing.title and shared["countries"] == ["KE"]
    assert "contact_phone" not in shared and listing.contact_phone not in json.dumps(shared)  # contacts never leave
    assert peer.refused == []


def test_no_webhooks_without_a_configured_peer(buyer, publish):
    publish(buyer)
    assert not PeerEvent.objects.exists()


# --- incoming import -----------------------------------------------------------------------------------------------


def peer_post(client, document, *, secret=SECRET, headers=None):
    body = json.dumps(document, ensure_ascii=False).encode()
    headers = headers or interop.signed_headers(body, secret)
    return client.post(reverse("matching:api_peer_import"), body, content_type="application/json",
                       headers={k: v for k, v in headers.items() if k != "Content-Type"}), headers


PEER_LISTING = {
    "id": "GL-1001", "side": "supply", "kind": "offer_product", "title": "挖掘机海外租赁",
    "description": "在肯尼亚提供挖掘机、压路机租赁和操作手", "countries": ["肯尼亚"], "industries": ["L"],
    "amount_usd": [100000, 500000], "organization": "某银行客户", "url": "https://peer.example.cn/l/1001",
}


def test_import_creates_updates_and_removes_the_peers_listing(peer_settings, client):
    document = {"event": "listing.upsert", "listing": {**PEER_LISTING, "valid_until": (timezone.localdate() + timedelta(days=30)).isoformat()}}
    response, headers = peer_post(client, document)
    assert response.status_code == 201 and response.json()["status"] == "created"
    listing = Listing.objects.get(source=Source.PEER, peer_id="GL-1001")
    assert listing.in_market and list(listing.countries.values_list("pk", flat=True)) == ["KE"]
    replay, _ = peer_post(client, document, headers=headers)
    assert replay.status_code == 401 and "重放" in replay.json()["error"]
    again, _ = peer_post(client, document)
    assert again.json()["status"] == "unchanged"
    document["listing"]["title"] = "挖掘机与压路机海外租赁"
    assert peer_post(client, document)[0].json()["status"] == "updated"
    assert Listing.objects.filter(source=Source.PEER).count() == 1
    gone, _ = peer_post(client, {"event": "listing.delete", "listing": {"id": "GL-1001"}})
    assert gone.json()["status"] == "removed"
    listing.refresh_from_db()
    assert listing.status == Status.WITHDRAWN and not listing.in_market


def test_import_refuses_bad_signatures_and_explains_bad_listings(peer_settings, client):
    document = {"event": "listing.upsert", "listing": {**PEER_LISTING, "valid_until": "2099-01-01"}}
    forged, _ = peer_post(client, document, secret="wrong-secret")
    assert forged.status_code == 401 and forged.json()["error"] == "签名不正确"
    no_title, _ = peer_post(client, {"event": "listing.upsert", "listing": {**PEER_LISTING, "title": "", "valid_until": "2099-01-01"}})
    assert no_title.status_code == 400 and "标题" in no_title.json()["error"]
    bad_date, _ = peer_post(client, {"event": "listing.upsert", "listing": {**PEER_LISTING, "valid_until": "明年"}})
    assert bad_date.status_code == 400 and "有效期" in bad_date.json()["error"]
    assert not Listing.objects.exists()


def test_peer_listings_cannot_receive_intents_here(peer_settings, client, seller):
    from matching.selectors import can_send_intent

    peer_post(client, {"event": "listing.upsert", "listing": {**PEER_LISTING, "valid_until": "2099-01-01"}})
    allowed, why = can_send_intent(seller, Listing.objects.get(peer_id="GL-1001"))
    assert not allowed and "全球撮合家" in why


# --- the listings API ----------------------------------------------------------------------------------------------


@pytest.fixture
def token():
    value = secrets.token_urlsafe(32)
    ApiClient.objects.create(name="全球撮合家", token_prefix=value[:8], token_hash=hash_token(value))
    return value


def test_api_needs_a_token_and_lists_only_the_market(client, token, buyer, publish, listing_data):
    listing = publish(buyer)
    services.save_listing(by=buyer, data=listing_data(title="尚未审核的草稿"), countries=["KE"], industries=[])
    url = reverse("matching:api_listings")
    assert client.get(url).status_code == 401
    assert client.get(url, headers={"Authorization": "Bearer nope"}).status_code == 401
    body = client.get(url, {"region": "africa", "side": "demand"}, headers={"Authorization": f"Bearer {token}"}).json()
    assert body["count"] == 1 and body["results"][0]["id"] == listing.pk
    assert client.get(url, {"side": "both"}, headers={"Authorization": f"Bearer {token}"}).json()["error"] == "side 应为 supply 或 demand"
    one = client.get(reverse("matching:api_listing", args=[listing.pk]), headers={"Authorization": f"Bearer {token}"})
    assert one.json()["title"] == listing.title


def test_api_accepts_an_oidc_client_access_token(client, buyer, publish):
    from oauth2_provider.models import AccessToken, Application

    publish(buyer)
    app = Application.objects.create(name="全球撮合家", client_type=Application.CLIENT_CONFIDENTIAL,
                                     authorization_grant_type=Application.GRANT_CLIENT_CREDENTIALS)
    AccessToken.objects.create(application=app, token="oidc-access-token-xyz", expires=timezone.now() + timedelta(hours=1), scope="openid")
    AccessToken.objects.create(application=app, token="oidc-expired", expires=timezone.now() - timedelta(hours=1), scope="openid")
    url = reverse("matching:api_listings")
    assert client.get(url, headers={"Authorization": "Bearer oidc-access-token-xyz"}).json()["count"] == 1
    assert client.get(url, headers={"Authorization": "Bearer oidc-expired"}).status_code == 401
