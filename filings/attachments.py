"""Checking uploaded filing documents (the shared checks of ``uploads.checking``, with the filing limits)."""

from django.conf import settings

from uploads.checking import check_upload


def validate_upload(upload):
    """Raise ``ValidationError`` (in Chinese) unless ``upload`` is an allowed, intact document."""
    check_upload(upload, allowed=settings.FILINGS_ATTACHMENT_EXTENSIONS, max_mb=settings.FILINGS_ATTACHMENT_MAX_MB)
