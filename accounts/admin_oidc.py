"""OIDC clients in the Django admin, with their per-client scope policy inline."""

from django.contrib import admin
from oauth2_provider.admin import ApplicationAdmin as BaseApplicationAdmin

from accounts.models import ClientPolicy


class ClientPolicyInline(admin.StackedInline):
    model = ClientPolicy
    can_delete = False
    extra = 1
    max_num = 1


class ApplicationAdmin(BaseApplicationAdmin):
    inlines = [ClientPolicyInline]
