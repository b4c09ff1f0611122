"""Removing an OIDC client (django-oauth-toolkit ``Application``) that has been used.

A used client has authorization codes, access, refresh and ID tokens; deleting it cascades to
them, which the Django admin allows only to holders of delete permission on each token model —
which no role has (tokens are never edited by hand). ``revoke_and_delete_client`` is the one
way: every token and code of the client is revoked and removed with the client, in one
transaction, and audited with the counts.
"""

from django.db import transaction
from oauth2_provider.models import (
    get_access_token_model,
    get_application_model,
    get_grant_model,
    get_id_token_model,
    get_refresh_token_model,
)

from audit.services import log


def credential_models() -> dict:
    """The models of what a client is issued, by kind (refresh tokens first: revoking one also
    revokes its access token)."""
    return {
        "refresh_tokens": get_refresh_token_model(),
        "access_tokens": get_access_token_model(),
        "id_tokens": get_id_token_model(),
        "grants": get_grant_model(),
    }


def revoke_and_delete_client(application, *, by, request=None) -> dict:
    """Revoke and delete every token and code of ``application``, then the client itself; audited.

    Returns the number of each kind removed. After this no token the client held is accepted
    (userinfo, introspection, refresh), and the client id and secret no longer authenticate.
    """
    with transaction.atomic():
        application = get_application_model().objects.select_for_update().get(pk=application.pk)
        counts = {}
        for kind, model in credential_models().items():
            queryset = model.objects.filter(application=application)
            counts[kind] = queryset.count()
            queryset.delete()
        detail = {"name": application.name, "client_id": application.client_id, **counts}
        log("oidc.client_delete", actor=by, request=request, target=application, detail=detail)
        application.delete()
    return counts
