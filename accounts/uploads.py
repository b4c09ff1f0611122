"""Validation of uploaded business licences: type by extension *and* content, and size."""

from django.conf import settings
from django.utils.translation import gettext

from uploads.checking import check_upload

LICENCE_TYPES = ("pdf", "jpg", "jpeg", "png")


def validate_licence(upload):
    """Accept PDF, JPG or PNG up to ``LICENCE_MAX_MB`` whose whole content is what its extension says (``uploads.checking``)."""
    check_upload(upload, allowed=LICENCE_TYPES, max_mb=settings.LICENCE_MAX_MB, label=gettext("营业执照"))
