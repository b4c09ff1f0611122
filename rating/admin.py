"""The department edits cycles, dimensions, indicators, weights and grade thresholds here."""

from django.contrib import admin

from rating.models import Answer, Dimension, Indicator, RatingCycle, Submission


class DimensionInline(admin.TabularInline):
    model = Dimension
    extra = 0
    show_change_link = True


@admin.register(RatingCycle)
class RatingCycleAdmin(admin.ModelAdmin):
    list_display = ["year", "title", "opens_on", "closes_on", "status", "grade_a_min", "grade_b_min", "grade_c_min"]
    list_filter = ["status"]
    readonly_fields = ["status", "published_at"]  # changed only through the open/close/publish actions (audited, notified)
    inlines = [DimensionInline]


class IndicatorInline(admin.StackedInline):
    model = Indicator
    extra = 0
    fields = [("name", "kind", "order"), "guidance", ("weight", "max_score", "unit"), ("zero_at", "full_at", "source")]


@admin.register(Dimension)
class DimensionAdmin(admin.ModelAdmin):
    list_display = ["name", "cycle", "order"]
    list_filter = ["cycle"]
    inlines = [IndicatorInline]


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["name", "dimension", "kind", "weight", "max_score", "order"]
    list_filter = ["dimension__cycle", "kind"]
    list_editable = ["weight", "max_score", "order"]


class AnswerInline(admin.TabularInline):
    model = Answer
    extra = 0
    can_delete = False
    readonly_fields = ["indicator", "value", "note", "auto_score", "score", "comment"]


@admin.register(Submission)
class SubmissionAdmin(admin.ModelAdmin):
    """Read-only here: submissions change through the self-report and scoring pages."""

    list_display = ["organization", "cycle", "state", "total_score", "grade"]
    list_filter = ["cycle", "state", "grade"]
    search_fields = ["organization__name"]
    readonly_fields = ["cycle", "organization", "state", "created_by", "submitted_at", "return_comment", "reviewer", "scored_at", "total_score", "grade"]
    inlines = [AnswerInline]

    def has_add_permission(self, request):
        return False
