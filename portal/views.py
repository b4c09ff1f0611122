from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_GET
from wagtail.models import Page, Site


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        "Disallow: /accounts/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_GET
def site_map(request):
    """The human site map: every column and sub-column, continents and city zones (public)."""
    site = Site.find_for_request(request)
    root = site.root_page if site else Page.objects.filter(depth=2).first()
    pages = list(
        Page.objects.live().public().descendant_of(root).filter(depth__lte=root.depth + 3)
        .exclude(content_type__model__in=["articlepage", "countrypage"])
        .order_by("path").only("id", "title", "url_path", "path", "depth", "content_type_id", "locale_id")
    )
    children = {}
    for page in pages:
        children.setdefault(page.path[:-4], []).append(page)

    def branch(page):
        return {"page": page, "children": [branch(c) for c in children.get(page.path, [])]}

    tree = [branch(p) for p in children.get(root.path, [])]
    return TemplateResponse(request, "portal/site_map.html", {"tree": tree, "root": root})
