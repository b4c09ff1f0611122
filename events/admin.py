from django.contrib import admin

from events.models import Attendee, Event, Registration


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    """Read-only overview for administrators; events are edited and reviewed on /events/manage/."""

    list_display = ["title", "kind", "city", "status", "starts_at", "capacity", "organizer_name"]
    list_filter = ["status", "kind", "city", "sino_africa"]
    search_fields = ["title", "organizer_name"]
    date_hierarchy = "starts_at"

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False


class AttendeeInline(admin.TabularInline):
    model = Attendee
    extra = 0
    fields = ["name", "code", "checked_in_at"]  # mobile numbers are left out on purpose
    readonly_fields = fields
    can_delete = False


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ["event", "user", "organization", "status", "position", "created_at"]
    list_filter = ["status"]
    search_fields = ["event__title", "organization__name", "user__username"]
    inlines = [AttendeeInline]
    readonly_fields = ["event", "user", "organization", "status", "position", "decided_by", "decision_comment", "reminded_at"]

    def has_add_permission(self, request):
        return False
