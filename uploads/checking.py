"""Uploaded-file checks shared by every app that accepts attachments.

A file is accepted only if its extension is allowed, it is not empty, it is within the size limit
and its first bytes are what that type must start with (so a renamed executable is refused). Every
refusal is a ``ValidationError`` with a specific Chinese message naming the file.
"""

from pathlib import Path

from django.core.exceptions import ValidationError

# The first bytes each type must start with (office files are ZIP or OLE containers).
SIGNATURES = {
    "pdf": (b"%PDF-",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "docx": (b"PK\x03\x04",),
    "xlsx": (b"PK\x03\x04",),
    "pptx": (b"PK\x03\x04",),
    "zip": (b"PK\x03\x04",),
    "doc": (b"\xd0\xcf\x11\xe0",),
    "xls": (b"\xd0\xcf\x11\xe0",),
    "ppt": (b"\xd0\xcf\x11\xe0",),
}


def extension_of(name):
    return Path(name or "").suffix.lower().lstrip(".")


def check_upload(upload, *, allowed, max_mb, label=None):
    """Raise ``ValidationError`` unless ``upload`` is an allowed, non-empty, intact file of at most ``max_mb``.

    ``label`` names the file in messages (default: its name in quotes). Types without a known
    signature are checked by extension and size only.
    """
    label = label or f"“{upload.name}”"
    extension = extension_of(upload.name)
    if allowed and extension not in allowed:
        raise ValidationError(
            f"{label}的类型“.{extension or '无扩展名'}”不支持，请上传 {'、'.join(allowed)} 格式的文件", code="type"
        )
    if upload.size == 0:
        raise ValidationError(f"{label}是空文件", code="empty")
    if upload.size > max_mb * 1024 * 1024:
        raise ValidationError(f"{label}过大（{upload.size / 1024 / 1024:.1f} MB），单个文件不超过 {max_mb} MB", code="size")
    if extension in SIGNATURES:
        upload.seek(0)
        head = upload.read(16)
        upload.seek(0)
        if not head.startswith(SIGNATURES[extension]):
            raise ValidationError(f"{label}的内容与扩展名“.{extension}”不符，可能已损坏或被改名", code="content")


def check_uploads(uploads, *, allowed, max_mb, max_files, existing=0):
    """Check a batch: at most ``max_files`` together with the ``existing`` ones, each by ``check_upload``."""
    if existing + len(uploads) > max_files:
        raise ValidationError(f"最多 {max_files} 个附件", code="count")
    for upload in uploads:
        check_upload(upload, allowed=allowed, max_mb=max_mb)
