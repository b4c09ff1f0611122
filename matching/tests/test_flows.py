"""Posting, review, expiry, intents and contact reveal, permissions, smart matches and pushes – through
the services and through the pages."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from matching import matchmaking, selectors
from matching.models import Intent, IntentStatus, Listing, Match, MatchNotice, Status
from matching.services import intents as intent_services
from matching.services import listings as services
from matching.tasks import expire_listings, match_listing
from matching.tests.support import client_for
from notifications.models import Message

pytestmark = pytest.mark.django_db


# --- posting and review ---------------------------------------------------------------------------------------------


def test_only_certified_accounts_post_and_the_listing_waits_for_review(buyer, outsider, listing_data, reviewer):
    with pytest.raises(PermissionDenied):
        services.save_listing(by=outsider, data=listing_data(), countries=["KE"], industries=["C"])
    listing = services.save_listing(by=buyer, data=listing_data(), countries=["KE"], industries=["C"], submit=True)
    assert listing.status == Status.PENDING and listing.side == "demand"
    assert not listing.in_market and not selectors.market().filter(pk=listing.pk).exists()
    assert Message.objects.filter(recipient=reviewer, kind="matching_staff.review").exists()


def test_posting_rejects_bad_dates_and_amounts_in_chinese(buyer, listing_data):
    with pytest.raises(ValidationError) as exc:
        services.save_listing(by=buyer, data=listing_data(valid_until=timezone.localdate() - timedelta(days=1), amount_min_usd=5, amount_max_usd=1),
                              countries=[], industries=[])
    assert exc.value.message_dict["valid_until"] == ["有效期不能早于今天"]
    assert exc.value.message_dict["amount_max_usd"] == ["金额上限不能小于下限"]


def test_review_publishes_or_returns_and_only_reviewers_review(buyer, seller, reviewer, listing_data):
    listing = services.save_listing(by=buyer, data=listing_data(), countries=["KE"], industries=["C"], submit=True)
    with pytest.raises(PermissionDenied):
        services.approve(listing, by=seller)
    with pytest.raises(ValidationError, match="退回理由"):
        services.return_listing(listing, by=reviewer, note=" ")
    services.return_listing(listing, by=reviewer, note="请补充设备型号")
    assert listing.status == Status.RETURNED
    assert Message.objects.filter(recipient=buyer, kind="matching.listing_returned").exists()
    services.submit_listing(listing, by=buyer)
    services.approve(listing, by=reviewer)
    listing.refresh_from_db()
    assert listing.status == Status.PUBLISHED and listing.in_market and listing.published_at
    assert selectors.market(region="africa", side="demand").filter(pk=listing.pk).exists()


def test_editing_a_published_listing_sends_it_back_to_review(buyer, publish, listing_data):
    listing = publish(buyer)
    services.save_listing(by=buyer, listing=listing, data=listing_data(title="肯尼亚经销商采购挖掘机二十台"), countries=["KE"], industries=["C"])
    listing.refresh_from_db()
    assert listing.status == Status.PENDING and not listing.in_market


def test_pages_post_a_listing_and_reviewer_approves_it(client, buyer, reviewer, listing_data, settings):
    settings.STAFF_REQUIRE_2FA = False
    data = listing_data()
    form = {**data, "valid_until": data["valid_until"].isoformat(), "countries": ["KE"], "industries": ["C"], "action": "submit"}
    response = client_for(client, buyer).post(reverse("matching:create"), form)
    listing = Listing.objects.get(title=data["title"])
    assert response.status_code == 302 and listing.status == Status.PENDING
    bad = client.post(reverse("matching:create"), {**form, "description": "太短"})
    assert "请至少用 20 个字" in bad.content.decode() and "肯尼亚经销商" in bad.content.decode()  # error and input kept
    assert client.get(reverse("matching:review")).status_code == 403
    client_for(client, reviewer)
    assert listing.title in client.get(reverse("matching:review")).content.decode()
    client.post(reverse("matching:review_action", args=[listing.pk]), {"action": "approve"})
    listing.refresh_from_db()
    assert listing.status == Status.PUBLISHED


def test_uncertified_user_gets_the_explanation_page(client, outsider):
    response = client_for(client, outsider).get(reverse("matching:create"))
    assert response.status_code == 403 and "认证" in response.content.decode()


# --- expiry ---------------------------------------------------------------------------------------------------------


def test_expired_listings_leave_the_market_once(buyer, publish):
    listing = publish(buyer)
    Listing.objects.filter(pk=listing.pk).update(valid_until=timezone.localdate() - timedelta(days=1))
    assert not selectors.market().filter(pk=listing.pk).exists()  # out of the market the day after validity
    assert expire_listings.call() == {"expired": 1}
    assert expire_listings.call() == {"expired": 0}
    listing.refresh_from_db()
    assert listing.status == Status.EXPIRED and listing.closed_at
    assert Message.objects.filter(recipient=buyer, kind="matching.listing_expired").count() == 1


def test_expiry_is_a_periodic_job():
    from background.periodic import REGISTRY

    assert REGISTRY["matching.tasks.expire_listings"].every == timedelta(hours=1)
    assert REGISTRY["matching.tasks.rematch_all"].every == timedelta(hours=24)


# --- intents --------------------------------------------------------------------------------------------------------


@pytest.fixture
def demand(buyer, publish):
    return publish(buyer)


def test_intent_states_and_contacts_revealed_only_on_acceptance(client, demand, buyer, seller):
    intent = intent_services.send_intent(demand, by=seller, message="我司可供货", contact_name="李工", contact_phone="13900000000")
    assert intent.status == IntentStatus.PENDING
    assert Message.objects.filter(recipient=buyer, kind="matching.intent_received").exists()
    assert not selectors.contacts_visible(buyer, intent) and not selectors.contacts_visible(seller, intent)
    url = reverse("matching:intent", args=[intent.pk])
    page = client_for(client, buyer).get(url).content.decode()
    assert "13900000000" not in page and demand.contact_phone not in page
    with pytest.raises(ValidationError):
        intent_services.post_message(intent, by=buyer, body="你好")
    with pytest.raises(PermissionDenied):
        intent_services.respond(intent, by=seller, accept=True)  # only the owner answers
    client.post(url, {"action": "accept", "note": "欢迎洽谈"})
    intent.refresh_from_db()
    assert intent.status == IntentStatus.ACCEPTED
    assert "13900000000" in client.get(url).content.decode()  # owner sees the sender's contacts
    assert demand.contact_phone in client_for(client, seller).get(url).content.decode()  # sender sees the owner's
    with pytest.raises(ValidationError):
        intent_services.respond(intent, by=buyer, accept=False)  # no second answer
    client.post(url, {"action": "message", "body": "下周可以视频会议吗？"})
    assert intent.messages.filter(body="下周可以视频会议吗？").exists()


def test_declined_intent_keeps_contacts_hidden_and_sender_may_try_again(demand, buyer, seller):
    intent = intent_services.send_intent(demand, by=seller, message="我司可供货", contact_name="李工", contact_email="li@example.cn")
    with pytest.raises(PermissionDenied, match="已就这条信息发送过意向"):
        intent_services.send_intent(demand, by=seller, message="再次联系", contact_name="李工", contact_email="li@example.cn")
    intent_services.respond(intent, by=buyer, accept=False, note="已有供应商")
    assert not selectors.contacts_visible(buyer, intent) and not selectors.contacts_visible(seller, intent)
    again = intent_services.send_intent(demand, by=seller, message="新机型报价", contact_name="李工", contact_email="li@example.cn")
    intent_services.withdraw_intent(again, by=seller)
    assert again.status == IntentStatus.WITHDRAWN


def test_intent_rules(demand, buyer, seller, outsider):
    with pytest.raises(PermissionDenied):
        intent_services.send_intent(demand, by=outsider, message="x", contact_name="x", contact_phone="1")
    with pytest.raises(PermissionDenied):
        intent_services.send_intent(demand, by=buyer, message="x", contact_name="x", contact_phone="1")  # own listing
    with pytest.raises(ValidationError, match="联系方式"):
        intent_services.send_intent(demand, by=seller, message="有意向", contact_name="李工")


def test_outcomes_feed_the_effectiveness_figures(demand, buyer, seller):
    intent = intent_services.send_intent(demand, by=seller, message="我司可供货", contact_name="李工", contact_phone="139")
    with pytest.raises(ValidationError):
        intent_services.record_outcome(intent, by=seller, meeting_held_on=timezone.localdate())  # not accepted yet
    intent_services.respond(intent, by=buyer, accept=True)
    with pytest.raises(ValidationError, match="签约日期"):
        intent_services.record_outcome(intent, by=seller, deal_amount_usd=10)
    today = timezone.localdate()
    intent_services.record_outcome(intent, by=seller, meeting_held_on=today, deal_signed_on=today, deal_amount_usd=1_200_000)
    figures = selectors.effectiveness()
    assert (figures["intents"], figures["accepted"], figures["meetings"], figures["deals"]) == (1, 1, 1, 1)
    assert figures["deal_amount_usd"] == 1_200_000 and figures["acceptance_rate"] == 100.0


# --- permissions ------------------------------------------------------------------------------------------------------


def test_no_one_reads_another_organisations_intents(client, demand, buyer, seller, banker, reviewer, settings):
    settings.STAFF_REQUIRE_2FA = False
    intent = intent_services.send_intent(demand, by=seller, message="我司可供货", contact_name="李工", contact_phone="139")
    intent_services.respond(intent, by=buyer, accept=True)
    url = reverse("matching:intent", args=[intent.pk])
    for stranger in (banker, reviewer):
        assert client_for(client, stranger).get(url).status_code == 404
        assert client.post(url, {"action": "message", "body": "插话"}).status_code == 404
        assert not selectors.intents_visible_to(stranger).exists()
    with pytest.raises(PermissionDenied):
        intent_services.post_message(intent, by=banker, body="插话")
    with pytest.raises(PermissionDenied):
        intent_services.record_outcome(intent, by=banker, meeting_held_on=timezone.localdate())
    client.logout()
    assert client.get(url).status_code == 302  # to login


def test_object_level_rules_on_listings(client, buyer, seller, listing_data):
    draft = services.save_listing(by=buyer, data=listing_data(), countries=["KE"], industries=["C"])
    assert client_for(client, seller).get(reverse("matching:detail", args=[draft.pk])).status_code == 404
    assert client.get(reverse("matching:edit", args=[draft.pk])).status_code == 404
    assert client.post(reverse("matching:listing_action", args=[draft.pk, "submit"])).status_code == 404
    with pytest.raises(PermissionDenied):
        services.withdraw(draft, by=seller)
    assert client_for(client, buyer).get(reverse("matching:detail", args=[draft.pk])).status_code == 200


def test_suggestions_are_shown_only_to_whoever_manages_the_listing(client, demand, seller, publish, offer_fields):
    offer = publish(seller, **offer_fields)
    matchmaking.refresh_matches(demand)
    assert Match.objects.filter(listing=demand, counterpart=offer).exists()
    assert not selectors.matches_for(seller, demand).exists()
    url = reverse("matching:detail", args=[demand.pk])
    page = client_for(client, seller).get(url).content.decode()
    assert 'id="matches"' not in page and "同在肯尼亚" not in page
    # the owner does see them, with the reasons
    owner_page = client_for(client, demand.owner).get(url).content.decode()
    assert 'id="matches"' in owner_page and "同在肯尼亚" in owner_page and offer.title in owner_page


# --- smart matches and pushes ----------------------------------------------------------------------------------------


def test_match_reasons_and_push_without_repeats(client, demand, buyer, seller, publish, offer_fields):
    offer = publish(seller, **offer_fields)
    result = match_listing.call(offer.pk)
    assert result["pushed"] >= 1
    match = Match.objects.get(listing=demand, counterpart=offer)
    assert match.reasons[0] == "同在肯尼亚" and "金额相符" in match.reasons
    assert set(match.components) == {"text", "country", "industry", "kind", "amount", "quality"}
    pushed = Message.objects.filter(recipient=buyer, kind=matchmaking.NOTICE_KIND)
    assert pushed.count() == 1 and offer.title in pushed.get().body
    # the nightly re-match and a second run of the task find nothing new to tell
    match_listing.call(offer.pk)
    matchmaking.rematch_all()
    assert Message.objects.filter(recipient=buyer, kind=matchmaking.NOTICE_KIND).count() == 1
    assert MatchNotice.objects.filter(listing=demand, counterpart=offer).count() == 1
    page = client_for(client, buyer).get(reverse("matching:detail", args=[demand.pk])).content.decode()
    assert offer.title in page and "同在肯尼亚" in page


def test_matches_below_the_threshold_are_not_pushed(demand, buyer, seller, publish, offer_fields, settings):
    settings.MATCHING_PUSH_THRESHOLD = 0.99
    offer = publish(seller, **offer_fields)
    match_listing.call(offer.pk)
    assert Match.objects.filter(listing=demand, counterpart=offer).exists()
    assert not Message.objects.filter(kind=matchmaking.NOTICE_KIND).exists()


def test_a_published_quality_rating_lifts_the_rated_counterpart(demand, seller, publish, offer_fields, make_org, make_user):
    from decimal import Decimal

    from rating.models import CycleStatus, RatingCycle, Submission, SubmissionState

    rival = make_user("rival", org=make_org("湖南另一家重工有限公司"))
    rated, unrated = publish(seller, **offer_fields), publish(rival, **offer_fields)
    cycle = RatingCycle.objects.create(year=2030, title="2030年度", opens_on=timezone.localdate(), closes_on=timezone.localdate(),
                                       status=CycleStatus.REVIEWING)
    Submission.objects.create(cycle=cycle, organization=seller.organization, state=SubmissionState.SCORED, total_score=Decimal("92.00"), grade="A")
    # not yet published: both unrated, the same score
    before = {s.doc_id: s for s in matchmaking.suggest(demand)}
    assert before[rated.pk].components["quality"] == before[unrated.pk].components["quality"] == 0.5
    cycle.status = CycleStatus.PUBLISHED
    cycle.save()
    after = matchmaking.suggest(demand)
    assert after[0].doc_id == rated.pk and after[0].components["quality"] == pytest.approx(0.92)
    assert "优质企业" in after[0].reasons
    assert after[0].score > next(s.score for s in after if s.doc_id == unrated.pk)


def test_a_listing_that_left_the_market_is_no_longer_suggested(demand, seller, publish, offer_fields):
    offer = publish(seller, **offer_fields)
    matchmaking.refresh_matches(offer)
    services.withdraw(offer, by=seller)
    assert offer.pk not in [s.doc_id for s in matchmaking.suggest(demand)]


def test_market_filters_by_kind_side_country_region_industry_and_amount(buyer, seller, publish, offer_fields):
    demand = publish(buyer)
    offer = publish(seller, countries=["VN"], industries=["C"], **{**offer_fields, "amount_min_usd": 10_000_000, "amount_max_usd": 20_000_000})
    assert list(selectors.market(region="africa")) == [demand]
    assert list(selectors.market(region="asia")) == [offer]
    assert list(selectors.market(side="supply")) == [offer]
    assert list(selectors.market(kind="need_product")) == [demand]
    assert list(selectors.market(country="KE")) == [demand]
    assert set(selectors.market(industry="C")) == {demand, offer}
    assert list(selectors.market(amount_min=5_000_000)) == [offer]
    assert list(selectors.market(amount_max=3_000_000)) == [demand]
    assert Intent.objects.count() == 0
