"""Separation of duties (三员分立, MLPS 2.0 level 3): the rules, in one place.

The system, security and audit administrators (``accounts.roles.SECURITY_ROLES``) watch one
another, so:

* nobody holds two of them, and a superuser holds none (a superuser already has every
  permission the system and security administrators have);
* nobody changes their own roles, own permissions, own staff or superuser status, or the
  permissions of a group they belong to;
* the password of someone who holds one of them is reset only by a security administrator other
  than that person (a system administrator who could set it could sign in as the security or
  audit administrator and undo the separation);
* a permission that only these roles hold (their *duty*) comes with the role and nowhere else:
  never as a user's own permission, never added to another group. The three groups' own
  permissions are defined in code (``accounts.role_permissions``, ``manage.py sync_roles``) and
  are not edited in either admin.

This module only reads and decides. ``accounts.services.roles`` applies the rules to every
change (and audits refusals), the admin forms show its messages, and ``guard_membership`` — a
backstop connected to the user–group table — refuses a membership that breaks the first rule
whatever code adds it, from the user's side or the group's.
"""

from functools import cache

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.roles import SECURITY_ROLES, Role

SEPARATED_GROUPS: dict[str, Role] = {r.group_name: r for r in SECURITY_ROLES}

SELF_CHANGE = gettext_lazy("不能修改自己的角色、权限、工作人员或超级用户状态，须由另一位安全管理员办理。")
OWN_GROUP = gettext_lazy("不能修改或删除自己所在的用户组（那等于修改自己的权限），须由另一位安全管理员办理。")
SEPARATED_GROUP_FIXED = gettext_lazy("三员角色组（系统管理员、安全管理员、审计管理员）的名称和权限由系统定义（manage.py sync_roles），不能在后台修改或删除。")
NO_ASSIGN_PERMISSION = gettext_lazy("没有分配角色与权限的权限。")
SUPERUSER_ONLY = gettext_lazy("只有超级用户能更改超级用户状态。")
# The messages above are lazy (translated when shown); where they are kept — in a list of reasons, the
# audit log — they are made text with str() first.


OTHERS_SECURITY_PASSWORD = gettext_lazy("三员分立：%(roles)s的密码只能由另一位安全管理员重置（本人请在“账号安全”修改或用短信找回）。")


def password_reset_refusal(actor, target) -> str | None:
    """Why ``actor`` may not set ``target``'s password in an admin; None when allowed."""
    from accounts.roles import SECURITY_ADMIN, has_role

    held = separated_roles_in(target.groups.values_list("name", flat=True))
    if not held or (has_role(actor, SECURITY_ADMIN) and actor.pk != target.pk):
        return None
    return str(OTHERS_SECURITY_PASSWORD) % {"roles": _("、").join(r.group_name for r in held)}


class SeparationOfDutiesError(Exception):
    """A change would let one person hold two of the three separated roles (or one as a superuser)."""


def separated_roles_in(group_names) -> list[Role]:
    """The separated roles among ``group_names``, in the order of ``SECURITY_ROLES``."""
    names = set(group_names)
    return [r for r in SECURITY_ROLES if r.group_name in names]


def membership_conflict(group_names, *, is_superuser: bool) -> str | None:
    """Why this set of groups (with this superuser flag) may not belong to one person, or None."""
    roles = separated_roles_in(group_names)
    if len(roles) > 1:
        return _("三员分立：同一人不能同时担任%(roles)s。") % {"roles": _("和").join(r.group_name for r in roles)}
    if roles and is_superuser:
        return _("三员分立：超级用户不能担任%(role)s。") % {"role": roles[0].group_name}
    return None


def needs_approval(role: Role) -> str:
    return _("授予%(role)s须提交“三员角色授权申请”，由另一位安全管理员批准。") % {"role": role.group_name}


@cache
def duty_permissions() -> dict[str, frozenset[str]]:
    """``"app.codename"`` → the separated role groups that may hold it, for every permission
    that only separated roles are given (``accounts.role_permissions.collect``).

    A permission another role also holds (e.g. ``wagtailadmin.access_admin``) is not a duty.
    To let another role do part of a duty, list the permission for that role in code.
    """
    from accounts.role_permissions import collect

    wanted = collect()
    separated_codes = {r.code for r in SECURITY_ROLES}
    shared = {label for code, labels in wanted.items() if code not in separated_codes for label in labels}
    duties: dict[str, set[str]] = {}
    for role in SECURITY_ROLES:
        for label in wanted.get(role.code, []):
            if label not in shared:
                duties.setdefault(label, set()).add(role.group_name)
    return {label: frozenset(groups) for label, groups in duties.items()}


def duty_permission_problems(labels, *, group_name: str | None = None) -> list[str]:
    """Why each of ``labels`` may not be added to ``group_name`` (or, with None, to a user directly)."""
    duties = duty_permissions()
    problems = []
    for label in sorted(labels):
        holders = duties.get(label)
        if holders is None or group_name in holders:
            continue
        owners = _("、").join(sorted(holders))
        if group_name is None:
            problem = _("权限“%(permission)s”是%(roles)s的职责，只能通过授予该角色获得，不能作为个人权限授予。")
        else:
            problem = _("权限“%(permission)s”是%(roles)s的职责，只能通过授予该角色获得，不能加入其他用户组。")
        problems.append(problem % {"permission": label, "roles": owners})
    return problems


def group_edit_refusal(user, group) -> str | None:
    """Why ``user`` may not change (rename, re-permission, delete) ``group`` at all, or None."""
    if group.pk is None:
        return None
    if group.name in SEPARATED_GROUPS:
        return str(SEPARATED_GROUP_FIXED)
    if user.groups.filter(pk=group.pk).exists():
        return str(OWN_GROUP)
    return None


def permission_label(permission) -> str:
    return f"{permission.content_type.app_label}.{permission.codename}"


def guard_membership(sender, instance, action, reverse, model, pk_set, **kwargs):
    """``m2m_changed`` on ``User.groups``: refuse an addition that breaks the two-roles rule.

    The services and forms refuse such changes first, with a message and an audit entry; this
    keeps the rule when some other code calls ``user.groups.add()`` or ``group.user_set.add()``.
    """
    if action != "pre_add" or not pk_set:
        return
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    if reverse:  # group.user_set.add(users)
        if instance.name not in SEPARATED_GROUPS:
            return
        checks = [(user, {instance.name}) for user in get_user_model().objects.filter(pk__in=pk_set)]
    else:  # user.groups.add(groups)
        added = set(Group.objects.filter(pk__in=pk_set).values_list("name", flat=True))
        if not added & SEPARATED_GROUPS.keys():
            return
        checks = [(instance, added)]
    for user, added in checks:
        current = set(user.groups.values_list("name", flat=True))
        problem = membership_conflict(current | added, is_superuser=user.is_superuser)
        if problem:
            raise SeparationOfDutiesError(f"{user.get_username()}：{problem}")
