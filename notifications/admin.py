from django.contrib import admin

from notifications.models import Delivery, Push


@admin.register(Push)
class PushAdmin(admin.ModelAdmin):
    list_display = ["title", "status", "send_at", "sent_at", "recipient_count", "created_by"]
    list_filter = ["status"]
    readonly_fields = ["recipient_count", "sent_at"]


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    list_display = ["message", "channel", "status", "attempts", "sent_at"]
    list_filter = ["channel", "status"]
    raw_id_fields = ["message"]
    readonly_fields = ["error"]
