"""Uploaded-file checks shared by every app that accepts attachments.

A file is accepted only if its extension is allowed, it is not empty, it is within the size limit,
its first bytes are what that type must start with (so a renamed executable is refused) and —
where a library can tell — its whole structure is that type's: a PDF must parse and have pages,
an image must decode, an Office Open XML file must be an intact ZIP holding the main part of
its kind (an XLSX must also open in openpyxl), an old Office file must have a sound compound-file
header. So ``%PDF-`` followed by a web page is not a PDF. Every refusal is a ``ValidationError``
with a specific Chinese message naming the file.
"""

import struct
import zipfile
import zlib
from pathlib import Path
from xml.etree import ElementTree

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext
from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException
from PIL import Image
from pypdf import PasswordType, PdfReader
from pypdf.errors import PyPdfError

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

# What a parser fed a damaged or forged file raises. Any of them means the file is not what its
# extension says; they are listed rather than caught wholesale so a bug of ours still shows.
# (UnidentifiedImageError is an OSError, ElementTree.ParseError a SyntaxError, RecursionError a RuntimeError.)
PARSE_ERRORS = (
    PyPdfError, InvalidFileException, zipfile.BadZipFile, zlib.error, struct.error,
    ValueError, LookupError, TypeError, AttributeError, EOFError, OSError, SyntaxError, RuntimeError,
)

IMAGE_FORMATS = {"jpg": "JPEG", "jpeg": "JPEG", "png": "PNG", "gif": "GIF", "webp": "WEBP", "bmp": "BMP"}

