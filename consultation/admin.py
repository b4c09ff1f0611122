from django.contrib import admin

from consultation.models import CategoryPolicy, Enquiry, Event, RoutingRule, TeamLead


@admin.register(CategoryPolicy)
class CategoryPolicyAdmin(admin.ModelAdmin):
    list_display = ["category", "due_working_days", "remind_working_days"]


@admin.register(RoutingRule)
class RoutingRuleAdmin(admin.ModelAdmin):
    list_display = ["category", "city", "group"]


@admin.register(TeamLead)
class TeamLeadAdmin(admin.ModelAdmin):
    list_display = ["group", "lead"]
    raw_id_fields = ["lead"]


class EventInline(admin.TabularInline):
    model = Event
    extra = 0
    readonly_fields = ["kind", "actor", "body", "is_public", "offline_kind", "counterpart", "outcome", "created_at"]
    can_delete = False


@admin.register(Enquiry)
class EnquiryAdmin(admin.ModelAdmin):
    list_display = ["pk", "subject", "category", "city", "group", "status", "due_at", "first_response_at", "rating"]
    list_filter = ["status", "category", "city", "group"]
    search_fields = ["subject", "body"]
    raw_id_fields = ["asker", "assignee", "page", "expert"]
    inlines = [EventInline]
