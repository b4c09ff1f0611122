from django.contrib import admin

from background.models import PeriodicJob


@admin.register(PeriodicJob)
class PeriodicJobAdmin(admin.ModelAdmin):
    list_display = ["name", "next_run_at", "last_enqueued_at"]
    readonly_fields = ["name", "last_enqueued_at"]
