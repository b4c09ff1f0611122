"""Checking uploaded filing documents: extension, size and that the content is what the name says."""

from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError

# The first bytes each accepted type must start with (office files are ZIP containers).
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
    allowed = settings.FILINGS_ATTACHMENT_EXTENSIONS
    if extension not in allowed:
        raise ValidationError(f"不支持的文件类型“.{extension or '无'}”，请上传 {'、'.join(allowed)} 格式")
    limit = settings.FILINGS_ATTACHMENT_MAX_MB * 1024 * 1024
    if upload.size > limit:
        raise ValidationError(f"文件过大（{upload.size / 1024 / 1024:.1f} MB），单个附件不超过 {settings.FILINGS_ATTACHMENT_MAX_MB} MB")
    if upload.size == 0:
        raise ValidationError("文件为空")
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if not any(head.startswith(sig) for sig in SIGNATURES.get(extension, [b""])):
        raise ValidationError(f"文件内容与扩展名“.{extension}”不符，可能已损坏或被改名")
