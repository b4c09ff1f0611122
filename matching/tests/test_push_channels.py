"""New-match pushes through the notifications service: in-site message always, e-mail either at
once or collected into the owner's digest, one message per owner per run, and never a repeat."""

import io

import pytest
from django.core import mail
from django.core.management import call_command

from matching import matchmaking
from matching.models import MatchNotice
from matching.tasks import match_listing
from notifications import services as notifications
from notifications.models import Delivery, Message
from notifications.tasks import send_digests

pytestmark = pytest.mark.django_db
NOTICE = matchmaking.NOTICE_KIND


def notices(user=None):
    qs = Message.objects.filter(kind=NOTICE)
    return qs.filter(recipient=user) if user is not None else qs


def mail_to(address):
    return [m for m in mail.outbox if m.to == [address]]


@pytest.fixture
def market(buyer, seller, publish, offer_fields):
    """The buyer (daily e-mail digest) has a demand; the seller (no digest) then publishes a fitting offer."""
    notifications.save_preferences(buyer, channels_by_group={}, email_digest="daily")
    demand = publish(buyer)
    offer = publish(seller, **offer_fields)
    mail.outbox.clear()  # approval notices are not what these tests look at
    return demand, offer


def test_new_match_goes_to_the_digest_owner_as_digest_and_to_the_other_owner_at_once(market, buyer, seller):
    demand, offer = market
    result = match_listing.call(offer.pk)

    assert result["pushed"] == 2
    assert sorted(notices().values_list("recipient__username", flat=True)) == ["buyer", "seller"]
    assert set(MatchNotice.objects.values_list("listing_id", "counterpart_id", "recipient__username")) == {
        (demand.pk, offer.pk, "buyer"), (offer.pk, demand.pk, "seller"),
    }
    buyer_notice, seller_notice = notices(buyer).get(), notices(seller).get()
    assert offer.title in buyer_notice.body and demand.title in seller_notice.body
    assert buyer_notice.url.endswith(f"/{demand.pk}/#matches")

    # the digest owner: the e-mail copy waits for the digest, nothing is mailed now
    assert list(buyer_notice.deliveries.values_list("channel", "status")) == [("email", Delivery.Status.DIGEST)]
    assert mail_to("buyer@example.cn") == []
    # the other owner: an immediate e-mail (sent at once by the test task backend)
    assert list(seller_notice.deliveries.values_list("channel", "status")) == [("email", Delivery.Status.SENT)]
    [seller_mail] = mail_to("seller@example.cn")
    assert seller_mail.subject == f"【湘企出海+】{seller_notice.title}"
    assert [m.to for m in mail.outbox] == [["seller@example.cn"]]

    # the daily digest then carries the match notice to the digest owner, once
    assert send_digests.call() == 1
    [digest] = mail_to("buyer@example.cn")
    assert buyer_notice.title in digest.body and f"/{demand.pk}/#matches" in digest.body
    assert digest.subject == "【湘企出海+】您有 2 条新通知"  # the approval notice and the match notice
    assert f"您的对接信息已发布：{demand.title}" in digest.body
    assert buyer_notice.deliveries.get().status == Delivery.Status.SENT
    assert send_digests.call() == 0


def test_a_second_rematch_creates_no_second_notice(market, buyer, seller):
    demand, offer = market
    match_listing.call(offer.pk)
    before = (notices().count(), Delivery.objects.filter(message__kind=NOTICE).count(), MatchNotice.objects.count(), len(mail.outbox))
    assert before == (2, 2, 2, 1)

    out = io.StringIO()
    call_command("matching_rematch", stdout=out)
    assert "推送 0 条新匹配" in out.getvalue()
    call_command("matching_rematch", stdout=io.StringIO())
    match_listing.call(offer.pk)
    match_listing.call(demand.pk)
    after = (notices().count(), Delivery.objects.filter(message__kind=NOTICE).count(), MatchNotice.objects.count(), len(mail.outbox))
    assert after == before
    assert notices(buyer).count() == 1 and notices(seller).count() == 1


def test_the_nightly_rematch_pushes_through_the_same_channels(market, buyer, seller):
    """When the match is first found by the re-match command (not the publish task), the channels are the same."""
    demand, offer = market
    out = io.StringIO()
    call_command("matching_rematch", stdout=out)
    assert "推送 2 条新匹配" in out.getvalue()
    assert notices(buyer).get().deliveries.get().status == Delivery.Status.DIGEST
    assert notices(seller).get().deliveries.get().status in {Delivery.Status.PENDING, Delivery.Status.SENT}
    assert [m.to for m in mail.outbox] == [["seller@example.cn"]]
    call_command("matching_rematch", stdout=io.StringIO())
    assert notices().count() == 2 and len(mail.outbox) == 1


def test_one_message_per_owner_for_several_new_matches(buyer, seller, publish, offer_fields):
    notifications.save_preferences(seller, channels_by_group={}, email_digest="daily")
    first = publish(buyer)
    second = publish(buyer, title="肯尼亚矿山采购挖掘机和装载机")
    offer = publish(seller, **offer_fields)
    mail.outbox.clear()
    match_listing.call(offer.pk)
    # the buyer has two listings matched by the one offer: a single message naming both
    [message] = notices(buyer)
    assert message.title == "您发布的 2 条信息有 2 条新的匹配"
    assert set(MatchNotice.objects.filter(recipient=buyer).values_list("listing_id", flat=True)) == {first.pk, second.pk}
    assert [m.to for m in mail.outbox] == [["buyer@example.cn"]]
    # the seller (digest) gets one message for the offer, its e-mail held for the digest
    [seller_message] = notices(seller)
    assert seller_message.deliveries.get().status == Delivery.Status.DIGEST


def test_an_inbox_only_owner_gets_the_message_but_no_e_mail(market, buyer, seller):
    demand, offer = market
    notifications.save_preferences(seller, channels_by_group={"matching": []}, email_digest="none")
    match_listing.call(offer.pk)
    assert not notices(seller).get().deliveries.exists()
    assert mail.outbox == []
