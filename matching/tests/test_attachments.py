"""Listing attachments: the upload checks (matching/attachments.py over uploads/checking.py) through the
posting page and the services, and who may download an attachment (views.attachment)."""

import pytest
from django.conf import settings as django_settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from audit.models import AuditEntry
from matching.attachments import MAX_FILES, validate_uploads
from matching.models import Listing, ListingAttachment, Status
from matching.services import listings as services
from matching.tests.support import client_for
from uploads.tests.samples import PDF

pytestmark = pytest.mark.django_db

EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 64


def pdf(name="报价单.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


@pytest.fixture(autouse=True)
def _no_staff_2fa(settings):
    settings.STAFF_REQUIRE_2FA = False


@pytest.fixture(autouse=True)
def _private_root(settings):
    """The temporary root that matching's conftest sets; the storage reads the setting at each use."""
    return settings.PRIVATE_ROOT


@pytest.fixture
def form(listing_data):
    def make(**overrides):
        data = listing_data(**overrides)
        return {**data, "valid_until": data["valid_until"].isoformat(), "countries": ["KE"], "industries": ["C"], "action": "submit"}

    return make


# --- uploading ------------------------------------------------------------------------------------------------------


def test_certified_owner_uploads_a_pdf_with_a_listing(client, buyer, form):
    data = form()
    response = client_for(client, buyer).post(reverse("matching:create"), {**data, "attachments": [pdf()]})
    assert response.status_code == 302
    listing = Listing.objects.get(title=data["title"])
    assert listing.status == Status.PENDING
    attachment = listing.attachments.get()
    assert attachment.name == "报价单.pdf" and attachment.size == len(PDF)
    with attachment.file.open("rb") as handle:
        assert handle.read() == PDF
    # stored in the private store under a random name, not under MEDIA_ROOT
    assert str(attachment.file.path).startswith(str(django_settings.PRIVATE_ROOT / "matching"))
    assert "报价单" not in attachment.file.name


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (lambda: pdf("安装程序.pdf", EXE), "“安装程序.pdf”的内容与扩展名“.pdf”不符，可能已损坏或被改名"),
        (lambda: pdf("报价单.pdf", b"this is plain text, not a PDF document"), "“报价单.pdf”的内容与扩展名“.pdf”不符，可能已损坏或被改名"),
        (lambda: SimpleUploadedFile("setup.exe", EXE, content_type="application/octet-stream"), "“setup.exe”的类型“.exe”不支持"),
        (lambda: pdf("空白.pdf", b""), "“空白.pdf”是空文件"),
    ],
    ids=["renamed-exe", "pdf-wrong-bytes", "exe-extension", "empty"],
)
def test_bad_files_are_refused_in_chinese_and_nothing_is_saved(client, buyer, form, upload, message):
    data = form()
    response = client_for(client, buyer).post(reverse("matching:create"), {**data, "attachments": [upload()]})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Listing.objects.filter(title=data["title"]).exists() and not ListingAttachment.objects.exists()


def test_too_many_files_are_refused(client, buyer, form):
    data = form()
    files = [pdf(f"附件{i}.pdf") for i in range(MAX_FILES + 1)]
    response = client_for(client, buyer).post(reverse("matching:create"), {**data, "attachments": files})
    assert response.status_code == 200 and f"最多上传 {MAX_FILES} 个附件" in response.content.decode()
    assert not Listing.objects.filter(title=data["title"]).exists() and not ListingAttachment.objects.exists()


def test_existing_attachments_count_towards_the_limit(buyer, listing_data):
    listing = services.save_listing(by=buyer, data=listing_data(), countries=["KE"], industries=["C"], uploads=[pdf(f"附件{i}.pdf") for i in range(MAX_FILES)])
    assert listing.attachments.count() == MAX_FILES
    with pytest.raises(ValidationError, match=f"最多 {MAX_FILES} 个附件"):
        services.save_listing(by=buyer, listing=listing, data=listing_data(), countries=["KE"], industries=["C"], uploads=[pdf("第六个.pdf")])
    # removing one makes room for one
    first = listing.attachments.first()
    services.save_listing(by=buyer, listing=listing, data=listing_data(), countries=["KE"], industries=["C"], uploads=[pdf("第六个.pdf")],
                          remove_attachments=[first.pk])
    assert listing.attachments.count() == MAX_FILES and not listing.attachments.filter(pk=first.pk).exists()


