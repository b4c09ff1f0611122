"""What every page's chrome (header, navigation, footer) needs."""

from django.conf import settings
from django.core.cache import cache
from wagtail.models import Site

from notifications.selectors import unread_count
from portal import page_cache
from portal.tree import service_sections

SERVICE_SECTIONS = service_sections()


def _navigation(request):
    """The main menu: live children of the site's root shown in menus (kept until content changes)."""
    site = Site.find_for_request(request)
    if site is None:
        return []
    key = page_cache.fragment_key("nav", site.pk)
    items = cache.get(key)
    if items is None:
        pages = site.root_page.get_children().live().in_menu()
        items = [{"title": p.title, "url": p.get_url(request), "url_path": p.url_path, "slug": p.slug} for p in pages]
        cache.set(key, items, page_cache.FRAGMENT_SECONDS)
    return items


def _service_section(request) -> str:
    """The slug of the top-level column whose service this request is in ("" on other paths)."""
    path = getattr(request, "path", "")
    return SERVICE_SECTIONS.get("/" + path.strip("/").split("/")[0] + "/", "")


def site_chrome(request):
    return {
        "nav_pages": _navigation(request),
        "nav_section": _service_section(request),
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
