"""The listing form's contact preference: its default ("电话或电子邮件") needs one of the two, not both."""

import pytest
from django.core.exceptions import ValidationError

from matching.services import listings as services

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("phone, email", [("0731-88880000", ""), ("", "contact@example.cn"), ("0731-88880000", "contact@example.cn")])
def test_the_default_preference_is_satisfied_by_a_phone_or_an_email(buyer, listing_data, phone, email):
    data = listing_data(contact_preference="any", contact_phone=phone, contact_email=email)
    listing = services.save_listing(by=buyer, data=data, countries=["KE"], industries=["C"])
    assert listing.contact_preference == "any"


@pytest.mark.parametrize("preference, phone, email, field, message", [
    ("any", "", "", "contact_phone", "请至少填写联系电话或联系邮箱中的一项"),
    ("phone", "", "contact@example.cn", "contact_phone", "选择电话联系时请填写联系电话"),
    ("email", "0731-88880000", "", "contact_email", "选择邮件联系时请填写联系邮箱"),
])
def test_a_preference_without_its_contact_is_refused_in_chinese(buyer, listing_data, preference, phone, email, field, message):
    data = listing_data(contact_preference=preference, contact_phone=phone, contact_email=email)
    with pytest.raises(ValidationError) as exc:
        services.save_listing(by=buyer, data=data, countries=["KE"], industries=["C"])
    assert exc.value.message_dict[field] == [message]


def test_the_listing_page_accepts_its_own_default_with_only_a_phone(client, buyer, listing_data):
    from matching.tests.support import client_for

    data = listing_data(contact_email="")
    form = {k: v for k, v in data.items() if v is not None}
    form.update(countries=["KE"], industries=["C"], valid_until=data["valid_until"].isoformat())
    response = client_for(client, buyer).post("/matching/post/", form)
    assert response.status_code == 302, response.content.decode()[:2000]
