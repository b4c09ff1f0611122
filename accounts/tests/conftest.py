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


REDIRECT = "https://bank.example.cn/oidc/callback"
SECRET = "bank-client-secret-0123456789"


@pytest.fixture
def bank_client():
    """The bank's matchmaking platform as a confidential OIDC client (test_oidc, test_oidc_client_removal)."""
    from oauth2_provider.models import get_application_model

    from accounts.models import ClientPolicy

    Application = get_application_model()
    app = Application.objects.create(
        name="建行跨境撮合平台",
        client_type=Application.CLIENT_CONFIDENTIAL,
        authorization_grant_type=Application.GRANT_AUTHORIZATION_CODE,
        redirect_uris=REDIRECT,
        client_secret=SECRET,
        algorithm=Application.RS256_ALGORITHM,
        skip_authorization=False,
    )
    ClientPolicy.objects.create(application=app, allowed_scopes="openid profile phone", description="用于在撮合平台识别企业用户")
    return app
