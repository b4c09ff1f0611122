"""A 数据报送 entry in the Wagtail admin menu for department and city-bureau staff; the call editor,
progress table, summary and export live on /datacalls/manage/ (see docs/datacalls.md)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from datacalls.selectors import is_staff_viewer


class DataCallsMenuItem(MenuItem):
    def is_shown(self, request):
        return is_staff_viewer(request.user)


@hooks.register("register_admin_menu_item")
def register_datacalls_menu_item():
    return DataCallsMenuItem(_("数据报送"), reverse("datacalls:manage"), icon_name="form", order=900)
