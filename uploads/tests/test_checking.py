import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfReader, PdfWriter

from uploads import checking
from uploads.checking import check_upload, check_uploads
from uploads.tests import samples

ALLOWED = ["pdf", "png", "jpg", "jpeg", "docx", "xlsx", "pptx", "doc", "xls", "ppt", "zip", "txt"]
WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def pdf(name="报告.pdf", body=samples.PDF):
    return SimpleUploadedFile(name, body)


def refusal(upload, **kwargs):
    with pytest.raises(ValidationError) as caught:
        check_upload(upload, allowed=ALLOWED, max_mb=kwargs.get("max_mb", 1))
    return caught.value


def test_an_intact_allowed_file_passes_and_stays_readable():
    upload = pdf()
    check_upload(upload, allowed=ALLOWED, max_mb=1)
    assert upload.read() == samples.PDF


@pytest.mark.parametrize(
    ("name", "body"),
    [
        ("报告.pdf", samples.PDF),
        ("照片.png", samples.PNG),
        ("照片.jpg", samples.JPEG),
        ("照片.JPEG", samples.JPEG),
        ("名单.xlsx", samples.XLSX),
        ("方案.docx", samples.DOCX),
        ("介绍.pptx", samples.PPTX),
        ("旧方案.doc", samples.DOC),
        ("旧名单.xls", samples.DOC),
        ("旧介绍.ppt", samples.ole(sector_shift=12)),
        ("材料.zip", samples.ZIP),
    ],
)
def test_a_real_file_of_each_type_passes(name, body):
    upload = SimpleUploadedFile(name, body)
    check_upload(upload, allowed=ALLOWED, max_mb=1)
    assert upload.read() == body  # left at its start for whoever stores it


def test_types_without_a_signature_are_checked_by_name_and_size():
    check_upload(SimpleUploadedFile("说明.txt", "纯文本".encode()), allowed=ALLOWED, max_mb=1)


@pytest.mark.parametrize(
    ("upload", "code", "words"),
    [
        (SimpleUploadedFile("setup.exe", b"MZ\x90\x00"), "type", "“.exe”不支持"),
        (SimpleUploadedFile("无扩展名", b"abc"), "type", "无扩展名"),
        (SimpleUploadedFile("空.pdf", b""), "empty", "空文件"),
        (SimpleUploadedFile("改名.pdf", b"MZ\x90\x00 not a pdf"), "content", "不符"),
        (SimpleUploadedFile("假文档.docx", b"%PDF-1.4"), "content", "不符"),
    ],
)
def test_refusals_say_what_is_wrong(upload, code, words):
    error = refusal(upload)
    assert error.code == code
    assert words in error.messages[0]
    assert upload.name in error.messages[0]


