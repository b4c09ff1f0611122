"""Groups and the requests that grant the three separated roles, in the Django admin.

* Groups: a group the editor belongs to, and the three separated role groups, are view-only
  (a forged POST is refused with 403 and audited); a separated role's duty permission cannot
  be added to any other group; permission changes are audited (``role.group_change``).
* 三员角色授权申请: a security administrator files a request (user, role, reason); another
  security administrator — not the requester, not the person concerned — approves or rejects
  it with the list actions. See ``accounts.services.role_requests``.
"""

from django.contrib import admin, messages
from django.contrib.admin.options import ActionLocation
from django.contrib.admin.utils import unquote
from django.contrib.auth.admin import GroupAdmin as BaseGroupAdmin
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from accounts.models import RoleGrantRequest
from accounts.separation import group_edit_refusal
from accounts.services.role_requests import ROLES_BY_CODE, approve_role_grant, check_grant_request, reject_role_grant, request_role_grant
from accounts.services.roles import RoleChangeRefused, check_group_change, group_permission_labels, record_group_change, refuse_group_edit


class CheckedGroupForm:
    """Mixed into the group form by ``GroupAdmin.get_form``: duty permissions stay with their role."""

    actor = None
    request = None

    def clean(self):
        cleaned = super().clean()
        if "permissions" in cleaned:
            try:
                check_group_change(self.instance, by=self.actor, request=self.request, name=cleaned.get("name"), permissions=cleaned["permissions"])
            except RoleChangeRefused as exc:
                for reason in exc.reasons:
                    self.add_error(None, reason)
        return cleaned


admin.site.unregister(Group)


@admin.register(Group)
class GroupAdmin(BaseGroupAdmin):
    def get_actions(self, request, action_location=ActionLocation.CHANGE_LIST):
        actions = super().get_actions(request, action_location)
        actions.pop("delete_selected", None)  # one at a time, each checked
        return actions

    def has_change_permission(self, request, obj=None):
        if obj is not None and group_edit_refusal(request.user, obj):
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and group_edit_refusal(request.user, obj):
            return False
        return super().has_delete_permission(request, obj)

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        return type(form.__name__, (CheckedGroupForm, form), {"actor": request.user, "request": request})

    def _refuse_post(self, request, object_id, action):
        group = self.get_object(request, unquote(object_id)) if object_id else None
        if request.method == "POST" and group is not None and request.user.has_perm(f"auth.{action}_group"):
            reason = refuse_group_edit(group, by=request.user, request=request, action=action)
            if reason:
                raise PermissionDenied(reason)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        self._refuse_post(request, object_id, "change")
        return super().changeform_view(request, object_id, form_url, extra_context)

    def delete_view(self, request, object_id, extra_context=None):
        self._refuse_post(request, object_id, "delete")
        return super().delete_view(request, object_id, extra_context)

    def save_model(self, request, obj, form, change):
        form.permissions_before = group_permission_labels(obj) if change else set()
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        record_group_change(form.instance, form.permissions_before, by=request.user, request=request)


class GrantRequestForm:
    """Mixed into the request form by ``RoleGrantRequestAdmin.get_form``."""

    actor = None
    request = None

    def clean(self):
        cleaned = super().clean()
        user, code = cleaned.get("user"), cleaned.get("role")
        if user is not None and code:
            try:
                check_grant_request(user, ROLES_BY_CODE[code], by=self.actor, request=self.request)
            except RoleChangeRefused as exc:
                for reason in exc.reasons:
                    self.add_error(None, reason)
        return cleaned


@admin.register(RoleGrantRequest)
class RoleGrantRequestAdmin(admin.ModelAdmin):
    list_display = ("requested_at", "user", "role", "requested_by", "status", "decided_by", "decided_at")
    list_filter = ("status", "role")
    search_fields = ("user__username", "requested_by__username")
    autocomplete_fields = ("user",)
    actions = ["approve", "reject"]

    def get_fields(self, request, obj=None):
        if obj is None:
            return ("user", "role", "reason")
        return ("user", "role", "reason", "requested_by", "requested_at", "status", "decided_by", "decided_at", "decision_note")

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        return type(form.__name__, (GrantRequestForm, form), {"actor": request.user, "request": request})

    def save_model(self, request, obj, form, change):
        grant = request_role_grant(obj.user, ROLES_BY_CODE[obj.role], by=request.user, reason=obj.reason, request=request)
        obj.pk, obj.requested_by, obj.requested_at, obj.status = grant.pk, grant.requested_by, grant.requested_at, grant.status
        obj._state.adding = False

    def has_change_permission(self, request, obj=None):
        return False  # decided only through the approve / reject actions

    def has_delete_permission(self, request, obj=None):
        return False  # the requests are the record of who asked and who agreed

    def has_approve_permission(self, request):
        return request.user.has_perm("accounts.approve_rolegrantrequest")

    def _decide(self, request, queryset, decide):
        """Decide each request; returns how many were decided (a refusal is reported per request)."""
        done = 0
        for grant in queryset.select_related("user"):
            try:
                decide(grant, by=request.user, request=request)
            except RoleChangeRefused as exc:
                reasons = gettext("；").join(exc.reasons)
                self.message_user(request, gettext("%(request)s：%(reasons)s") % {"request": grant, "reasons": reasons}, messages.ERROR)
            else:
                done += 1
        return done

    @admin.action(description=_("批准所选申请（授予角色）"), permissions=["approve"])
    def approve(self, request, queryset):
        done = self._decide(request, queryset, approve_role_grant)
        if done:
            self.message_user(request, ngettext("已批准 %(n)s 项申请。", "已批准 %(n)s 项申请。", done) % {"n": done}, messages.SUCCESS)

    @admin.action(description=_("驳回所选申请"), permissions=["approve"])
    def reject(self, request, queryset):
        done = self._decide(request, queryset, reject_role_grant)
        if done:
            self.message_user(request, ngettext("已驳回 %(n)s 项申请。", "已驳回 %(n)s 项申请。", done) % {"n": done}, messages.SUCCESS)
