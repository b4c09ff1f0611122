"""The skeleton every capability stands on: home page, chrome, feeds, robots, settings."""

import subprocess
import sys

import pytest
from django.conf import settings
from wagtail.models import Site

from portal.models import HomePage


@pytest.mark.django_db
def test_home_page_is_the_default_site_root(client):
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="zh-CN"' in html
    assert "湘企出海" in html
    assert settings.SITE_ICP_NUMBER in html  # footer carries the filing numbers


@pytest.mark.django_db
def test_english_is_switchable(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    html = client.get("/").content.decode()
    assert '<html lang="en"' in html
    assert "Skip to main content" in html or "跳到主要内容" in html


@pytest.mark.django_db
def test_robots_and_sitemap(client):
    robots = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in robots and "Sitemap:" in robots
    assert client.get("/sitemap.xml").status_code == 200


@pytest.mark.django_db
def test_public_pages_send_a_content_security_policy(client):
    response = client.get("/")
    assert "script-src 'self'" in response["Content-Security-Policy"]


def test_defaults_are_chinese_and_shanghai():
    assert settings.LANGUAGE_CODE == "zh-hans"
    assert settings.TIME_ZONE == "Asia/Shanghai"


def _run_check(env_overrides):
    env = {"PATH": "/usr/bin:/bin", "APP_ENV": "production", **env_overrides}
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        capture_output=True,
        text=True,
        env={**env, "DJANGO_SETTINGS_MODULE": "config.settings"},
        cwd=settings.BASE_DIR,
        check=False,
    )


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"SECRET_KEY": "x" * 60, "ALLOWED_HOSTS": "xqch.example.cn", "DEBUG": "true"}, "DEBUG"),
        ({"ALLOWED_HOSTS": "xqch.example.cn"}, "SECRET_KEY"),
        ({"SECRET_KEY": "k3#9" * 15}, "ALLOWED_HOSTS"),
    ],
)
def test_production_refuses_insecure_settings(overrides, message):
    result = _run_check(overrides)
    assert result.returncode != 0
    assert message in result.stderr


def _production_rsa_key():
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()


def test_production_with_safe_settings_passes_check_deploy():
    result = _run_check(
        {
            "SECRET_KEY": "k3#9Qz!" * 10,
            "ALLOWED_HOSTS": "xqch.example.cn",
            "EMAIL_URL": "smtp+tls://noreply:secret@smtp.example.cn:587",
            "SMS_BACKEND": "accounts.sms.AliyunSmsBackend",
            "OIDC_RSA_PRIVATE_KEY": _production_rsa_key(),
        }
    )
    assert result.returncode == 0, result.stderr + result.stdout
