"""Wagtail's group views with the separation-of-duties rules (``accounts.separation``).

Groups — and with them each role's page and collection permissions — are edited in Wagtail
(``/admin/groups/``). These views refuse, with a message and an audit entry for each refused
POST, editing or deleting a group the editor belongs to (that would change their own
permissions) or one of the three separated role groups (defined in code), and adding a
separated role's duty permission to any other group. Installed by ``AccountsConfig.ready``.
"""

from django.contrib.admin.utils import unquote
from django.contrib.auth.models import Group
from django.shortcuts import get_object_or_404, redirect
from wagtail.admin import messages
from wagtail.users.forms import GroupForm as WagtailGroupForm
from wagtail.users.views import groups

from accounts.services.roles import RoleChangeRefused, check_group_change, group_permission_labels, record_group_change, refuse_group_edit


class GroupForm(WagtailGroupForm):
    def __init__(self, *args, for_user=None, request=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.for_user = for_user
        self.request = request

    def clean(self):
        cleaned = super().clean()
        if self.for_user is not None and "permissions" in cleaned:
            try:
                check_group_change(self.instance, by=self.for_user, request=self.request, name=cleaned.get("name"), permissions=cleaned["permissions"])
            except RoleChangeRefused as exc:
                for reason in exc.reasons:
                    self.add_error(None, reason)
        return cleaned


class _CheckedFormMixin:
    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "for_user": self.request.user, "request": self.request}

    def process_form(self):
        group = getattr(self, "object", None)
        before = group_permission_labels(group) if group is not None else set()
        response = super().process_form()
        if response.status_code == 302:
            record_group_change(self.object, before, by=self.request.user, request=self.request)
        return response


def _refused(view, request, action, kwargs):
    if not view.user_has_permission(view.permission_required):
        return None  # Wagtail answers 403 itself
    group = get_object_or_404(Group, pk=unquote(str(kwargs["pk"])))
    reason = refuse_group_edit(group, by=request.user, request=request, action=action, attempted=request.method == "POST")
    if reason:
        messages.error(request, reason)
        return redirect("wagtailusers_groups:index")
    return None


class CreateView(_CheckedFormMixin, groups.CreateView):
    pass


class EditView(_CheckedFormMixin, groups.EditView):
    def dispatch(self, request, *args, **kwargs):
        return _refused(self, request, "change", kwargs) or super().dispatch(request, *args, **kwargs)


class DeleteView(groups.DeleteView):
    def dispatch(self, request, *args, **kwargs):
        return _refused(self, request, "delete", kwargs) or super().dispatch(request, *args, **kwargs)


class GroupViewSet(groups.GroupViewSet):
    add_view_class = CreateView
    edit_view_class = EditView
    delete_view_class = DeleteView

    def get_form_class(self, for_update=False):
        return GroupForm
