"""Checking uploaded listing attachments (the shared checks of ``uploads.checking``, with the listing limits)."""

from django.conf import settings

from uploads.checking import check_upload, check_uploads

MAX_FILES = 5


def validate_upload(upload):
    """Raise ``ValidationError`` (in Chinese) unless ``upload`` is an allowed, intact document."""
    check_upload(upload, allowed=settings.MATCHING_ATTACHMENT_EXTENSIONS, max_mb=settings.MATCHING_ATTACHMENT_MAX_MB)


def validate_uploads(uploads, existing=0):
    check_uploads(
        uploads, allowed=settings.MATCHING_ATTACHMENT_EXTENSIONS, max_mb=settings.MATCHING_ATTACHMENT_MAX_MB,
        max_files=MAX_FILES, existing=existing,
    )
