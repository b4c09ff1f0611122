"""OIDC clients in the Django admin, with their per-client scope policy inline.

Deleting a client — the delete button or the list action 撤销并删除 — revokes and deletes every
token and authorization code it was issued, with the client, in one transaction
(``accounts.services.oidc_clients``). The confirmation page lists them. The security
administrator holds delete permission on clients only: the tokens go with their client, never
one by one.
"""

from django.contrib import admin
from django.contrib.admin.actions import delete_selected
from django.utils.translation import gettext_lazy as _
from oauth2_provider.admin import ApplicationAdmin as BaseApplicationAdmin

from accounts.models import ClientPolicy
from accounts.services.oidc_clients import credential_models, revoke_and_delete_client


class ClientPolicyInline(admin.StackedInline):
    model = ClientPolicy
    can_delete = False
    extra = 1
    max_num = 1


class ApplicationAdmin(BaseApplicationAdmin):
    inlines = [ClientPolicyInline]
    actions = ["delete_selected"]

    @admin.action(description=_("撤销并删除所选客户端（含其全部令牌与授权码）"), permissions=["delete"])
    def delete_selected(self, request, queryset):
        return delete_selected(self, request, queryset)

    def get_deleted_objects(self, objs, request):
        """Django's list of what goes with the clients; the tokens need no permission of their own
        (they are revoked with their client), the clients do."""
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        if self.has_delete_permission(request):
            token_names = {str(model._meta.verbose_name) for model in credential_models().values()}
            perms_needed = {name for name in perms_needed if str(name) not in token_names}
        return deleted, counts, perms_needed, protected

    def delete_model(self, request, obj):
        revoke_and_delete_client(obj, by=request.user, request=request)

    def delete_queryset(self, request, queryset):
        for application in queryset:
            revoke_and_delete_client(application, by=request.user, request=request)
