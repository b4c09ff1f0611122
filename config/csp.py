"""Content-Security-Policy for the public site.

Django's own CSP middleware, skipped for the Wagtail and Django admin areas, whose
bundled scripts are outside our control (they are staff-only and behind 2FA).
"""

from django.middleware.csp import ContentSecurityPolicyMiddleware

ADMIN_PREFIXES = ("/admin/", "/django-admin/")


class PublicSiteCSPMiddleware(ContentSecurityPolicyMiddleware):
    def process_response(self, request, response):
        if request.path.startswith(ADMIN_PREFIXES):
            return response
        return super().process_response(request, response)


# Pages are never framed (X-Frame-Options: DENY), except inside our own admin, whose
# live preview frames the page being edited, and documents (PDFs read in the browser).
SAME_ORIGIN_FRAMING_PREFIXES = ("/admin/", "/documents/")


class SameOriginFramingMiddleware:
    """Sets ``X-Frame-Options: SAMEORIGIN`` on admin and document responses.

    Placed after Django's XFrameOptionsMiddleware in MIDDLEWARE, so it sees the response
    first and Django's middleware leaves an already-set header alone.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(SAME_ORIGIN_FRAMING_PREFIXES):
            response.headers.setdefault("X-Frame-Options", "SAMEORIGIN")
        return response
