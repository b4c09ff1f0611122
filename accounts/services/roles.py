"""Granting and revoking roles: every change is audited, and staff status follows staff roles."""

from django.db import transaction

from accounts.roles import ROLES_BY_GROUP
from audit.services import log


def record_role_change(user, before: set[str], *, by, request=None):
    """Audit the difference between ``before`` and ``user``'s current groups; give staff roles admin access."""
    after = set(user.groups.values_list("name", flat=True))
    for name in sorted(after - before):
        log("role.grant", actor=by, request=request, target=user, detail={"role": name})
    for name in sorted(before - after):
        log("role.revoke", actor=by, request=request, target=user, detail={"role": name})
    if any(ROLES_BY_GROUP.get(name) and ROLES_BY_GROUP[name].staff for name in after) and not user.is_staff:
        type(user).objects.filter(pk=user.pk).update(is_staff=True)
        user.is_staff = True
        log("role.staff_status", actor=by, request=request, target=user, detail={"is_staff": True})


@transaction.atomic
def grant_role(user, role, *, by, request=None):
    """Add ``user`` to ``role``'s group (used by commands and tests; the admin form does the same)."""
    from accounts.roles import ensure_groups

    before = set(user.groups.values_list("name", flat=True))
    user.groups.add(ensure_groups()[role.code])
    record_role_change(user, before, by=by, request=request)


@transaction.atomic
def revoke_role(user, role, *, by, request=None):
    from django.contrib.auth.models import Group

    before = set(user.groups.values_list("name", flat=True))
    user.groups.remove(*Group.objects.filter(name=role.group_name))
    record_role_change(user, before, by=by, request=request)
