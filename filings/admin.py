from django.contrib import admin

from filings.models import ExchangeRate, Filing, FilingEvent


@admin.register(ExchangeRate)
class ExchangeRateAdmin(admin.ModelAdmin):
    """The department maintains the conversion table used for USD equivalents."""

    list_display = ["currency", "usd_per_unit", "valid_from"]
    list_filter = ["currency"]


class EventInline(admin.TabularInline):
    model = FilingEvent
    extra = 0
    readonly_fields = ["action", "from_state", "to_state", "actor", "comment", "created_at"]
    can_delete = False


@admin.register(Filing)
class FilingAdmin(admin.ModelAdmin):
    """Read-only view for administrators; state changes go through the workflow pages."""

    list_display = ["project_name", "kind", "organization", "jurisdiction", "state", "amount_usd", "filed_at"]
    list_filter = ["kind", "state", "jurisdiction"]
    search_fields = ["project_name", "number", "organization__name"]
    inlines = [EventInline]

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False
