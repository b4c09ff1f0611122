"""Changing roles (groups), a user's own permissions, and staff or superuser status — the one way.

Every path that changes them goes through ``change_roles``: the Django admin's user form, the
approval of a role grant request (``accounts.services.role_requests``), the bootstrap command
``grant_security_role``, and ``grant_role`` / ``revoke_role`` for code. It applies the
separation-of-duties rules of ``accounts.separation`` on the locked user row and writes one
audit entry per attempted change — who (actor), whom (target), which role or permission, and
the outcome; a refused change is recorded with its reasons and nothing is changed.

Groups themselves (their names and permissions) are checked by ``check_group_change`` and
``refuse_group_edit``, used by the Django admin's and Wagtail's group forms.
"""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db import transaction

from accounts import separation
from accounts.roles import ROLES_BY_GROUP
from audit.services import log


class RoleChangeRefused(Exception):
    """The change breaks a rule; ``reasons`` are user-facing messages. Nothing was changed."""

    def __init__(self, reasons):
        self.reasons = list(reasons)
        super().__init__("；".join(self.reasons))


@dataclass
class RoleChange:
    """What a proposed change would do to one user, computed against the stored state."""

    target: object
    groups_before: dict = field(default_factory=dict)  # name -> Group
    groups_after: dict = field(default_factory=dict)
    perms_before: dict = field(default_factory=dict)  # label -> Permission
    perms_after: dict = field(default_factory=dict)
    staff_before: bool = False
    staff_after: bool = False
    superuser_before: bool = False
    superuser_after: bool = False

    @property
    def added_groups(self):
        return sorted(self.groups_after.keys() - self.groups_before.keys())

    @property
    def removed_groups(self):
        return sorted(self.groups_before.keys() - self.groups_after.keys())

    @property
    def added_perms(self):
        return sorted(self.perms_after.keys() - self.perms_before.keys())

    @property
    def removed_perms(self):
        return sorted(self.perms_before.keys() - self.perms_after.keys())

    @property
    def is_empty(self):
        return not (
            self.added_groups
            or self.removed_groups
            or self.added_perms
            or self.removed_perms
            or self.staff_before != self.staff_after
            or self.superuser_before != self.superuser_after
        )


def plan_role_change(target, *, groups=None, user_permissions=None, is_staff=None, is_superuser=None) -> RoleChange:
    """The difference between ``target``'s stored roles and flags and the proposed ones (None = unchanged)."""
    stored = get_user_model().objects.only("is_staff", "is_superuser").get(pk=target.pk)
    groups_before = {g.name: g for g in stored.groups.all()}
    perms_before = {separation.permission_label(p): p for p in stored.user_permissions.select_related("content_type")}
    perms_after = perms_before
    if user_permissions is not None:
        perms_after = {separation.permission_label(p): p for p in Permission.objects.filter(pk__in=[p.pk for p in user_permissions]).select_related("content_type")}
    return RoleChange(
        target=stored,
        groups_before=groups_before,
        groups_after=groups_before if groups is None else {g.name: g for g in groups},
        perms_before=perms_before,
        perms_after=perms_after,
        staff_before=stored.is_staff,
        staff_after=stored.is_staff if is_staff is None else bool(is_staff),
        superuser_before=stored.is_superuser,
        superuser_after=stored.is_superuser if is_superuser is None else bool(is_superuser),
    )


def role_change_problems(change: RoleChange, *, by, approved_roles=()) -> list[str]:
    """Why ``by`` may not make ``change`` (empty when allowed).

    ``approved_roles`` are separated roles whose grant was approved by a second security
    administrator (or, at installation, by two named operators); any other separated role added
    here is refused. ``by`` is None only for the operator of a management command.
    """
    if change.is_empty:
        return []
    problems = []
    if by is not None:
        if by.pk == change.target.pk:
            return [str(separation.SELF_CHANGE)]
        if not by.has_perm("accounts.assign_roles"):
            problems.append(str(separation.NO_ASSIGN_PERMISSION))
        if change.superuser_before != change.superuser_after and not by.is_superuser:
            problems.append(str(separation.SUPERUSER_ONLY))
    approved = {r.group_name for r in approved_roles}
    for name in change.added_groups:
        role = separation.SEPARATED_GROUPS.get(name)
        if role is not None and name not in approved:
            problems.append(separation.needs_approval(role))
    conflict = separation.membership_conflict(change.groups_after.keys(), is_superuser=change.superuser_after)
    if conflict:
        problems.append(conflict)
    problems += separation.duty_permission_problems(change.added_perms)
    return problems


def _audit(change: RoleChange, *, by, request, outcome="success", detail=None):
    """One entry per group, permission and flag the change touches (or tried to)."""
    extra = dict(detail or {})
    user = change.target

    def entry(action, **what):
        log(action, actor=by, request=request, target=user, outcome=outcome, detail={**what, **extra})

    for name in change.added_groups:
        entry("role.grant", role=name)
    for name in change.removed_groups:
        entry("role.revoke", role=name)
    for label in change.added_perms:
        entry("role.permission_grant", permission=label)
    for label in change.removed_perms:
        entry("role.permission_revoke", permission=label)
    if change.staff_before != change.staff_after:
        entry("role.staff_status", is_staff=change.staff_after)
    if change.superuser_before != change.superuser_after:
        entry("role.superuser_status", is_superuser=change.superuser_after)


