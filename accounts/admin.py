"""Accounts in the Django admin, with the separation of the three security roles enforced per field.

* The system administrator (``accounts.manage_accounts``) creates users, edits their
  account details, deactivates them and resets passwords — but cannot grant roles.
* The security administrator (``accounts.assign_roles``) grants roles (groups) and
  permissions and staff status — but cannot edit account details. Every such change goes
  through ``accounts.services.roles.change_roles`` (separation of duties, audit): nobody
  changes their own; the three separated roles are granted only through an approved
  ``RoleGrantRequest`` (``accounts/admin_roles.py``).
* Nobody deletes a user here: accounts are deactivated or cancelled (anonymised).
* Mobile numbers are masked unless the viewer holds ``accounts.view_contact_details``.
"""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from accounts import admin_roles, separation  # noqa: F401 - admin_roles registers the group and role grant request admins
from accounts.mobile import mask_mobile
from accounts.models import (
    CertificationRequest,
    Invitation,
    LoginThrottle,
    Organization,
    PrivacyConsent,
    PrivacyPolicy,
    SmsOutbox,
    User,
    UserSession,
)
from accounts.services.account import cancel_account
from accounts.services.roles import RoleChangeRefused, change_roles, check_role_change
from accounts.two_factor import reset_devices
from audit.services import log

ACCOUNT_FIELDS = ("username", "first_name", "last_name", "email", "email_verified", "mobile", "user_type", "organization", "org_role", "is_active", "must_change_password")
ROLE_FIELDS = ("groups", "user_permissions", "is_staff")
ROLE_CHANGE_FIELDS = (*ROLE_FIELDS, "is_superuser")


