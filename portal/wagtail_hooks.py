"""The portal's additions to the Wagtail admin."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from portal import admin_views
from portal.permissions import may_archive


class ArchiverMenuItem(MenuItem):
    def is_shown(self, request):
        return may_archive(request.user)


@hooks.register("register_admin_urls")
def register_portal_admin_urls():
    urls = [
        path("expired/", admin_views.expired_report, name="expired"),
        path("expired/<int:page_id>/archive/", admin_views.archive, name="archive"),
    ]
    return [path("portal/", include((urls, "portal_admin"), namespace="portal_admin"))]


@hooks.register("register_reports_menu_item")
def register_expired_report_menu_item():
    return ArchiverMenuItem(_("过期内容待归档"), reverse("portal_admin:expired"), icon_name="history", order=50)
