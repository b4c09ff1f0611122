from django.contrib import admin

from experts.models import Expert


@admin.register(Expert)
class ExpertAdmin(admin.ModelAdmin):
    list_display = ["name", "title", "organization", "languages", "is_bank_adviser", "is_active"]
    list_filter = ["is_active", "is_bank_adviser", "fields"]
    search_fields = ["name", "organization", "bio"]
    filter_horizontal = ["fields", "countries"]
    raw_id_fields = ["user"]
