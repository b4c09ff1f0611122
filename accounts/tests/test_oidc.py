"""The platform as an OpenID Connect provider: discovery, consent, authorization code + PKCE S256,
an ID token verified against the published keys, userinfo limited to the client's scopes."""

import base64
import hashlib
import json
import secrets
from urllib.parse import parse_qs, urlencode, urlparse

import pytest
from jwcrypto import jwk, jwt
from oauth2_provider.models import AccessToken

from accounts.tests.conftest import REDIRECT, SECRET  # the bank_client fixture is there too
from audit.models import AuditEntry

pytestmark = pytest.mark.django_db


def pkce():
    verifier = secrets.token_urlsafe(48)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    return verifier, challenge


def authorize_params(app, challenge, method="S256", scope="openid profile phone"):
    return {
        "response_type": "code",
        "client_id": app.client_id,
        "redirect_uri": REDIRECT,
        "scope": scope,
        "state": "st-123",
        "nonce": "n-456",
        "code_challenge": challenge,
        "code_challenge_method": method,
    }


def test_discovery_document(client):
    response = client.get("/.well-known/openid-configuration")
    assert response.status_code == 200
    doc = response.json()
    assert doc["issuer"] == "http://testserver"
    assert doc["authorization_endpoint"].endswith("/o/authorize/")
    assert doc["token_endpoint"].endswith("/o/token/") and doc["jwks_uri"].endswith("/o/.well-known/jwks.json")
    assert "RS256" in doc["id_token_signing_alg_values_supported"]
    assert client.get(urlparse(doc["jwks_uri"]).path).json()["keys"]


def _authorize(client, app, user, scope="openid profile phone"):
    verifier, challenge = pkce()
    client.force_login(user)
    params = authorize_params(app, challenge, scope=scope)
    page = client.get("/o/authorize/?" + urlencode(params))
    assert page.status_code == 200
    html = page.content.decode()
    assert app.name in html and "手机号" in html  # the consent screen names the client and what it gets
    response = client.post("/o/authorize/?" + urlencode(params), {**params, "allow": "Authorize"})
    assert response.status_code == 302 and response.url.startswith(REDIRECT)
    query = parse_qs(urlparse(response.url).query)
    assert query["state"] == ["st-123"] and query["iss"] == ["http://testserver"]
    return query["code"][0], verifier


def test_oidc_login_end_to_end(client, make_user, make_org, bank_client):
    user = make_user("zhang", mobile="13912345678", first_name="张三", org=make_org("示范企业"))
    code, verifier = _authorize(client, bank_client, user)
    client.logout()  # the bank's server calls the token endpoint, not the browser
    token = client.post(
        "/o/token/",
        {"grant_type": "authorization_code", "code": code, "redirect_uri": REDIRECT, "code_verifier": verifier},
        HTTP_AUTHORIZATION="Basic " + base64.b64encode(f"{bank_client.client_id}:{SECRET}".encode()).decode(),
    )
    assert token.status_code == 200, token.content
    body = token.json()
    assert body["token_type"] == "Bearer" and set(body["scope"].split()) == {"openid", "profile", "phone"}
    # Verify the ID token's signature with the published key set, then its claims.
    keys = jwk.JWKSet.from_json(client.get("/o/.well-known/jwks.json").content)
    id_token = jwt.JWT(jwt=body["id_token"], key=keys, algs=["RS256"])
    claims = json.loads(id_token.claims)
    assert claims["iss"] == "http://testserver" and claims["aud"] == bank_client.client_id
    assert claims["sub"] == str(user.pk) and claims["nonce"] == "n-456"
    # Userinfo with the bearer token: profile and phone, no organisation (not in the client's policy).
    info = client.get("/o/userinfo/", HTTP_AUTHORIZATION=f"Bearer {body['access_token']}").json()
    assert info["sub"] == str(user.pk) and info["name"] == "张三" and info["phone_number"] == "+8613912345678"
    assert "organization_name" not in info
    # RFC 9700: the access token is not accepted in the query string, and is stored only as a checksum.
    assert client.get("/o/userinfo/?" + urlencode({"access_token": body["access_token"]})).status_code == 400
    stored = AccessToken.objects.get(user=user)
    assert stored.token == "" and body["access_token"] not in str(AccessToken.objects.values().first())
    assert AuditEntry.objects.filter(action="oidc.token", target_id=str(bank_client.pk)).exists()


def test_code_cannot_be_redeemed_without_the_pkce_verifier(client, make_user, bank_client):
    code, _ = _authorize(client, bank_client, make_user("zhang"))
    response = client.post(
        "/o/token/",
        {"grant_type": "authorization_code", "code": code, "redirect_uri": REDIRECT, "code_verifier": "wrong" * 10, "client_id": bank_client.client_id, "client_secret": SECRET},
    )
    assert response.status_code == 400


def test_plain_pkce_and_scopes_outside_the_policy_are_refused(client, make_user, bank_client):
    client.force_login(make_user("zhang"))
    verifier, _ = pkce()
    params = authorize_params(bank_client, verifier, method="plain")
    response = client.post("/o/authorize/?" + urlencode(params), {**params, "allow": "Authorize"})
    assert response.status_code == 302 and "error=invalid_request" in response.url and "code=" not in response.url
    _, challenge = pkce()
    response = client.get("/o/authorize/?" + urlencode(authorize_params(bank_client, challenge, scope="openid organization")))
    assert response.status_code == 302 and "error=invalid_scope" in response.url


def test_password_grant_is_refused(client, make_user, bank_client):
    make_user("zhang")
    response = client.post(
        "/o/token/",
        {"grant_type": "password", "username": "zhang", "password": "Xiang#2026", "client_id": bank_client.client_id, "client_secret": SECRET},
    )
    assert response.status_code in (400, 401)
    assert "access_token" not in response.content.decode()


def test_anonymous_user_is_sent_to_the_platform_login(client, bank_client):
    _, challenge = pkce()
    response = client.get("/o/authorize/?" + urlencode(authorize_params(bank_client, challenge)))
    assert response.status_code == 302 and response.url.startswith("/accounts/login/")
