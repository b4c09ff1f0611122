"""Nothing an enterprise or a person uploads is public: every file field of the platform's own apps
keeps its files in the private store, and each kind of upload is sent only by its checked view."""

from pathlib import Path
from urllib.parse import quote

import pytest
from django.apps import apps
from django.conf import settings
from django.db import models
from django.http import Http404
from django.test import Client, RequestFactory
from django.urls import reverse
from django.views.static import serve

from accounts.tests.test_object_permission_matrix import World
from uploads.storage import PrivateStorage, RandomName, check_private_root
from uploads.tests.samples import PDF

# The only files allowed under MEDIA_ROOT: Wagtail's images and documents, which editors publish on
# purpose (with ``UploadedFile``, where the admin's multiple upload holds them until saved), and
# the admin users' avatars — nothing an enterprise or a member of the public can upload.
PUBLIC_MEDIA_MODELS = {"wagtailimages.Image", "wagtailimages.Rendition", "wagtaildocs.Document", "wagtailcore.UploadedFile", "wagtailusers.UserProfile"}
# Every model the platform stores uploads in (so the walk below cannot pass by finding nothing).
UPLOAD_MODELS = {"accounts.CertificationRequest", "filings.FilingAttachment", "consultation.Attachment", "datacalls.SubmissionFile", "matching.ListingAttachment"}


def own_apps():
    base = Path(settings.BASE_DIR).resolve()
    return [a for a in apps.get_app_configs() if Path(a.path).resolve().is_relative_to(base) and "site-packages" not in Path(a.path).parts]


def file_fields(app_configs):
    for app_config in app_configs:
        for model in app_config.get_models():
            for field in model._meta.get_fields():
                if isinstance(field, models.FileField):
                    yield model, field


def under_media_root(storage) -> bool:
    location = getattr(storage, "location", None)
    return location is not None and Path(location).resolve().is_relative_to(Path(settings.MEDIA_ROOT).resolve())


def test_every_file_field_of_our_apps_is_private_with_random_names():
    found = set()
    for model, field in file_fields(own_apps()):
        label = f"{model._meta.label}.{field.name}"
        found.add(model._meta.label)
        assert isinstance(field.storage, PrivateStorage), f"{label} must use uploads.storage.private_storage"
        assert not under_media_root(field.storage), f"{label} stores under MEDIA_ROOT"
        assert field.storage.base_url is None, f"{label} has a URL"
        assert isinstance(field.upload_to, RandomName), f"{label} must name files with uploads.storage.RandomName"
    assert found >= UPLOAD_MODELS, f"not walked: {UPLOAD_MODELS - found}"


def test_only_wagtail_images_and_documents_are_public():
    public = {model._meta.label for model, field in file_fields(apps.get_app_configs()) if under_media_root(field.storage)}
    assert public <= PUBLIC_MEDIA_MODELS, f"files under MEDIA_ROOT: {sorted(public - PUBLIC_MEDIA_MODELS)}"


def test_the_private_store_is_outside_media_root_and_has_no_url(settings, tmp_path):
    settings.PRIVATE_ROOT = tmp_path / "private"
    storage = PrivateStorage()
    assert Path(storage.location) == (tmp_path / "private").resolve()
    assert not Path(settings.PRIVATE_ROOT).resolve().is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    with pytest.raises(ValueError):
        storage.url("filings/x.pdf")


# --- each kind of upload, end to end ----------------------------------------------------------------------

# kind -> (the stored object from World, its FieldFile, its download URL, the name it was uploaded with)
KINDS = {
    "licence": (lambda w: w.certification, "licence", lambda o: reverse("accounts:certification_licence", args=[o.pk]), "licence.pdf"),
    "filing attachment": (
        lambda w: w.filing_attachment, "file", lambda o: reverse("filings:attachment_download", args=[o.filing_id, o.pk]), "study.pdf"
    ),
    "enquiry attachment": (
        lambda w: w.enquiry_attachment, "file", lambda o: reverse("consultation:mine_attachment", args=[o.enquiry_id, o.pk]), "协议.pdf"
    ),
    "data-call file": (lambda w: w.submission.files.get(), "file", lambda o: reverse("datacalls:file", args=[o.pk]), "audit.pdf"),
    "listing attachment": (
        lambda w: w.listing_draft.attachments.get(), "file", lambda o: reverse("matching:attachment", args=[o.listing_id, o.pk]), "spec.pdf"
    ),
}


@pytest.fixture
def world(db, settings, tmp_path):
    settings.PRIVATE_ROOT = tmp_path / "private"
    settings.MEDIA_ROOT = tmp_path / "media"
    return World()


def signed_in(world, username):
    client = Client()
    client.force_login(world.users[username])
    return client


@pytest.mark.parametrize("kind", KINDS)
def test_an_upload_has_no_public_url_and_only_its_checked_view_sends_it(kind, world):
    make, field_name, download_url, original = KINDS[kind]
    stored = make(world)
    name = getattr(stored, field_name).name
    assert original not in name and Path(settings.PRIVATE_ROOT, name).read_bytes() == PDF

    # What a web server serving MEDIA_ROOT (Django in DEBUG, or nginx's /media/) would find: nothing.
    assert Client().get(settings.MEDIA_URL + name).status_code == 404
    with pytest.raises(Http404):
        serve(RequestFactory().get("/"), name, document_root=settings.MEDIA_ROOT)
    media = Path(settings.MEDIA_ROOT)
    assert not media.exists() or not any(p.is_file() for p in media.rglob("*"))

    url = download_url(stored)
    assert Client().get(url).status_code == 302  # visitors are sent to sign in
    assert signed_in(world, "shaoyang_ent").get(url).status_code in (403, 404)  # another enterprise
    response = signed_in(world, "enterprise").get(url)  # the owner
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
    assert response["Content-Disposition"].startswith("attachment;")
    assert quote(original) in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(("private", "media"), [("media/private", "media"), ("files", "files"), ("files", "files/media")])
def test_a_private_root_overlapping_media_root_stops_the_site(settings, tmp_path, private, media):
    settings.PRIVATE_ROOT, settings.MEDIA_ROOT = tmp_path / private, tmp_path / media
    errors = check_private_root()
    assert [e.id for e in errors] == ["uploads.E001"] and "PRIVATE_MEDIA_ROOT" in errors[0].msg
    settings.PRIVATE_ROOT = tmp_path / "private"
    settings.MEDIA_ROOT = tmp_path / "media"
    assert check_private_root() == []
