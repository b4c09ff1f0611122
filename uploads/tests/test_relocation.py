"""Moving files uploaded before private storage: into PRIVATE_ROOT under random names, original names
kept, rows updated; repeatable, and a missing file is reported rather than fatal."""

import datetime
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.utils import timezone

from accounts.models import CertificationRequest
from consultation import services as consultation
from consultation.models import Attachment
from filings.models import FilingAttachment
from filings.tests.factories import create_filing
from matching.models import Listing, ListingAttachment
from uploads.relocation import PLACES, migration, move_to_private
from uploads.storage import is_random_name
from uploads.tests.samples import PDF, PNG

pytestmark = pytest.mark.django_db


@pytest.fixture
def roots(settings, tmp_path):
    """MEDIA_ROOT, the new private root and the two legacy roots, laid out as their defaults were."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_ROOT = tmp_path / "private"
    settings.LEGACY_UPLOAD_ROOTS = {"accounts": tmp_path / "private", "matching": tmp_path / "private" / "matching"}
    return settings


def put(root, name, data=PDF):
    path = Path(root, name)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def stored_as(model, pk, name):
    """A row of ``model`` whose file field holds the old ``name`` (as rows written before the move do)."""
    field = PLACES[model._meta.label].file_field
    model.objects.filter(pk=pk).update(**{field: name})
    return model.objects.get(pk=pk)


@pytest.fixture
def filing_attachment(make_org, make_user):
    org = make_org()
    filing = create_filing(org, materials=False, created_by=make_user("ent", org=org))
    row = FilingAttachment.objects.create(filing=filing, label="可研报告", file="x", original_name="可研报告.pdf", size=len(PDF))
    return stored_as(FilingAttachment, row.pk, f"filings/{filing.pk}/可研报告.pdf")


def test_a_public_filing_attachment_moves_to_a_random_private_name_and_keeps_its_name(roots, filing_attachment):
    old = put(roots.MEDIA_ROOT, filing_attachment.file.name)
    outcome = move_to_private(FilingAttachment, PLACES["filings.FilingAttachment"])
    assert (outcome.moved, outcome.already, outcome.missing) == (1, 0, [])
    row = FilingAttachment.objects.get(pk=filing_attachment.pk)
    assert is_random_name(row.file.name, "filings") and row.file.name.endswith(".pdf")
    assert row.original_name == "可研报告.pdf"
    assert Path(roots.PRIVATE_ROOT, row.file.name).read_bytes() == PDF
    assert not old.exists() and not old.parent.exists()  # the per-filing folder went with it
    with row.file.open("rb") as handle:
        assert handle.read() == PDF


def test_running_again_changes_nothing(roots, filing_attachment):
    put(roots.MEDIA_ROOT, filing_attachment.file.name)
    move_to_private(FilingAttachment, PLACES["filings.FilingAttachment"])
    moved_to = FilingAttachment.objects.get(pk=filing_attachment.pk).file.name
    outcome = move_to_private(FilingAttachment, PLACES["filings.FilingAttachment"])
    assert (outcome.moved, outcome.already, outcome.missing) == (0, 1, [])
    assert FilingAttachment.objects.get(pk=filing_attachment.pk).file.name == moved_to


def test_a_missing_file_is_reported_and_its_row_left_alone(roots, filing_attachment, make_user):
    outcome = move_to_private(FilingAttachment, PLACES["filings.FilingAttachment"])
    assert outcome.moved == 0 and outcome.missing == [(filing_attachment.pk, filing_attachment.file.name)]
    assert "1 missing" in outcome.summary("filings.FilingAttachment") and filing_attachment.file.name in outcome.summary("filings.FilingAttachment")
    assert FilingAttachment.objects.get(pk=filing_attachment.pk).file.name == filing_attachment.file.name


def test_a_name_that_climbs_out_of_the_old_folder_is_not_followed(roots, filing_attachment, tmp_path):
    put(tmp_path, "secret.pdf")
    stored_as(FilingAttachment, filing_attachment.pk, "../secret.pdf")
    outcome = move_to_private(FilingAttachment, PLACES["filings.FilingAttachment"])
    assert outcome.moved == 0 and len(outcome.missing) == 1 and Path(tmp_path, "secret.pdf").exists()


def test_enquiry_attachments_move_through_their_migration_function(roots, make_user):
    enquiry = consultation.ask(asker=make_user("asker"), asker_name="刘", category="investment", subject="问", body="问题")
    row = Attachment.objects.create(enquiry=enquiry, file="x", name="照片.png", size=len(PNG))
    stored_as(Attachment, row.pk, f"consultation/{enquiry.pk}/照片.png")
    put(roots.MEDIA_ROOT, f"consultation/{enquiry.pk}/照片.png", PNG)
    migration("consultation.Attachment")(apps, None)
    row.refresh_from_db()
    assert is_random_name(row.file.name, "consultation") and row.name == "照片.png"
    assert Path(roots.PRIVATE_ROOT, row.file.name).read_bytes() == PNG


def test_licences_move_within_the_old_private_folder_and_get_their_name_when_it_was_blank(roots, make_org):
    org = make_org()
    request = CertificationRequest.objects.create(
        organization=org, kind=org.kind, name=org.name, credit_code=org.credit_code, jurisdiction=org.jurisdiction,
        licence="x", licence_name="", submitted_at=timezone.now(),
    )
    old_name = f"licences/{org.credit_code}/20260101120000.pdf"
    stored_as(CertificationRequest, request.pk, old_name)
    old = put(roots.LEGACY_UPLOAD_ROOTS["accounts"], old_name)
    move_to_private(CertificationRequest, PLACES["accounts.CertificationRequest"])
    request.refresh_from_db()
    assert is_random_name(request.licence.name, "accounts") and request.licence_name == "20260101120000.pdf"
    assert not old.exists() and Path(roots.PRIVATE_ROOT, request.licence.name).read_bytes() == PDF


def test_listing_attachments_move_from_their_former_folder(roots, make_org, make_user):
    org = make_org()
    listing = Listing.objects.create(
        kind="need_product", title="采购液压件", description="长期采购", valid_until=timezone.localdate() + datetime.timedelta(days=30),
        owner=make_user("buyer", org=org), organization=org, contact_name="张三", contact_phone="0731-88880000",
    )
    row = ListingAttachment.objects.create(listing=listing, file="x", name="规格.pdf", size=len(PDF))
    stored_as(ListingAttachment, row.pk, f"{listing.pk}/0123456789abcdef0123456789abcdef.pdf")
    put(roots.LEGACY_UPLOAD_ROOTS["matching"], f"{listing.pk}/0123456789abcdef0123456789abcdef.pdf")
    move_to_private(ListingAttachment, PLACES["matching.ListingAttachment"])
    row.refresh_from_db()
    assert is_random_name(row.file.name, "matching") and row.name == "规格.pdf"
    assert Path(roots.PRIVATE_ROOT, row.file.name).read_bytes() == PDF
    assert not Path(roots.LEGACY_UPLOAD_ROOTS["matching"], str(listing.pk)).exists()


def test_the_command_reports_each_place_dry_run_changes_nothing_and_a_missing_file_fails_it(roots, filing_attachment, capsys):
    old = put(roots.MEDIA_ROOT, filing_attachment.file.name)
    call_command("move_private_uploads", "--dry-run")
    assert "filings.FilingAttachment: 1 to move" in capsys.readouterr().out and old.exists()
    call_command("move_private_uploads")
    out = capsys.readouterr().out
    assert "filings.FilingAttachment: 1 moved" in out and "consultation.Attachment: 0 moved" in out and not old.exists()
    stored_as(FilingAttachment, filing_attachment.pk, "filings/1/gone.pdf")
    with pytest.raises(CommandError, match="1 file"):
        call_command("move_private_uploads")
