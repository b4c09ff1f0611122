from django.contrib import admin

from directory.models import EnterpriseCase, EnterpriseProfile
from directory.services import rebuild_search_text


class CaseInline(admin.TabularInline):
    model = EnterpriseCase
    extra = 0


@admin.register(EnterpriseProfile)
class EnterpriseProfileAdmin(admin.ModelAdmin):
    list_display = ["organization", "summary", "listed", "updated_at"]
    list_filter = ["listed", "organization__jurisdiction"]
    search_fields = ["organization__name", "summary"]
    autocomplete_fields = ["countries"]
    raw_id_fields = ["organization"]
    inlines = [CaseInline]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        rebuild_search_text(form.instance)  # keep Chinese search in step with admin edits
