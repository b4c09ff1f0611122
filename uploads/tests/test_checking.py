import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from uploads.checking import check_upload, check_uploads

ALLOWED = ["pdf", "png", "docx", "txt"]


def pdf(name="报告.pdf", body=b"%PDF-1.7\n..."):
    return SimpleUploadedFile(name, body)


def refusal(upload, **kwargs):
    with pytest.raises(ValidationError) as caught:
        check_upload(upload, allowed=ALLOWED, max_mb=kwargs.get("max_mb", 1))
    return caught.value


def test_an_intact_allowed_file_passes_and_stays_readable():
    upload = pdf()
    check_upload(upload, allowed=ALLOWED, max_mb=1)
    assert upload.read(5) == b"%PDF-"


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


def test_size_limit_names_the_size():
    error = refusal(pdf(body=b"%PDF-" + b"0" * (1024 * 1024)), max_mb=1)
    assert error.code == "size" and "1.0 MB" in error.messages[0]


def test_batch_counts_existing_files():
    with pytest.raises(ValidationError, match="最多 3 个附件"):
        check_uploads([pdf(), pdf()], allowed=ALLOWED, max_mb=1, max_files=3, existing=2)
    check_uploads([pdf()], allowed=ALLOWED, max_mb=1, max_files=3, existing=2)
