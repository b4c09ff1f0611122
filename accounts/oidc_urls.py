"""The OpenID Connect provider's URLs, mounted at the site root (config/urls.py).

Discovery sits at ``/.well-known/openid-configuration`` so the issuer is the site itself;
the protocol endpoints are under ``/o/``. django-oauth-toolkit's application-management
and dynamic-registration views are deliberately left out: clients are registered by the
security administrator in the admin.
"""

from django.urls import path, re_path
from oauth2_provider import views

from accounts.oidc import UserInfoView
from accounts.ratelimit import rate_limited

app_name = "oauth2_provider"

urlpatterns = [
    re_path(r"^\.well-known/openid-configuration/?$", views.ConnectDiscoveryInfoView.as_view(), name="oidc-connect-discovery-info"),
    path("o/.well-known/jwks.json", views.JwksInfoView.as_view(), name="jwks-info"),
    path("o/authorize/", rate_limited("oidc_authorize")(views.AuthorizationView.as_view()), name="authorize"),
    path("o/token/", rate_limited("oidc_token")(views.TokenView.as_view()), name="token"),
    path("o/revoke_token/", rate_limited("oidc_token")(views.RevokeTokenView.as_view()), name="revoke-token"),
    path("o/introspect/", rate_limited("oidc_introspect")(views.IntrospectTokenView.as_view()), name="introspect"),
    path("o/userinfo/", UserInfoView.as_view(), name="user-info"),
]
