from django.contrib import admin

from overseas.models import InstitutionChange, OverseasInstitution


@admin.register(OverseasInstitution)
class OverseasInstitutionAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "country", "owner", "published", "updated_at"]
    list_filter = ["kind", "published"]
    search_fields = ["name", "city_name"]
    raw_id_fields = ["owner"]


@admin.register(InstitutionChange)
class InstitutionChangeAdmin(admin.ModelAdmin):
    list_display = ["__str__", "organization", "state", "submitted_at", "reviewed_by"]
    list_filter = ["state"]
    readonly_fields = ["institution", "organization", "data", "state", "submitted_by", "submitted_at", "reviewed_by", "reviewed_at", "comment"]

    def has_add_permission(self, request):
        # A change is proposed by the institution's account on the site (overseas:propose_*) and
        # reviewed there; an empty one made here would have no content (its data cannot be null).
        return False
