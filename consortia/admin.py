from django.contrib import admin

from consortia.models import Consortium, Membership, Role


class RoleInline(admin.TabularInline):
    model = Role
    extra = 0


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    raw_id_fields = ["organization"]
    readonly_fields = ["created_by", "created_at", "decided_at"]


@admin.register(Consortium)
class ConsortiumAdmin(admin.ModelAdmin):
    list_display = ["title", "lead", "country", "industry", "status", "created_at"]
    list_filter = ["status", "industry"]
    search_fields = ["title", "lead__name"]
    raw_id_fields = ["lead"]
    inlines = [RoleInline, MembershipInline]
