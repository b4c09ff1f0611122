from django.contrib import admin

from zones.models import Indicator, Score, ZoneReport


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    """The department edits the scorecard here; weights are relative (normalised when scoring)."""

    list_display = ["name", "weight", "order", "active"]
    list_editable = ["weight", "order", "active"]


class ScoreInline(admin.TabularInline):
    model = Score
    extra = 0
    readonly_fields = ["indicator", "indicator_name", "weight", "score", "comment"]
    can_delete = False


@admin.register(ZoneReport)
class ZoneReportAdmin(admin.ModelAdmin):
    list_display = ["zone", "year", "state", "total_score", "grade"]
    list_filter = ["year", "state"]
    readonly_fields = ["state", "total_score", "grade", "scored_by", "scored_at", "published_at", "submitted_at"]
    inlines = [ScoreInline]
