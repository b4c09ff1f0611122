"""Enquiry attachments: kept privately and sent only to the asker and to the staff who may handle the enquiry."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts.roles import city_bureau_role
from audit.models import AuditEntry
from consultation import services, tracking
from consultation.models import Category
from uploads.tests.samples import PDF

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _private_root(settings, tmp_path):
    settings.PRIVATE_ROOT = tmp_path / "private"


def ask(**who):
    files = [SimpleUploadedFile("投资协议.pdf", PDF, content_type="application/pdf")]
    return services.ask(asker_name="刘", category=Category.INVESTMENT, subject="邵阳的问题", body="请看附件", city="shaoyang", files=files, **who)


@pytest.fixture
def people(make_user):
    return {
        "asker": make_user("asker"),
        "other": make_user("other"),
        "sy": make_user("sy_bureau", role=city_bureau_role("shaoyang")),
        "cs": make_user("cs_bureau", role=city_bureau_role("changsha")),
    }


def assert_sent(response):
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Disposition"].startswith("attachment;") and "%E6%8A%95%E8%B5%84%E5%8D%8F%E8%AE%AE.pdf" in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"


def test_the_file_is_stored_privately_under_a_random_name_and_the_original_name_is_kept(people, settings):
    attachment = ask(asker=people["asker"]).attachments.get()
    assert attachment.name == "投资协议.pdf"
    assert attachment.file.name.startswith("consultation/") and "投资协议" not in attachment.file.name
    assert attachment.file.path.startswith(str(settings.PRIVATE_ROOT))


def test_the_asker_downloads_from_their_enquiry_page_and_nobody_else_does(client, people):
    enquiry = ask(asker=people["asker"])
    attachment = enquiry.attachments.get()
    url = reverse("consultation:mine_attachment", args=[enquiry.pk, attachment.pk])
    client.force_login(people["asker"])
    assert url in client.get(reverse("consultation:mine_detail", args=[enquiry.pk])).content.decode()
    assert_sent(client.get(url))
    client.force_login(people["other"])
    assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302  # to the sign-in page


def test_an_asker_without_an_account_downloads_through_the_tracking_link_only(client, people):
    enquiry = ask(mobile="13912345678")
    attachment = enquiry.attachments.get()
    token = tracking.track_token(enquiry)
    url = reverse("consultation:track_attachment", args=[token, attachment.pk])
    assert url in client.get(reverse("consultation:track", args=[token])).content.decode()
    assert_sent(client.get(url))
    assert client.get(reverse("consultation:track_attachment", args=[token[:-2] + "xx", attachment.pk])).status_code == 404


def test_the_handling_bureau_downloads_and_is_audited_another_citys_bureau_gets_404(client, people):
    enquiry = ask(asker=people["asker"])
    attachment = enquiry.attachments.get()
    url = reverse("consultation:staff_attachment", args=[enquiry.pk, attachment.pk])
    client.force_login(people["sy"])
    assert url in client.get(reverse("consultation:staff_detail", args=[enquiry.pk])).content.decode()
    assert_sent(client.get(url))
    entry = AuditEntry.objects.get(action="consultation.attachment_download")
    assert entry.actor == people["sy"] and entry.target_id == str(enquiry.pk)
    client.force_login(people["cs"])
    assert client.get(url).status_code == 404
    client.force_login(people["asker"])  # not staff: the staff pages are closed to them
    assert client.get(url).status_code == 403


def test_an_attachment_of_another_enquiry_is_not_reachable_through_ones_own(client, people):
    own = ask(asker=people["asker"])
    foreign = ask(asker=people["other"]).attachments.get()
    client.force_login(people["asker"])
    assert client.get(reverse("consultation:mine_attachment", args=[own.pk, foreign.pk])).status_code == 404


def test_a_row_whose_file_is_gone_is_a_404_not_an_error(client, people):
    enquiry = ask(asker=people["asker"])
    attachment = enquiry.attachments.get()
    attachment.file.storage.delete(attachment.file.name)
    client.force_login(people["asker"])
    assert client.get(reverse("consultation:mine_attachment", args=[enquiry.pk, attachment.pk])).status_code == 404
