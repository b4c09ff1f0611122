"""Listings without a poster or an organisation here — imported, from the peer platform, or whose
poster's account is gone — are shown with a fallback, never a server error."""

from datetime import timedelta

import pytest
from django.utils import timezone

from matching.models import IntentStatus, Listing, Source, Status
from matching.services import intents as intent_services
from matching.tests.support import client_for

pytestmark = pytest.mark.django_db


def _intent(listing, sender, **fields):
    return intent_services.send_intent(listing, by=sender, message="我们有意合作，希望进一步沟通。", contact_name="李经理", contact_phone="0731-80000000", **fields)


def _accept_without_owner(intent):
    # Nobody can answer an intent on a listing without a poster; the demo data and imports hold such rows.
    type(intent).objects.filter(pk=intent.pk).update(status=IntentStatus.ACCEPTED, responded_at=timezone.now())


def test_the_sender_reads_an_accepted_intent_after_the_posters_account_is_gone(client, seller, buyer, publish, offer_fields):
    listing = publish(seller, **offer_fields)
    intent = _intent(listing, buyer)
    intent_services.respond(intent, by=seller, accept=True)
    seller.delete()  # the listing stays, with no owner (on_delete=SET_NULL)
    listing.refresh_from_db()
    assert listing.owner_id is None
    page = client_for(client, buyer).get(f"/matching/intents/{intent.pk}/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "湖南测试重工有限公司：王经理" in text and "0731-88880000" in text


@pytest.mark.parametrize("contact_name, shown", [("王经理", "王经理"), ("", "未指定联系人")])
def test_an_imported_listing_without_a_poster_shows_its_contact_or_a_fallback(client, seller, buyer, publish, offer_fields, contact_name, shown):
    listing = publish(seller, **offer_fields)
    Listing.objects.filter(pk=listing.pk).update(owner=None, contact_name=contact_name)
    intent = _intent(listing, buyer)
    signed_in = client_for(client, buyer)
    assert signed_in.get(f"/matching/intents/{intent.pk}/").status_code == 200  # pending
    _accept_without_owner(intent)
    page = signed_in.get(f"/matching/intents/{intent.pk}/")
    assert page.status_code == 200
    assert f"湖南测试重工有限公司：{shown}" in page.content.decode()
    assert signed_in.get("/matching/mine/").status_code == 200


@pytest.fixture
def nameless_peer_listing(db):
    return Listing.objects.create(
        source=Source.PEER, peer_id="GL-9", kind="need_product", title="肯尼亚采购光伏组件", description="内罗毕的经销商采购光伏组件一批。",
        valid_until=timezone.localdate() + timedelta(days=30), status=Status.PUBLISHED, published_at=timezone.now(),
    )


def test_a_peer_listing_without_an_organisation_name_says_where_it_came_from(client, buyer, nameless_peer_listing):
    assert nameless_peer_listing.org_name == "全球撮合家平台发布"
    for url in ("/matching/", f"/matching/listings/{nameless_peer_listing.pk}/"):
        response = client.get(url)
        assert response.status_code == 200 and "全球撮合家平台发布" in response.content.decode()
    assert client_for(client, buyer).get(f"/matching/listings/{nameless_peer_listing.pk}/").status_code == 200


def test_a_named_peer_listing_keeps_the_peers_name(nameless_peer_listing):
    nameless_peer_listing.peer_org_name = "内罗毕光伏贸易公司"
    assert nameless_peer_listing.org_name == "内罗毕光伏贸易公司"


def test_the_senders_archive_names_an_ownerless_listings_organisation(client, seller, buyer, publish, offer_fields):
    listing = publish(seller, **offer_fields)
    Listing.objects.filter(pk=listing.pk).update(owner=None)
    _intent(listing, buyer)
    page = client_for(client, buyer).get("/archive/", follow=True)
    assert page.status_code == 200
    assert "致 湖南测试重工有限公司" in page.content.decode()
