"""Validation of uploaded business licences: type by extension *and* content, and size."""

from django.conf import settings
from django.core.exceptions import ValidationError
from PIL import Image, UnidentifiedImageError

from uploads.checking import check_upload, extension_of

LICENCE_TYPES = ("pdf", "jpg", "jpeg", "png")


def validate_licence(upload):
    """Accept PDF, JPG or PNG up to ``LICENCE_MAX_MB``; the file's content must match its extension."""
    check_upload(upload, allowed=LICENCE_TYPES, max_mb=settings.LICENCE_MAX_MB, label="营业执照")
    ext = extension_of(upload.name)
    if ext != "pdf":
        try:
            with Image.open(upload) as image:
                image.verify()
        except (UnidentifiedImageError, OSError, SyntaxError) as exc:
            raise ValidationError("图片文件已损坏或无法识别，请重新扫描后上传。", code="image") from exc
        finally:
            upload.seek(0)
