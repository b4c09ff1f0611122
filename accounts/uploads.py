"""Validation of uploaded business licences: type by extension *and* content, and size."""

from django.conf import settings
from django.core.exceptions import ValidationError
from PIL import Image, UnidentifiedImageError

SIGNATURES = {
    "pdf": [b"%PDF-"],
    "jpg": [b"\xff\xd8\xff"],
    "jpeg": [b"\xff\xd8\xff"],
    "png": [b"\x89PNG\r\n\x1a\n"],
}


def validate_licence(upload):
    """Accept PDF, JPG or PNG up to ``LICENCE_MAX_MB``; the file's content must match its extension."""
    name = upload.name or ""
    ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if ext not in SIGNATURES:
        raise ValidationError("营业执照请上传 PDF、JPG 或 PNG 格式的文件。", code="type")
    limit = settings.LICENCE_MAX_MB * 1024 * 1024
    if upload.size > limit:
        raise ValidationError(f"营业执照文件不能超过 {settings.LICENCE_MAX_MB} MB（当前 {upload.size / 1024 / 1024:.1f} MB）。", code="size")
    if upload.size == 0:
        raise ValidationError("上传的文件是空的。", code="empty")
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if not any(head.startswith(sig) for sig in SIGNATURES[ext]):
        raise ValidationError(f"文件内容与扩展名 .{ext} 不符，请上传真实的 PDF 或图片文件。", code="content")
    if ext != "pdf":
        try:
            with Image.open(upload) as image:
                image.verify()
        except (UnidentifiedImageError, OSError, SyntaxError) as exc:
            raise ValidationError("图片文件已损坏或无法识别，请重新扫描后上传。", code="image") from exc
        finally:
            upload.seek(0)
