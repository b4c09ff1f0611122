"""A used OIDC client is removed by the security administrator: every token revoked and deleted with it."""

import base64

import pytest
from django.test import Client
from oauth2_provider.models import AccessToken, Grant, IDToken, RefreshToken, get_application_model

from accounts.models import ClientPolicy
from accounts.roles import SECURITY_ADMIN, SYSTEM_ADMIN
from accounts.tests.conftest import REDIRECT, SECRET
from accounts.tests.test_oidc import _authorize
from audit.models import AuditEntry

pytestmark = pytest.mark.django_db




def _basic(app):
    return "Basic " + base64.b64encode(f"{app.client_id}:{SECRET}".encode()).decode()


def _issue_tokens(client, app, user):
    """Sign ``user`` in to ``app`` through the real authorize and token endpoints; returns the token response."""
    code, verifier = _authorize(client, app, user)
    client.logout()
    response = client.post(
        "/o/token/",
        {"grant_type": "authorization_code", "code": code, "redirect_uri": REDIRECT, "code_verifier": verifier},
        HTTP_AUTHORIZATION=_basic(app),
    )
    assert response.status_code == 200, response.content
    return response.json()


def _userinfo(client, access_token):
    return client.get("/o/userinfo/", HTTP_AUTHORIZATION=f"Bearer {access_token}")


def _nothing_left_of(app):
    return not any(model.objects.filter(application_id=app.pk).exists() for model in (AccessToken, RefreshToken, IDToken, Grant))


def test_security_admin_revokes_and_deletes_a_used_client_with_all_its_tokens(client, make_user, bank_client):
    tokens = _issue_tokens(client, bank_client, make_user("zhang"))
    assert _userinfo(client, tokens["access_token"]).status_code == 200
    assert AccessToken.objects.filter(application=bank_client).exists() and RefreshToken.objects.filter(application=bank_client).exists()

    secadmin = make_user("secadmin", role=SECURITY_ADMIN)
    admin = Client()
    admin.force_login(secadmin)
    url = f"/django-admin/oauth2_provider/application/{bank_client.pk}/delete/"
    confirm = admin.get(url)
    assert confirm.status_code == 200
    assert not confirm.context["perms_lacking"], confirm.context["perms_lacking"]  # used to name every token model
    response = admin.post(url, {"post": "yes"})
    assert response.status_code == 302

    assert not get_application_model().objects.filter(pk=bank_client.pk).exists()
    assert not ClientPolicy.objects.filter(application_id=bank_client.pk).exists()
    assert _nothing_left_of(bank_client)
    # The tokens the client held no longer work anywhere.
    assert _userinfo(client, tokens["access_token"]).status_code == 401
    refreshed = client.post("/o/token/", {"grant_type": "refresh_token", "refresh_token": tokens["refresh_token"]}, HTTP_AUTHORIZATION=_basic(bank_client))
    assert refreshed.status_code in (400, 401) and "access_token" not in refreshed.json()

    entry = AuditEntry.objects.get(action="oidc.client_delete")
    assert entry.actor_id == secadmin.pk and entry.outcome == "success" and entry.target_id == str(bank_client.pk)
    assert entry.detail["client_id"] == bank_client.client_id
    assert entry.detail["access_tokens"] == 1 and entry.detail["refresh_tokens"] == 1 and entry.detail["id_tokens"] == 1


def test_the_list_action_revokes_and_deletes_the_selected_clients_after_confirmation(client, make_user, bank_client):
    tokens = _issue_tokens(client, bank_client, make_user("zhang"))
    admin = Client()
    admin.force_login(make_user("secadmin", role=SECURITY_ADMIN))
    changelist = "/django-admin/oauth2_provider/application/"
    assert "撤销并删除" in admin.get(changelist).content.decode()

    confirm = admin.post(changelist, {"action": "delete_selected", "_selected_action": [bank_client.pk]})
    assert confirm.status_code == 200 and not confirm.context["perms_lacking"]
    assert get_application_model().objects.filter(pk=bank_client.pk).exists()  # nothing happens before confirmation

    response = admin.post(changelist, {"action": "delete_selected", "_selected_action": [bank_client.pk], "post": "yes"})
    assert response.status_code == 302
    assert not get_application_model().objects.filter(pk=bank_client.pk).exists() and _nothing_left_of(bank_client)
    assert _userinfo(client, tokens["access_token"]).status_code == 401
    assert AuditEntry.objects.filter(action="oidc.client_delete", detail__client_id=bank_client.client_id).count() == 1


def test_other_roles_cannot_delete_a_client(client, make_user, bank_client):
    tokens = _issue_tokens(client, bank_client, make_user("zhang"))
    admin = Client()
    admin.force_login(make_user("sysadmin", role=SYSTEM_ADMIN))
    response = admin.post(f"/django-admin/oauth2_provider/application/{bank_client.pk}/delete/", {"post": "yes"})
    assert response.status_code == 403
    assert get_application_model().objects.filter(pk=bank_client.pk).exists()
    assert _userinfo(client, tokens["access_token"]).status_code == 200
    assert not AuditEntry.objects.filter(action="oidc.client_delete").exists()
