"""Upload refusals in English: whole sentences naming the file, the allowed formats listed with
commas; in Chinese they are unchanged."""

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from uploads.checking import check_upload


def _refusal(name, content, **options):
    try:
        check_upload(SimpleUploadedFile(name, content), **{"allowed": ["pdf", "docx"], "max_mb": 1, **options})
    except ValidationError as error:
        return error.messages[0]
    raise AssertionError("accepted")


def test_refusals_in_english():
    with translation.override("en"):
        assert _refusal("plan.exe", b"MZ") == "“plan.exe” is a “.exe” file, which is not accepted. Please upload a file in one of these formats: pdf, docx"
        assert _refusal("plan", b"x").startswith("“plan” has no file extension")
        assert _refusal("plan.pdf", b"") == "“plan.pdf” is an empty file"
        assert _refusal("plan.pdf", b"not a pdf") == "The content of “plan.pdf” does not match its extension “.pdf”. The file may be damaged or renamed"
        assert _refusal("plan.pdf", b"%PDF-1.4\n<html></html>").startswith("“plan.pdf” is not a valid PDF file (")


def test_refusals_in_chinese_are_unchanged():
    assert _refusal("plan.exe", b"MZ") == "“plan.exe”的类型“.exe”不支持，请上传 pdf、docx 格式的文件"
    assert _refusal("plan", b"x") == "“plan”的类型“.无扩展名”不支持，请上传 pdf、docx 格式的文件"
    assert _refusal("plan.pdf", b"%PDF-1.4\n<html></html>").startswith("“plan.pdf”不是有效的 PDF 文件（")
