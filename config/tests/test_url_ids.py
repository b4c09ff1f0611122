"""An id in a URL beyond what a database integer holds is a 404 on every route, never a 500."""

import pytest

from config.url_ids import LARGEST_ID, out_of_range

PAST_64_BITS = LARGEST_ID + 1


def test_only_integers_past_64_bits_are_out_of_range():
    assert out_of_range([PAST_64_BITS])
    assert out_of_range(["kind", 10**20])
    assert not out_of_range([LARGEST_ID, 0, "99999999999999999999", True])


@pytest.mark.django_db
def test_a_directory_profile_with_an_id_past_64_bits_is_not_found(client):
    # The profile is looked up by filter(organization_id=…): SQLite raised OverflowError here.
    assert client.get(f"/directory/{PAST_64_BITS}/").status_code == 404
    assert client.get(f"/directory/{LARGEST_ID}/").status_code == 404


@pytest.mark.django_db
def test_archiving_an_expired_article_with_an_id_past_64_bits_is_not_found(client, make_user):
    # get_object_or_404(ArticlePage, pk=…) compares the page's parent link, which Django does not range-check.
    client.force_login(make_user("root", staff=True, is_superuser=True))
    assert client.post(f"/admin/portal/expired/{PAST_64_BITS}/archive/").status_code == 404
