"""Small, real files of each type the upload check knows, for any app's tests.

Each is built by the library that reads that type (pypdf, Pillow, openpyxl) or, for the Office
containers no library here writes, by hand to the format's specification — so the checks are
tested against what real software produces, not against a few magic bytes.
"""

import struct
import zipfile
from io import BytesIO

from openpyxl import Workbook
from PIL import Image
from pypdf import PdfWriter


def _pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


def _image(fmt) -> bytes:
    out = BytesIO()
    Image.new("RGB", (16, 12), (200, 30, 30)).save(out, format=fmt)
    return out.getvalue()


def _xlsx() -> bytes:
    workbook = Workbook()
    workbook.active.append(["姓名", "金额"])
    workbook.active.append(["张三", 100])
    out = BytesIO()
    workbook.save(out)
    return out.getvalue()


_CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/{part}" ContentType="{content_type}"/>
</Types>"""
_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="{part}"/>
</Relationships>"""
_DOCX_BODY = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>境外安全应急预案</w:t></w:r></w:p></w:body></w:document>"""
_PPTX_BODY = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<p:presentation xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"/>"""


def ooxml(part, content_type, body, *, extra=None) -> bytes:
    """A minimal Office Open XML package: content types, the package relationship and the main part."""
    out = BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES.format(part=part, content_type=content_type))
        archive.writestr("_rels/.rels", _RELS.format(part=part))
        archive.writestr(part, body)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return out.getvalue()


def ole(sector_shift=9) -> bytes:
    """An empty OLE compound file (the container of .doc/.xls/.ppt): header, one FAT sector, the root directory."""
    sector = 1 << sector_shift
    free, end, fat = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(16)
    header += struct.pack("<HHHHH", 0x3E, 3 if sector_shift == 9 else 4, 0xFFFE, sector_shift, 6) + bytes(6)
    header += struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, end, 0, end, 0)  # 1 FAT sector, directory at sector 1
    header += struct.pack("<I", 0) + struct.pack("<I", free) * 108  # the FAT is sector 0
    header = header.ljust(sector, b"\0")
    fat_sector = struct.pack("<II", fat, end).ljust(sector, b"\xff")
    name = "Root Entry".encode("utf-16-le") + b"\0\0"
    root = name.ljust(64, b"\0") + struct.pack("<HBB", len(name), 5, 1) + struct.pack("<III", free, free, free)
    root = (root + bytes(16 + 4 + 16) + struct.pack("<IQ", end, 0)).ljust(128, b"\0")
    empty = (bytes(64) + struct.pack("<HBB", 0, 0, 0) + struct.pack("<III", free, free, free)).ljust(128, b"\0")
    directory = (root + empty * (sector // 128 - 1))
    return header + fat_sector + directory


PDF = _pdf()
PNG = _image("PNG")
JPEG = _image("JPEG")
XLSX = _xlsx()
DOCX = ooxml("word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", _DOCX_BODY)
PPTX = ooxml("ppt/presentation.xml", "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml", _PPTX_BODY)
DOC = ole()
ZIP = ooxml("readme.txt", "text/plain", "说明")
