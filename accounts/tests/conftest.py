"""Fixtures of the accounts tests: a clean rate-limit cache, SMS outbox readers, strong passwords."""

import re

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile

from accounts.models import SmsOutbox
from uploads.tests.samples import PDF, PNG

STRONG = "Hunan#2026go"

# A small valid PDF and PNG for licence uploads (re-exported for the accounts tests).
__all__ = ["PDF", "PNG"]


@pytest.fixture(autouse=True)
def _clean_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def strong_password():
    return STRONG


@pytest.fixture
def last_code():
    """``last_code("13800000000")`` → the 6-digit code in the newest outbox SMS to that number."""

    def read(mobile):
        sms = SmsOutbox.objects.filter(mobile=mobile).order_by("-id").first()
        assert sms is not None, f"no SMS to {mobile}"
        match = re.search(r"\b(\d{6})\b", sms.text)
        assert match, sms.text
        return match.group(1)

    return read


@pytest.fixture
def licence_pdf():
    def make(name="licence.pdf", content=PDF):
        return SimpleUploadedFile(name, content, content_type="application/pdf")

    return make


@pytest.fixture
def send_code(client):
    """POST to the SMS endpoint as the test client; returns the JSON reply."""

    def send(mobile, purpose="register", c=None):
        response = (c or client).post("/accounts/sms/send/", {"mobile": mobile, "purpose": purpose})
        return response.json()

    return send
