"""Django admin for platform staff: listings (read mostly), API clients, webhook outbox.

Intents and their conversations are deliberately absent: they belong to the two parties.
"""

from django.contrib import admin

from matching.models import ApiClient, Listing, MatchNotice, PeerEvent


@admin.register(Listing)
class ListingAdmin(admin.ModelAdmin):
    list_display = ("title", "kind", "side", "status", "source", "organization", "valid_until", "published_at")
    list_filter = ("status", "side", "kind", "source")
    search_fields = ("title", "description", "peer_org_name", "organization__name")
    readonly_fields = ("side", "status", "source", "peer_id", "owner", "organization", "published_at", "reviewed_by", "reviewed_at", "closed_at")
    autocomplete_fields = ()
    filter_horizontal = ("countries", "industries")

    def has_add_permission(self, request):
        return False  # listings are posted and reviewed through the site, where the rules are applied


@admin.register(ApiClient)
class ApiClientAdmin(admin.ModelAdmin):
    list_display = ("name", "token_prefix", "is_active", "created_at", "last_used_at")
    readonly_fields = ("token_prefix", "created_at", "last_used_at")

    def has_add_permission(self, request):
        return False  # tokens are issued by `manage.py matching_api_client`, which shows the token once


@admin.register(PeerEvent)
class PeerEventAdmin(admin.ModelAdmin):
    list_display = ("event", "event_id", "listing", "state", "attempts", "created_at", "sent_at")
    list_filter = ("state", "event")
    readonly_fields = [f.name for f in PeerEvent._meta.fields]

    def has_add_permission(self, request):
        return False


@admin.register(MatchNotice)
class MatchNoticeAdmin(admin.ModelAdmin):
    list_display = ("listing", "counterpart", "recipient", "score", "notified_at")
    readonly_fields = ("listing", "counterpart", "recipient", "score", "notified_at")

    def has_add_permission(self, request):
        return False