@override_settings(MATCHING_ATTACHMENT_MAX_MB=1)
def test_oversized_file_is_refused(client, buyer, form):
    data = form()
    big = pdf("大文件.pdf", PDF + b"0" * (1024 * 1024))
    response = client_for(client, buyer).post(reverse("matching:create"), {**data, "attachments": [big]})
    assert response.status_code == 200
    assert "“大文件.pdf”过大" in response.content.decode() and "单个文件不超过 1 MB" in response.content.decode()
    assert not ListingAttachment.objects.exists()
    with pytest.raises(ValidationError, match="单个文件不超过 1 MB"):
        validate_uploads([pdf("大文件.pdf", PDF + b"0" * (1024 * 1024))])
    validate_uploads([pdf("刚好.pdf", PDF + b"0" * (1024 * 1024 - len(PDF)))])  # exactly 1 MB is allowed


# --- downloading ----------------------------------------------------------------------------------------------------


@pytest.fixture
def pending_with_file(buyer, listing_data):
    listing = services.save_listing(by=buyer, data=listing_data(), countries=["KE"], industries=["C"], uploads=[pdf()], submit=True)
    assert listing.status == Status.PENDING
    return listing, listing.attachments.get()


def _url(listing, attachment):
    return reverse("matching:attachment", args=[listing.pk, attachment.pk])


def _downloads():
    return AuditEntry.objects.filter(action="matching.attachment_downloaded")


def test_owner_downloads_and_the_download_is_audited(client, buyer, pending_with_file):
    listing, attachment = pending_with_file
    response = client_for(client, buyer).get(_url(listing, attachment))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert "attachment" in response["Content-Disposition"]
    entry = _downloads().get()
    assert entry.actor_id == buyer.pk and entry.target_id == str(listing.pk) and entry.detail == {"attachment": attachment.pk}


def test_reviewer_downloads_a_listing_waiting_for_review(client, reviewer, pending_with_file):
    listing, attachment = pending_with_file
    response = client_for(client, reviewer).get(_url(listing, attachment))
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
    assert _downloads().get().actor_id == reviewer.pk


def test_others_cannot_download_attachments_of_a_listing_not_in_the_market(client, seller, outsider, pending_with_file):
    listing, attachment = pending_with_file
    anonymous = client.get(_url(listing, attachment))
    assert anonymous.status_code == 302 and reverse("accounts:login") in anonymous["Location"]
    assert client_for(client, seller).get(_url(listing, attachment)).status_code == 404  # certified, but another organisation
    assert client_for(client, outsider).get(_url(listing, attachment)).status_code == 404
    assert not _downloads().exists()


def test_published_listing_attachments_are_for_signed_in_certified_users_only(client, buyer, seller, outsider, pending_with_file, reviewer):
    """The view's design: once published, any certified organisation may download; anonymous visitors and
    uncertified accounts may not (the listing itself stays public)."""
    listing, attachment = pending_with_file
    services.approve(listing, by=reviewer)
    listing.refresh_from_db()
    assert listing.in_market
    assert client.get(reverse("matching:detail", args=[listing.pk])).status_code == 200  # the listing is public…
    anonymous = client.get(_url(listing, attachment))
    assert anonymous.status_code == 302 and reverse("accounts:login") in anonymous["Location"]  # …its files are not
    assert client_for(client, outsider).get(_url(listing, attachment)).status_code == 403
    assert not _downloads().exists()
    response = client_for(client, seller).get(_url(listing, attachment))
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
    assert _downloads().get().actor_id == seller.pk


def test_attachment_must_belong_to_the_listing(client, buyer, seller, listing_data, pending_with_file):
    listing, attachment = pending_with_file
    other = services.save_listing(by=buyer, data=listing_data(title="另一条需求信息"), countries=["KE"], industries=["C"])
    assert client_for(client, buyer).get(reverse("matching:attachment", args=[other.pk, attachment.pk])).status_code == 404
    assert not _downloads().exists()


def test_missing_file_on_disk_is_a_404(client, buyer, pending_with_file):
    listing, attachment = pending_with_file
    attachment.file.delete(save=False)
    assert client_for(client, buyer).get(_url(listing, attachment)).status_code == 404
    assert not _downloads().exists()


def test_uploads_go_to_the_configured_root(_private_root):
    assert ListingAttachment._meta.get_field("file").storage.location == str(_private_root)
