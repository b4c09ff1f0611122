from django.contrib import admin

from datacalls.models import DataCall, DataCallField, Submission


class FieldInline(admin.TabularInline):
    model = DataCallField
    extra = 0
    fields = ["sort_order", "label", "field_type", "required", "choices", "file_extensions", "max_file_mb"]
    # Wagtail's form fields keep their order in a non-editable column; the site's call editor sets it.
    readonly_fields = ["sort_order"]


@admin.register(DataCall)
class DataCallAdmin(admin.ModelAdmin):
    list_display = ["title", "owner_city", "audience", "status", "closes_at"]
    list_filter = ["status", "audience", "owner_city"]
    search_fields = ["title"]
    inlines = [FieldInline]


@admin.register(Submission)
class SubmissionAdmin(admin.ModelAdmin):
    list_display = ["call", "organization", "status", "late", "locked", "submitted_at"]
    list_filter = ["status", "late", "locked"]
    search_fields = ["organization__name", "call__title"]
    readonly_fields = ["data"]