# Office Open XML: the kind's name in messages and the content type of its main part.
OOXML_MAIN_PARTS = {
    "docx": (gettext_lazy("Word 文档"), "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"),
    "xlsx": (gettext_lazy("Excel 工作簿"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"),
    "pptx": (gettext_lazy("PowerPoint 演示文稿"), "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"),
}
CONTENT_TYPES_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"
RELATIONSHIPS_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
# A ZIP that unpacks to more than this is refused before it is unpacked (a "zip bomb").
MAX_UNPACKED_MB = 200

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
OLE_ROOT_ENTRY = "Root Entry".encode("utf-16-le")


def _listed(items):
    """``pdf、docx`` on Chinese pages, ``pdf, docx`` on English ones."""
    return pgettext("list separator", "、").join(items)


def extension_of(name):
    return Path(name or "").suffix.lower().lstrip(".")


def check_upload(upload, *, allowed, max_mb, label=None):
    """Raise ``ValidationError`` unless ``upload`` is an allowed, non-empty, intact file of at most ``max_mb``.

    ``label`` names the file in messages (default: its name in quotes). Types without a known
    signature or structure are checked by extension and size only. The file is left at its start.
    """
    label = label or f"“{upload.name}”"
    extension = extension_of(upload.name)
    if allowed and extension not in allowed:
        if extension:
            message = _("%(label)s的类型“.%(extension)s”不支持，请上传 %(allowed)s 格式的文件")
        else:
            message = _("%(label)s的类型“.无扩展名”不支持，请上传 %(allowed)s 格式的文件")
        raise ValidationError(message % {"label": label, "extension": extension, "allowed": _listed(allowed)}, code="type")
    if upload.size == 0:
        raise ValidationError(_("%(label)s是空文件") % {"label": label}, code="empty")
    if upload.size > max_mb * 1024 * 1024:
        raise ValidationError(
            _("%(label)s过大（%(size)s MB），单个文件不超过 %(max)s MB") % {"label": label, "size": f"{upload.size / 1024 / 1024:.1f}", "max": max_mb},
            code="size",
        )
    if extension in SIGNATURES:
        upload.seek(0)
        head = upload.read(16)
        upload.seek(0)
        if not head.startswith(SIGNATURES[extension]):
            raise _mismatch(label, extension)
    check = STRUCTURE_CHECKS.get(extension)
    if check is not None:
        try:
            check(upload, label, extension)
        finally:
            upload.seek(0)


def check_uploads(uploads, *, allowed, max_mb, max_files, existing=0):
    """Check a batch: at most ``max_files`` together with the ``existing`` ones, each by ``check_upload``."""
    if existing + len(uploads) > max_files:
        raise ValidationError(_("最多 %(n)s 个附件") % {"n": max_files}, code="count")
    for upload in uploads:
        check_upload(upload, allowed=allowed, max_mb=max_mb)


# --- whole-structure checks, one per kind -------------------------------------------------------


def _mismatch(label, extension):
    return ValidationError(_("%(label)s的内容与扩展名“.%(extension)s”不符，可能已损坏或被改名") % {"label": label, "extension": extension}, code="content")


def _broken(label, kind, how=None):
    return ValidationError(
        _("%(label)s不是有效的 %(kind)s（%(how)s），可能已损坏或被改名，请重新导出后上传") % {"label": label, "kind": kind, "how": how or _("文件结构不完整")},
        code="structure",
    )


def _check_pdf(upload, label, extension):
    """The cross-reference table, the catalogue and the page tree must parse, with at least one page."""
    upload.seek(0)
    try:
        reader = PdfReader(upload)
        if reader.is_encrypted and reader.decrypt("") == PasswordType.NOT_DECRYPTED:
            raise ValidationError(_("%(label)s设有打开密码，审核人员无法查看，请去除密码后重新上传") % {"label": label}, code="encrypted")
        pages = len(reader.pages)
    except PARSE_ERRORS as exc:
        raise _broken(label, _("PDF 文件")) from exc
    if pages == 0:
        raise _broken(label, _("PDF 文件"), _("没有任何页面"))


def _check_image(upload, label, extension):
    """The image must be of the format its extension names and decode to the last byte."""
    upload.seek(0)
    try:
        with Image.open(upload) as image:
            if image.format != IMAGE_FORMATS[extension]:
                raise _mismatch(label, extension)
            image.verify()
        upload.seek(0)
        with Image.open(upload) as image:
            image.draft(image.mode, (1, 1))  # JPEG: decode at 1/8 scale; every byte is still read
            image.load()
    except Image.DecompressionBombError as exc:
        raise ValidationError(_("%(label)s的图片尺寸过大（像素过多），请缩小后上传") % {"label": label}, code="structure") from exc
    except PARSE_ERRORS as exc:
        raise ValidationError(_("%(label)s的图片数据已损坏或不完整，请重新保存或扫描后上传") % {"label": label}, code="structure") from exc


def _open_zip(upload, label, kind):
    """An intact ZIP: every member's checksum holds and it does not unpack to more than MAX_UNPACKED_MB."""
    upload.seek(0)
    try:
        archive = zipfile.ZipFile(upload)
        if sum(member.file_size for member in archive.infolist()) > MAX_UNPACKED_MB * 1024 * 1024:
            raise ValidationError(_("%(label)s解压后超过 %(max)s MB，不予接收") % {"label": label, "max": MAX_UNPACKED_MB}, code="structure")
        if archive.testzip() is not None:
            raise _broken(label, kind, _("压缩数据校验失败"))
    except PARSE_ERRORS as exc:
        raise _broken(label, kind, _("压缩结构已损坏")) from exc
    return archive


def _check_zip(upload, label, extension):
    _open_zip(upload, label, _("ZIP 压缩包")).close()


def _read_xml(archive, name, label, kind):
    data = archive.read(name)
    if b"<!DOCTYPE" in data.upper():  # Office never writes one; refusing it leaves no entity tricks
        raise _broken(label, kind, _("目录部分无法读取"))
    try:
        return ElementTree.fromstring(data)  # noqa: S314 -- no DTD (above), and ElementTree loads no external entities
    except PARSE_ERRORS as exc:
        raise _broken(label, kind, _("目录部分无法读取")) from exc


def _check_ooxml(upload, label, extension):
    """A ZIP whose package relationship names a main part that is there and has the kind's content type.

    The content type is the part's ``Override`` in ``[Content_Types].xml`` or else the ``Default``
    of its extension (Open Packaging Conventions), so a spreadsheet renamed .docx is refused.
    """
    kind, main_type = OOXML_MAIN_PARTS[extension]
    with _open_zip(upload, label, kind) as archive:
        names = set(archive.namelist())
        if "[Content_Types].xml" not in names or "_rels/.rels" not in names:
            raise _broken(label, kind, _("缺少 Office 文件的目录部分"))
        types = _read_xml(archive, "[Content_Types].xml", label, kind)
        relationships = _read_xml(archive, "_rels/.rels", label, kind)
        targets = [r.get("Target", "").lstrip("/") for r in relationships.iter(f"{RELATIONSHIPS_NS}Relationship") if r.get("Type", "").endswith("/officeDocument")]
        main = targets[0] if targets else ""
        overrides = {o.get("PartName", "").lstrip("/").lower(): o.get("ContentType") for o in types.iter(f"{CONTENT_TYPES_NS}Override")}
        defaults = {d.get("Extension", "").lower(): d.get("ContentType") for d in types.iter(f"{CONTENT_TYPES_NS}Default")}
        content_type = overrides.get(main.lower()) or defaults.get(main.rsplit(".", 1)[-1].lower())
        if main not in names or content_type != main_type:
            raise _broken(label, kind, _("缺少正文部分"))
    if extension == "xlsx":
        upload.seek(0)
        try:
            load_workbook(upload, read_only=True).close()
        except PARSE_ERRORS as exc:
            raise _broken(label, kind, _("工作簿无法打开")) from exc


def _check_ole(upload, label, extension):
    """An old Office file is an OLE compound file: its 512-byte header and its root directory entry must be sound."""
    upload.seek(0)
    header = upload.read(512)
    if len(header) < 512 or not header.startswith(OLE_SIGNATURE):
        raise _broken(label, _("Office 97-2003 文件"), _("文件头不完整"))
    major, byte_order, sector_shift, mini_shift = struct.unpack_from("<HHHH", header, 26)
    fat_sectors, first_directory = struct.unpack_from("<II", header, 44)
    if byte_order != 0xFFFE or (major, sector_shift) not in {(3, 9), (4, 12)} or mini_shift != 6 or fat_sectors == 0:
        raise _broken(label, _("Office 97-2003 文件"), _("文件头已损坏"))
    upload.seek((first_directory + 1) << sector_shift)
    root = upload.read(128)
    if len(root) < 128 or not root.startswith(OLE_ROOT_ENTRY) or root[66] != 5:
        raise _broken(label, _("Office 97-2003 文件"), _("目录已损坏"))


STRUCTURE_CHECKS = {
    "pdf": _check_pdf,
    **dict.fromkeys(IMAGE_FORMATS, _check_image),
    "zip": _check_zip,
    **dict.fromkeys(OOXML_MAIN_PARTS, _check_ooxml),
    **dict.fromkeys(("doc", "xls", "ppt"), _check_ole),
}