def _encrypted_pdf(password):
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(samples.PDF)))
    writer.encrypt(user_password=password, owner_password="owner-secret", algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _zip(members):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def _corrupt_zip_member(body):
    """Flip a byte inside the first member's compressed data, so its checksum fails."""
    data = bytearray(body)
    name_length, extra_length = int.from_bytes(data[26:28], "little"), int.from_bytes(data[28:30], "little")
    data[30 + name_length + extra_length + 2] ^= 0xFF
    return bytes(data)


FORGED = [
    # name, content, the words of the refusal
    ("网页.pdf", b"%PDF-1.7\n<html><body><script>alert(document.cookie)</script></body></html>", "不是有效的 PDF 文件"),
    ("截断.pdf", samples.PDF[: len(samples.PDF) // 2], "不是有效的 PDF 文件"),
    ("无页.pdf", b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n", "不是有效的 PDF 文件"),
    ("加密.pdf", _encrypted_pdf("s3cret"), "设有打开密码"),
    ("截断.png", samples.PNG[:-20], "图片数据已损坏或不完整"),
    ("截断.jpg", samples.JPEG[: len(samples.JPEG) // 2], "图片数据已损坏或不完整"),
    ("其实是.png", b"\x89PNG\r\n\x1a\n" + b"<html></html>", "图片数据已损坏或不完整"),
    ("网页.docx", b"PK\x03\x04<html><script>alert(1)</script></html>", "不是有效的 Word 文档（压缩结构已损坏）"),
    ("表格.docx", samples.XLSX, "不是有效的 Word 文档（缺少正文部分）"),
    ("文档.xlsx", samples.DOCX, "不是有效的 Excel 工作簿（缺少正文部分）"),
    ("压缩包.pptx", samples.ZIP, "不是有效的 PowerPoint 演示文稿（缺少正文部分）"),
    ("无目录.docx", _zip({"word/document.xml": "<w:document/>"}), "缺少 Office 文件的目录部分"),
    ("坏校验.docx", _corrupt_zip_member(samples.DOCX), "不是有效的 Word 文档"),
    ("实体.docx", _zip({
        "[Content_Types].xml": '<?xml version="1.0"?><!DOCTYPE Types [<!ENTITY x "y">]><Types/>', "_rels/.rels": "<Relationships/>",
    }), "目录部分无法读取"),
    ("空表.xlsx", samples.ooxml("xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "not xml"), "工作簿无法打开"),
    ("只有头.doc", samples.DOC[:512], "不是有效的 Office 97-2003 文件（目录已损坏）"),
    ("坏头.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "不是有效的 Office 97-2003 文件（文件头已损坏）"),
    ("短.ppt", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(20), "不是有效的 Office 97-2003 文件（文件头不完整）"),
    ("坏.zip", b"PK\x03\x04" + bytes(40), "不是有效的 ZIP 压缩包"),
]


@pytest.mark.parametrize(("name", "body", "words"), FORGED, ids=[name for name, _, _ in FORGED])
def test_a_file_that_only_starts_like_its_type_is_refused_naming_the_file(name, body, words):
    error = refusal(SimpleUploadedFile(name, body))
    assert words in error.messages[0]
    assert f"“{name}”" in error.messages[0]


def test_a_pdf_with_an_empty_user_password_is_readable_and_accepted():
    check_upload(pdf(body=_encrypted_pdf("")), allowed=ALLOWED, max_mb=1)


def test_a_zip_that_would_unpack_beyond_the_limit_is_refused_before_unpacking(monkeypatch):
    monkeypatch.setattr(checking, "MAX_UNPACKED_MB", 1)  # the real limit is 200 MB; the rule is the same
    bomb = _zip({"zeros.bin": bytes(1024 * 1024 + 1)})
    assert len(bomb) < 10_000
    error = refusal(SimpleUploadedFile("炸弹.zip", bomb))
    assert "解压后超过 1 MB" in error.messages[0]


def test_the_label_names_the_file_when_given():
    with pytest.raises(ValidationError) as caught:
        check_upload(SimpleUploadedFile("scan.pdf", b"%PDF-1.4\n<html></html>"), allowed=["pdf"], max_mb=1, label="营业执照")
    assert caught.value.messages[0].startswith("营业执照不是有效的 PDF 文件")


def test_size_limit_names_the_size():
    error = refusal(pdf(body=b"%PDF-" + b"0" * (1024 * 1024)), max_mb=1)
    assert error.code == "size" and "1.0 MB" in error.messages[0]


def test_batch_counts_existing_files():
    with pytest.raises(ValidationError, match="最多 3 个附件"):
        check_uploads([pdf(), pdf()], allowed=ALLOWED, max_mb=1, max_files=3, existing=2)
    check_uploads([pdf()], allowed=ALLOWED, max_mb=1, max_files=3, existing=2)


def test_a_real_word_package_declares_its_main_part():
    # the sample the other tests rely on is what Word itself would need to open
    with zipfile.ZipFile(io.BytesIO(samples.DOCX)) as archive:
        assert WORD_MAIN in archive.read("[Content_Types].xml").decode()


def test_a_main_part_typed_by_the_default_of_its_extension_is_accepted():
    """Open Packaging Conventions: a part without an Override takes its extension's Default type."""
    types = f'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="{WORD_MAIN}"/></Types>'
    rels = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/document.xml"/></Relationships>'
    )
    body = _zip({"[Content_Types].xml": types, "_rels/.rels": rels, "word/document.xml": "<w:document xmlns:w='x'/>"})
    check_upload(SimpleUploadedFile("方案.docx", body), allowed=ALLOWED, max_mb=1)
