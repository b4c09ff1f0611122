"""Wagtail admin: user accounts are edited only in the Django admin, where the separation of the
system administrator (account details) and security administrator (roles) is enforced per field.

Wagtail's own user create/edit/delete views and user bulk actions (which would let anyone
with ``change_user`` also assign groups) redirect there instead. Groups — and with them the
page permissions of each role — stay in Wagtail, open only to holders of the group
permissions (the security administrator).
"""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

REDIRECT_MESSAGE = _("用户账号请在系统管理后台维护（账号信息由系统管理员、角色由安全管理员分别修改）。")


def _to_django_admin(request, user=None):
    messages.info(request, REDIRECT_MESSAGE)
    if user is not None:
        return redirect(reverse("admin:accounts_user_change", args=[user.pk]))
    return redirect(reverse("admin:accounts_user_changelist"))


@hooks.register("before_create_user")
def create_user_in_django_admin(request):
    if request.user.has_perm("accounts.manage_accounts"):
        return redirect(reverse("admin:accounts_user_add"))
    return _to_django_admin(request)


@hooks.register("before_edit_user")
def edit_user_in_django_admin(request, user):
    return _to_django_admin(request, user)


@hooks.register("before_delete_user")
def never_delete_users(request, user):
    return _to_django_admin(request, user)


@hooks.register("before_bulk_action")
def no_user_bulk_actions(request, action_type, objects, action_class_instance):
    if get_user_model() in getattr(action_class_instance, "models", []):
        return _to_django_admin(request)
    return None
