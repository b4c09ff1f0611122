from django.contrib import admin

from labour.models import DispatchFiling, Qualification


@admin.register(Qualification)
class QualificationAdmin(admin.ModelAdmin):
    list_display = ["organization", "certificate_no", "valid_until"]
    search_fields = ["organization__name", "certificate_no"]
    raw_id_fields = ["organization"]


@admin.register(DispatchFiling)
class DispatchFilingAdmin(admin.ModelAdmin):
    list_display = ["project_name", "organization", "jurisdiction", "country", "state", "submitted_at"]
    list_filter = ["state", "jurisdiction"]
    search_fields = ["project_name", "organization__name", "number"]
    readonly_fields = ["organization", "state", "reviewed_by", "submitted_at", "reviewed_at", "created_by"]
