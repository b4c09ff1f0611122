"""The Django admin's data-call pages (for the superuser) open, with each question's order shown read-only."""

import pytest

pytestmark = pytest.mark.django_db


def test_superuser_opens_a_data_call_and_a_new_one_in_the_django_admin(client, make_user, make_call):
    call = make_call()
    client.force_login(make_user("root", staff=True, is_superuser=True))
    change = client.get(f"/django-admin/datacalls/datacall/{call.pk}/change/")
    assert change.status_code == 200  # was a FieldError: sort_order is not editable on Wagtail's form fields
    assert "营业收入（万美元）" in change.content.decode()
    assert 'name="form_fields-0-sort_order"' not in change.content.decode()
    assert client.get("/django-admin/datacalls/datacall/add/").status_code == 200
