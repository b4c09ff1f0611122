"""What every page's chrome (header, navigation, footer) needs."""

from django.conf import settings
from wagtail.models import Site

from notifications.selectors import unread_count


def _navigation(request):
    site = Site.find_for_request(request)
    if site is None:
        return []
    # Plain Page rows with every column loaded: deferring fields here costs a query per field
    # per menu item as soon as a template asks for the item's URL.
    return list(site.root_page.get_children().live().in_menu())


def site_chrome(request):
    return {
        "nav_pages": _navigation(request),
        "unread_messages": unread_count(request.user) if hasattr(request, "user") else 0,
        "site_footer": {
            "sponsor": settings.SITE_SPONSOR,
            "operator": settings.SITE_OPERATOR,
            "icp": settings.SITE_ICP_NUMBER,
            "psb": settings.SITE_PSB_NUMBER,
            "identifier": settings.SITE_IDENTIFIER,
            "contact": settings.SITE_CONTACT,
        },
    }
