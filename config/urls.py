"""The platform's URL map: each capability's URLs under its own prefix, Wagtail last."""

from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from portal import feeds as portal_feeds
from portal import views as portal_views

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
    path("robots.txt", portal_views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("feeds/<int:page_id>/", portal_feeds.ColumnFeed(), name="column_feed"),
    path("portal/", include("portal.urls")),
    path("accounts/", include("accounts.urls")),
    path("", include("accounts.oidc_urls")),  # OIDC provider: /.well-known/openid-configuration and /o/…
    path("search/", include("search.urls")),
    path("workbench/", include("workbench.urls")),
    path("notifications/", include("notifications.urls")),
    # --- issue 5 urls ---
    path("consultation/", include("consultation.urls")),
    path("experts/", include("experts.urls")),
    # --- issue 6 urls ---
    path("archive/", include("archive.urls")),
    path("guides/", include("guides.urls")),
    path("labour/", include("labour.urls")),
    path("zones/", include("zones.urls")),
    path("aid/", include("aid.urls")),
    path("overseas/", include("overseas.urls")),
    path("filings/", include("filings.urls")),
    path("stats/", include("stats.urls")),
    path("datacalls/", include("datacalls.urls")),
    # --- issue 7 urls ---
    path("matching/", include("matching.urls")),
    path("directory/", include("directory.urls")),
    path("rating/", include("rating.urls")),
    path("consortia/", include("consortia.urls")),
    path("events/", include("events.urls")),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]

# Chinese error pages in the site's layout (config/errors.py); 400 and 500 use Django's
# handlers with the standalone templates 400.html and 500.html.
handler403 = "config.errors.permission_denied"
handler404 = "config.errors.page_not_found"
