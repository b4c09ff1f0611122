from django.contrib import admin

from taxonomy.models import Country, Industry


@admin.register(Country)
class CountryAdmin(admin.ModelAdmin):
    list_display = ["code", "name_zh", "name_en", "continent"]
    list_filter = ["continent"]
    search_fields = ["code", "name_zh", "name_en"]


@admin.register(Industry)
class IndustryAdmin(admin.ModelAdmin):
    list_display = ["code", "name_zh"]