class RoleCheckedForm:
    """Mixed into the user change form: role, permission and flag changes are checked (and a
    refusal audited) by ``accounts.services.roles.check_role_change``; ``actor`` and ``request``
    are set by ``UserAdmin.get_form``."""

    actor = None
    request = None

    def clean(self):
        cleaned = super().clean()
        proposed = {f: cleaned[f] for f in ROLE_CHANGE_FIELDS if f in self.fields and f in cleaned}
        if proposed and self.instance.pk is not None:
            try:
                check_role_change(self.instance, by=self.actor, request=self.request, **proposed)
            except RoleChangeRefused as exc:
                for reason in exc.reasons:
                    self.add_error(None, reason)
        return cleaned


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ("username", "display_name", "masked_mobile", "user_type", "organization", "is_active", "is_staff", "role_names")
    list_filter = ("user_type", "is_active", "is_staff", "groups")
    search_fields = ("username", "first_name", "email", "mobile", "organization__name")
    list_select_related = ("organization",)
    autocomplete_fields = ("organization",)
    actions = ["reset_two_factor", "cancel_accounts"]
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        (_("个人信息"), {"fields": ("first_name", "last_name", "email", "email_verified", "mobile")}),
        (_("用户类型与单位"), {"fields": ("user_type", "organization", "org_role")}),
        (_("状态"), {"fields": ("is_active", "must_change_password", "password_changed_at", "last_login", "date_joined", "cancelled_at")}),
        (
            _("角色与权限（安全管理员）"),
            {
                "fields": ("is_staff", "is_superuser", "groups", "user_permissions"),
                "description": _(
                    "系统管理员、安全管理员、审计管理员三个角色须在“三员角色授权申请”中提交，由另一位安全管理员批准；"
                    "同一人不能兼任其中两个；任何人不能修改自己的角色与权限。"
                ),
            },
        ),
    )
    add_fieldsets = (
        (None, {"classes": ("wide",), "fields": ("username", "first_name", "mobile", "email", "user_type", "usable_password", "password1", "password2")}),
    )

    @admin.display(description=_("手机号"))
    def masked_mobile(self, obj):
        return obj.mobile if getattr(self, "_sees_contacts", False) else mask_mobile(obj.mobile)

    @admin.display(description=_("角色"))
    def role_names(self, obj):
        return gettext("、").join(g.name for g in obj.groups.all())

    def get_queryset(self, request):
        self._sees_contacts = request.user.has_perm("accounts.view_contact_details")
        return super().get_queryset(request).prefetch_related("groups")

    def get_readonly_fields(self, request, obj=None):
        readonly = ["password_changed_at", "last_login", "date_joined", "cancelled_at"]
        if obj is not None and not request.user.has_perm("accounts.manage_accounts"):
            readonly += ACCOUNT_FIELDS
        if not request.user.has_perm("accounts.assign_roles"):
            readonly += ROLE_FIELDS
        if not request.user.is_superuser:
            readonly.append("is_superuser")
        if obj is not None and obj.pk == request.user.pk:
            readonly += ROLE_CHANGE_FIELDS  # nobody changes their own roles, permissions or flags
        if obj is not None and not request.user.has_perm("accounts.view_contact_details"):
            readonly += ["masked_mobile"]
        return tuple(dict.fromkeys(readonly))

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is not None and not request.user.has_perm("accounts.view_contact_details"):
            # Replace the raw mobile number with the masked one.
            fieldsets = [(name, {**opts, "fields": tuple("masked_mobile" if f == "mobile" else f for f in opts["fields"])}) for name, opts in fieldsets]
        return fieldsets

    def has_add_permission(self, request):
        return request.user.has_perm("accounts.manage_accounts") and super().has_add_permission(request)

    def has_delete_permission(self, request, obj=None):
        return False

    def user_change_password(self, request, id, form_url=""):
        target = self.get_object(request, unquote(id))  # None for an unknown or malformed id (the admin then answers 404)
        if target is not None and separation.separated_roles_in(target.groups.values_list("name", flat=True)):
            # A holder of a separated role: only another security administrator (see accounts.separation).
            refusal = separation.password_reset_refusal(request.user, target)
            if refusal:
                log("auth.password_reset_by_admin", request=request, target=target, outcome="failure", detail={"reasons": [refusal]})
                raise PermissionDenied(refusal)
        elif not request.user.has_perm("accounts.manage_accounts"):
            raise PermissionDenied
        response = super().user_change_password(request, id, form_url)
        if request.method == "POST" and response.status_code == 302:
            # A password set by an administrator is temporary: the user must choose their own.
            User.objects.filter(pk=id).update(must_change_password=True)
            log("auth.password_reset_by_admin", request=request, target=User.objects.get(pk=id))
        return response

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if obj is None:
            return form  # the add form has no role fields
        return type(form.__name__, (RoleCheckedForm, form), {"actor": request.user, "request": request})

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if request.method == "POST" and object_id is not None and unquote(object_id) == str(request.user.pk):
            self._refuse_forged_own_role_change(request)
        return super().changeform_view(request, object_id, form_url, extra_context)

    def _refuse_forged_own_role_change(self, request):
        """The role fields of one's own account are read-only; a POST that carries them anyway is
        refused (403) and audited with the roles it tried to set."""
        proposed = {}
        if "groups" in request.POST:
            proposed["groups"] = Group.objects.filter(pk__in=[v for v in request.POST.getlist("groups") if v.isdigit()])
        if "user_permissions" in request.POST:
            proposed["user_permissions"] = Permission.objects.filter(pk__in=[v for v in request.POST.getlist("user_permissions") if v.isdigit()])
        for flag in ("is_staff", "is_superuser"):
            if flag in request.POST:
                proposed[flag] = True
        if proposed:
            try:
                check_role_change(request.user, by=request.user, request=request, **proposed)
            except RoleChangeRefused as exc:
                raise PermissionDenied(exc.reasons[0]) from exc

    def save_model(self, request, obj, form, change):
        # Role fields are not saved by the form: ``save_related`` hands them to ``change_roles``.
        if change:
            form.role_values = {f: form.cleaned_data.pop(f) for f in ROLE_CHANGE_FIELDS if f in form.fields and f in form.cleaned_data}
            stored = User.objects.only("is_staff", "is_superuser").get(pk=obj.pk)
            obj.is_staff, obj.is_superuser = stored.is_staff, stored.is_superuser
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        values = getattr(form, "role_values", None)
        if values:
            change_roles(form.instance, by=request.user, request=request, **values)

    @admin.action(description=_("重置所选用户的双因素认证（手机丢失时）"), permissions=["assign_roles"])
    def reset_two_factor(self, request, queryset):
        for user in queryset:
            if reset_devices(user):
                log("auth.2fa_reset", request=request, target=user)
        self.message_user(request, gettext("已重置，所选用户下次登录时需重新绑定身份验证器。"), messages.SUCCESS)

    @admin.action(description=_("注销所选账号（个人信息匿名化）"), permissions=["manage_accounts"])
    def cancel_accounts(self, request, queryset):
        done = 0
        for user in queryset.exclude(pk=request.user.pk):
            try:
                cancel_account(user, request=None)
            except Exception as exc:  # noqa: BLE001 - report each account's reason and go on
                self.message_user(request, gettext("%(user)s：%(reason)s") % {"user": user.username, "reason": exc}, messages.ERROR)
            else:
                done += 1
        self.message_user(request, ngettext("已注销 %(n)s 个账号。", "已注销 %(n)s 个账号。", done) % {"n": done}, messages.SUCCESS)

    def has_assign_roles_permission(self, request):
        return request.user.has_perm("accounts.assign_roles")

    def has_manage_accounts_permission(self, request):
        return request.user.has_perm("accounts.manage_accounts")


