"""The platform as an OpenID Connect provider (django-oauth-toolkit).

An outside system (the bank's cross-border matchmaking platform first) registers as an
``Application`` with a ``ClientPolicy`` listing the scopes it may ask for. Users sign in with
their platform account, see a consent screen naming the client and the information it gets,
and the client receives an ID token and userinfo limited to the granted scopes.
"""

from django.http import JsonResponse
from django.utils.translation import gettext, gettext_noop
from oauth2_provider import views as oauth2_views
from oauth2_provider.oauth2_validators import OAuth2Validator
from oauth2_provider.scopes import BaseScopes
from oauth2_provider.settings import oauth2_settings

from audit.services import log

# The descriptions of the scopes in settings.OAUTH2_PROVIDER["SCOPES"], marked for the catalog: the
# consent page shows each in the user's language (``ClientScopes.get_all_scopes``).
SCOPE_DESCRIPTIONS = (
    gettext_noop("使用平台账号登录"),
    gettext_noop("姓名与用户名"),
    gettext_noop("电子邮箱"),
    gettext_noop("手机号"),
    gettext_noop("所属企业/机构及认证状态"),
)


class ClientScopes(BaseScopes):
    """Per-client scopes: a client may only be granted what its ``ClientPolicy`` allows."""

    def get_all_scopes(self):
        return {scope: gettext(description) for scope, description in oauth2_settings.SCOPES.items()}

    def get_available_scopes(self, application=None, request=None, *args, **kwargs):
        if application is None:
            return list(oauth2_settings.SCOPES)
        policy = getattr(application, "policy", None) if _has_policy(application) else None
        allowed = policy.scope_list if policy is not None else ["openid"]
        return [s for s in allowed if s in oauth2_settings.SCOPES]

    def get_default_scopes(self, application=None, request=None, *args, **kwargs):
        return ["openid"]


def _has_policy(application) -> bool:
    from accounts.models import ClientPolicy

    return ClientPolicy.objects.filter(application=application).exists()


class PlatformOIDCValidator(OAuth2Validator):
    # Which scope releases which claim (claims of scopes not granted are left out).
    oidc_claim_scope = {
        **OAuth2Validator.oidc_claim_scope,
        "user_type": "profile",
        "organization": "organization",
        "organization_name": "organization",
        "organization_credit_code": "organization",
        "organization_certified": "organization",
    }

    def get_additional_claims(self):
        # Request-agnostic form (callables of the request): discovery then lists the claims.
        return {
            "name": lambda r: r.user.display_name,
            "preferred_username": lambda r: r.user.username,
            "user_type": lambda r: r.user.user_type,
            "email": lambda r: r.user.email,
            "email_verified": lambda r: bool(r.user.email and r.user.email_verified),
            "phone_number": lambda r: f"+86{r.user.mobile}" if r.user.mobile else "",
            "phone_number_verified": lambda r: bool(r.user.mobile),
            "organization": lambda r: str(r.user.organization_id or ""),
            "organization_name": lambda r: r.user.organization.name if r.user.organization_id else "",
            "organization_credit_code": lambda r: r.user.organization.credit_code if r.user.organization_id else "",
            "organization_certified": lambda r: bool(r.user.organization_id and r.user.organization.is_certified),
        }

    def save_bearer_token(self, token, request, *args, **kwargs):
        super().save_bearer_token(token, request, *args, **kwargs)
        log(
            "oidc.token",
            actor=request.user if getattr(request, "user", None) is not None and request.user.pk else None,
            target=request.client,
            detail={"scopes": token.get("scope", ""), "grant_type": request.grant_type},
        )


class UserInfoView(oauth2_views.UserInfoView):
    """Userinfo, refusing an access token in the query string (RFC 6750 §5.3, RFC 9700 §4.3.2).

    django-oauth-toolkit enforces COMPLIANT_BCP_RFC9700_ACCESS_TOKEN_TRANSPORT for protected
    resources but its userinfo endpoint hands the query to oauthlib, which still reads it there.
    """

    def _create_userinfo_response(self, request):
        if "access_token" in request.GET:
            return JsonResponse(
                {"error": "invalid_request", "error_description": "Access tokens must be sent in the Authorization header."},
                status=400,
            )
        return super()._create_userinfo_response(request)
