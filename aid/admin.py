from django.contrib import admin

from aid.models import AidProject, AidTrainee, ImportRun


@admin.register(AidProject)
class AidProjectAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "kind", "country", "year", "city"]
    list_filter = ["kind", "year", "city"]
    search_fields = ["code", "name", "implementer"]


@admin.register(AidTrainee)
class AidTraineeAdmin(admin.ModelAdmin):
    list_display = ["course_code", "course_name", "country", "year", "city"]
    list_filter = ["year", "city"]
    search_fields = ["course_code", "course_name"]


@admin.register(ImportRun)
class ImportRunAdmin(admin.ModelAdmin):
    list_display = ["file_name", "dataset", "created", "updated", "applied", "by", "at"]
    readonly_fields = ["dataset", "file_name", "created", "updated", "errors", "applied", "by", "at"]