class CertificationRequestInline(admin.TabularInline):
    model = CertificationRequest
    fk_name = "organization"
    extra = 0
    can_delete = False
    fields = ("submitted_at", "status", "applicant", "reviewer", "reviewed_at", "decision_note")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "institution_type", "credit_code", "jurisdiction", "status", "certified_at")
    list_filter = ("kind", "status", "jurisdiction", "institution_type", "ownership")
    search_fields = ("name", "credit_code")
    readonly_fields = ("status", "certified_at", "created_at")
    filter_horizontal = ("industries",)
    inlines = [CertificationRequestInline]

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.is_certified:
            return (*self.readonly_fields, "credit_code", "kind")
        return self.readonly_fields

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(CertificationRequest)
class CertificationRequestAdmin(admin.ModelAdmin):
    list_display = ("name", "credit_code", "kind", "jurisdiction", "status", "submitted_at", "reviewed_at")
    list_filter = ("status", "kind", "jurisdiction")
    search_fields = ("name", "credit_code")
    readonly_fields = [f.name for f in CertificationRequest._meta.fields]

    def get_queryset(self, request):
        from accounts.selectors import certification_requests_visible_to

        return certification_requests_visible_to(request.user)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(LoginThrottle)
class LoginThrottleAdmin(ReadOnlyAdmin):
    list_display = ("scope", "key", "failures", "last_failure_at", "locked_until")
    list_filter = ("scope",)
    search_fields = ("key",)
    actions = ["unlock"]

    def has_delete_permission(self, request, obj=None):
        return request.user.has_perm("accounts.delete_loginthrottle")

    @admin.action(description=_("解除所选锁定"), permissions=["delete"])
    def unlock(self, request, queryset):
        from accounts.throttle import unlock

        for row in queryset:
            unlock(row, by=request.user, request=request)
        self.message_user(request, gettext("已解除锁定。"), messages.SUCCESS)


@admin.register(PrivacyPolicy)
class PrivacyPolicyAdmin(admin.ModelAdmin):
    list_display = ("version", "title", "effective_at", "summary")
    readonly_fields = ("created_at",)

    def get_readonly_fields(self, request, obj=None):
        # A version users have consented to is evidence: it is never edited, a new version is added.
        if obj is not None and obj.consents.exists():
            return ("version", "title", "summary", "body", "effective_at", "created_at")
        return self.readonly_fields

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(PrivacyConsent)
class PrivacyConsentAdmin(ReadOnlyAdmin):
    list_display = ("user", "policy", "accepted_at")
    list_filter = ("policy",)
    search_fields = ("user__username",)


@admin.register(UserSession)
class UserSessionAdmin(ReadOnlyAdmin):
    list_display = ("user", "created_at", "last_seen_at", "ip_address")
    search_fields = ("user__username",)


@admin.register(Invitation)
class InvitationAdmin(ReadOnlyAdmin):
    list_display = ("organization", "created_at", "expires_at", "accepted_at", "revoked_at")


@admin.register(SmsOutbox)
class SmsOutboxAdmin(ReadOnlyAdmin):
    """Development only: shows the SMS the console backend "sent" (superusers; no role holds this)."""

    list_display = ("created_at", "mobile", "text")
    search_fields = ("mobile",)
