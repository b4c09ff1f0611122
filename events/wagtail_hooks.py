"""An 活动管理 entry in the Wagtail admin menu for organisers and reviewers; the event editor,
registrations, check-in and export live on /events/manage/ (see docs/events.md)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from events.selectors import can_create, can_review


class EventsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_create(request.user) or can_review(request.user)


@hooks.register("register_admin_menu_item")
def register_events_menu_item():
    return EventsMenuItem(_("活动管理"), reverse("events:manage"), icon_name="date", order=910)
