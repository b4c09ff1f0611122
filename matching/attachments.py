"""Checking uploaded listing attachments: type, size, count and that the content is what the name says."""

from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError

MAX_FILES = 5

# The first bytes each accepted type must start with (office files are ZIP or OLE containers).
SIGNATURES = {
    "pdf": [b"%PDF-"],
    "jpg": [b"\xff\xd8\xff"],
    "jpeg": [b"\xff\xd8\xff"],
    "png": [b"\x89PNG\r\n\x1a\n"],
    "docx": [b"PK\x03\x04"],
    "xlsx": [b"PK\x03\x04"],
    "doc": [b"\xd0\xcf\x11\xe0"],
    "xls": [b"\xd0\xcf\x11\xe0"],
}


def validate_upload(upload):
    """Raise ``ValidationError`` (in Chinese) unless ``upload`` is an allowed, intact document."""
    extension = Path(upload.name).suffix.lower().lstrip(".")
    allowed = settings.MATCHING_ATTACHMENT_EXTENSIONS
    if extension not in allowed:
        raise ValidationError(f"“{upload.name}”的类型不支持，请上传 {'、'.join(allowed)} 格式")
    if upload.size == 0:
        raise ValidationError(f"“{upload.name}”是空文件")
    limit = settings.MATCHING_ATTACHMENT_MAX_MB * 1024 * 1024
    if upload.size > limit:
        raise ValidationError(f"“{upload.name}”过大（{upload.size / 1024 / 1024:.1f} MB），单个附件不超过 {settings.MATCHING_ATTACHMENT_MAX_MB} MB")
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if not any(head.startswith(signature) for signature in SIGNATURES.get(extension, [b""])):
        raise ValidationError(f"“{upload.name}”的内容与扩展名“.{extension}”不符，可能已损坏或被改名")


def validate_uploads(uploads, existing=0):
    if existing + len(uploads) > MAX_FILES:
        raise ValidationError(f"每条信息最多 {MAX_FILES} 个附件")
    for upload in uploads:
        validate_upload(upload)
