"""Unified social credit code (GB 32100-2015) and business-licence upload validation."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from accounts.credit_code import clean_credit_code
from accounts.tests.conftest import PDF, PNG
from accounts.uploads import validate_licence

VALID = ["91430100MA4L0AXX1D", "91430500MA4PDEM023", "91110000600037341L", "91440300708461136T"]


@pytest.mark.parametrize("code", VALID)
def test_valid_credit_codes_pass_and_are_normalised(code):
    assert clean_credit_code(code) == code
    assert clean_credit_code(" " + code.lower()[:10] + "-" + code.lower()[10:] + " ") == code


def test_wrong_check_character_names_the_expected_one_in_chinese():
    with pytest.raises(ValidationError) as exc:
        clean_credit_code("91430100MA4L0AXX1E")
    message = exc.value.messages[0]
    assert "校验位错误" in message
    assert "第 18 位应为“D”" in message
    assert "您输入的是“E”" in message


@pytest.mark.parametrize(
    ("code", "fragment"),
    [("91430100MA4L0AXX1", "应为 18 位，您输入了 17 位"), ("9143010OMA4L0AXX1D", "前 8 位应为数字"), ("91430100MA4L0AIX1D", "格式不正确")],
)
def test_malformed_codes_get_specific_messages(code, fragment):
    with pytest.raises(ValidationError) as exc:
        clean_credit_code(code)
    assert fragment in exc.value.messages[0]


def test_pdf_and_png_licences_are_accepted():
    validate_licence(SimpleUploadedFile("执照.pdf", PDF))
    validate_licence(SimpleUploadedFile("licence.PNG", PNG))


@pytest.mark.parametrize(
    ("name", "content", "fragment"),
    [
        ("licence.exe", PDF, "请上传 pdf、jpg、jpeg、png 格式"),
        ("licence.pdf", b"MZ\x90\x00 not a pdf", "营业执照的内容与扩展名“.pdf”不符"),
        ("licence.png", PDF, "与扩展名“.png”不符"),
        ("licence.jpg", b"\xff\xd8\xff\xe0broken", "损坏"),
        ("licence.pdf", b"", "营业执照是空文件"),
    ],
)
def test_bad_licences_are_rejected_with_the_reason(name, content, fragment):
    with pytest.raises(ValidationError) as exc:
        validate_licence(SimpleUploadedFile(name, content))
    assert fragment in exc.value.messages[0]


@override_settings(LICENCE_MAX_MB=1)
def test_oversized_licence_is_rejected_with_its_size():
    with pytest.raises(ValidationError) as exc:
        validate_licence(SimpleUploadedFile("big.pdf", PDF + b"0" * (1024 * 1024 + 1)))
    assert "单个文件不超过 1 MB" in exc.value.messages[0]