def check_role_change(target, *, by, request=None, **proposed) -> RoleChange:
    """Refuse (audited, ``RoleChangeRefused``) or return the planned change; changes nothing.

    Forms call this in ``clean()`` so the refusal shows beside the fields; ``change_roles``
    checks again on the locked row when saving.
    """
    change = plan_role_change(target, **proposed)
    problems = role_change_problems(change, by=by)
    if problems:
        _audit(change, by=by, request=request, outcome="failure", detail={"reasons": problems})
        raise RoleChangeRefused(problems)
    return change


def change_roles(target, *, by, request=None, approved_roles=(), audit_detail=None, **proposed) -> RoleChange:
    """Set ``target``'s groups / user permissions / is_staff / is_superuser (each None = unchanged).

    Checks the rules on the locked user row (so two approvals cannot race a second separated
    role onto one person), applies the change, keeps staff status for staff roles, and audits
    each change. Refusals are audited and raised as ``RoleChangeRefused``; a caller inside its
    own transaction that lets the exception propagate also rolls back that audit entry.
    """
    with transaction.atomic():
        locked = get_user_model().objects.select_for_update().get(pk=target.pk)
        change = plan_role_change(locked, **proposed)
        problems = role_change_problems(change, by=by, approved_roles=approved_roles)
        if not problems:
            _apply(change)
            _audit(change, by=by, request=request, detail=audit_detail)
            _keep_staff_status(change.target, by=by, request=request)
            return change
    _audit(change, by=by, request=request, outcome="failure", detail={**(audit_detail or {}), "reasons": problems})
    raise RoleChangeRefused(problems)


def _apply(change: RoleChange):
    user = change.target
    if change.added_groups or change.removed_groups:
        user.groups.set(change.groups_after.values())
    if change.added_perms or change.removed_perms:
        user.user_permissions.set(change.perms_after.values())
    flags = {}
    if change.staff_before != change.staff_after:
        flags["is_staff"] = change.staff_after
    if change.superuser_before != change.superuser_after:
        flags["is_superuser"] = change.superuser_after
    if flags:
        get_user_model().objects.filter(pk=user.pk).update(**flags)
        for name, value in flags.items():
            setattr(user, name, value)


def _keep_staff_status(user, *, by, request):
    """A staff role needs admin access (and with it 2FA and the short idle timeout)."""
    names = set(user.groups.values_list("name", flat=True))
    if not user.is_staff and any(ROLES_BY_GROUP.get(n) and ROLES_BY_GROUP[n].staff for n in names):
        get_user_model().objects.filter(pk=user.pk).update(is_staff=True)
        user.is_staff = True
        log("role.staff_status", actor=by, request=request, target=user, detail={"is_staff": True, "because": "staff_role"})


def grant_role(user, role, *, by, request=None):
    """Add ``user`` to ``role``'s group. A separated role is refused here: it needs an approved request."""
    from accounts.roles import ensure_groups

    groups = list(user.groups.all()) + [ensure_groups()[role.code]]
    return change_roles(user, by=by, request=request, groups=groups)


def revoke_role(user, role, *, by, request=None):
    return change_roles(user, by=by, request=request, groups=list(user.groups.exclude(name=role.group_name)))


# Groups: their names and permissions.


def refuse_group_edit(group, *, by, request=None, action="change", attempted=True) -> str | None:
    """Why ``by`` may not edit or delete ``group`` at all (own group, or one of the three), or None.

    With ``attempted`` (a POST), the refusal is audited.
    """
    reason = separation.group_edit_refusal(by, group)
    if reason and attempted:
        log(f"role.group_{action}", actor=by, request=request, target=group, outcome="failure", detail={"group": group.name, "reasons": [reason]})
    return reason


def check_group_change(group, *, by, request=None, name=None, permissions=None):
    """Refuse (audited) a group edit that breaks the rules: the group is ``by``'s own or one of the
    three, or a separated role's duty permission would be added to it. Changes nothing."""
    reason = separation.group_edit_refusal(by, group)
    reasons = [reason] if reason else []
    added = []
    if permissions is not None:
        before = set(_labels(group.permissions.all())) if group.pk else set()
        added = sorted(set(_labels(permissions)) - before)
        reasons += separation.duty_permission_problems(added, group_name=name or group.name)
    if reasons:
        log("role.group_change", actor=by, request=request, target=group if group.pk else None, outcome="failure",
            detail={"group": name or group.name, "added": added, "reasons": reasons})
        raise RoleChangeRefused(reasons)


def group_permission_labels(group) -> set[str]:
    return set(_labels(group.permissions.all())) if group.pk else set()


def record_group_change(group, before: set[str], *, by, request=None):
    """Audit the permissions a saved group gained and lost (its old labels are ``before``)."""
    after = group_permission_labels(group)
    if after != before:
        log("role.group_change", actor=by, request=request, target=group,
            detail={"group": group.name, "added": sorted(after - before), "removed": sorted(before - after)})


def _labels(permissions):
    return [separation.permission_label(p) for p in Permission.objects.filter(pk__in=[p.pk for p in permissions]).select_related("content_type")]

