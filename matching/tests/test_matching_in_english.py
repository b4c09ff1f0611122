"""Business Matchmaking in English: the market, the China–Africa page, results, a listing with its
smart matches, the listing form, my matchmaking, an expression of interest and the review queue
read in English; what organisations wrote (titles, descriptions, names, messages), industry names
and the engine's stored match reasons stay Chinese, marked lang="zh-Hans"; amounts read in
English with their unit."""

import pytest
from django.urls import reverse

from config.tests.english import marked_chinese, unmarked_chinese
from matching import matchmaking
from matching.services import intents as intent_services
from matching.services import listings as services
from matching.tests.support import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def market(publish, buyer, seller, offer_fields):
    wanted = publish(buyer)
    offered = publish(seller, **offer_fields)
    matchmaking.refresh_matches(wanted)
    return {"wanted": wanted, "offered": offered}


def english_page(client, url):
    html = client.get(url).content.decode()
    assert unmarked_chinese(html) == [], url
    return html


def test_english_market_africa_and_results_pages(english, market):
    html = english_page(english, reverse("matching:market"))
    assert "<h1>Market</h1>" in html and "Products wanted" in html and "Products offered" in html and ">Kenya" in html
    assert "USD 1 million–2 million" in html  # the amount in English, with its unit
    html = english_page(english, reverse("matching:africa"))
    assert "China–Africa Matchmaking" in html and "Browse by country" in html
    html = english_page(english, reverse("matching:market") + "?q=nothing-like-this")
    assert "No listings match. Try wider filters." in html
    html = english_page(english, reverse("matching:stats"))
    assert "Listings on the market" in html and "Contract value (USD)" in html


def test_english_listing_with_smart_matches_marks_the_stored_reasons(english, market, buyer):
    client_for(english, buyer)
    html = english_page(english, reverse("matching:detail", args=[market["wanted"].pk]))
    assert "Smart matching" in html and "Manage this listing" in html and "Posted by" in html
    reasons = marked_chinese(html)
    assert market["offered"].title in reasons and "同在肯尼亚" in reasons


def test_english_form_mine_and_expression_of_interest(english, market, buyer, seller):
    client_for(english, buyer)
    html = english_page(english, reverse("matching:create"))
    assert "Post a request or offer" in html and "Workers wanted abroad" in html and '<optgroup label="Request">' in html
    html = english_page(english, reverse("matching:detail", args=[market["offered"].pk]))
    assert "Express interest" in html and "Link one of your own listings (optional)" in html
    intent = intent_services.send_intent(market["offered"], by=buyer, message="我们想采购十台挖掘机", contact_name="王经理", contact_phone="0731-1")
    intent_services.respond(intent, by=seller, accept=True)
    html = english_page(english, reverse("matching:mine"))
    assert "My matchmaking" in html and "Expressions of interest sent" in html and "Accepted" in html
    html = english_page(english, reverse("matching:intent", args=[intent.pk]))
    assert "Expression of interest" in html and "Conversation" in html and "Save outcome" in html


def test_english_review_queue_and_not_certified_pages(english, buyer, reviewer, outsider, listing_data, settings):
    settings.STAFF_REQUIRE_2FA = False
    services.save_listing(by=buyer, data=listing_data(), countries=["KE"], industries=["C"], submit=True)
    client_for(english, reviewer)
    html = english_page(english, reverse("matching:review"))
    assert "Listing review" in html and "Approve and publish" in html and "Return for revision" in html
    client_for(english, outsider)
    response = english.get(reverse("matching:create"))
    html = response.content.decode()
    assert response.status_code == 403 and unmarked_chinese(html) == [] and "Posting listings needs a verified organisation" in html


def test_chinese_market_stays_chinese(client, market):
    html = client.get(reverse("matching:market")).content.decode()
    assert "<h1>对接市场</h1>" in html and "产品采购需求" in html
    assert "100万–200万 美元" in html and 'lang="zh-Hans"' not in html
