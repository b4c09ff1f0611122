"""Granting one of the three separated roles: requested by one security administrator, approved by another.

The four-eyes rule (MLPS 2.0 level 3, 三员分立): a person becomes system, security or audit
administrator only when two different security administrators agree — one files a request
with the reason (e.g. the appointment document), a second one, who is neither the requester
nor the person concerned, approves it. The grant itself goes through
``accounts.services.roles.change_roles`` with every other rule (no two separated roles, none
for a superuser). Each step, allowed or refused, is audited.

At installation, before two security administrators exist, ``manage.py grant_security_role``
grants with two named operators instead (``grant_at_installation``).
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts import separation
from accounts.models import GrantStatus, RoleGrantRequest
from accounts.roles import SECURITY_ADMIN, SECURITY_ROLES, ensure_groups, has_role
from accounts.services.roles import RoleChangeRefused, change_roles
from audit.services import log

ROLES_BY_CODE = {r.code: r for r in SECURITY_ROLES}
NOT_A_SECURITY_ADMIN = gettext_lazy("只有安全管理员可以批准或驳回三员角色授权申请。")
OWN_REQUEST = gettext_lazy("不能批准自己提交的申请，须由另一位安全管理员批准。")
OWN_GRANT = gettext_lazy("不能批准授予自己角色的申请。")
NOT_PENDING = gettext_lazy("该申请已处理。")
TOO_MANY_SECURITY_ADMINS = gettext_lazy("系统中已有两位或以上安全管理员：请在后台提交“三员角色授权申请”，由另一位安全管理员批准。")


def grant_request_problems(user, role, *, by) -> list[str]:
    """Why ``by`` may not ask that ``user`` be given ``role`` (a separated role); empty when allowed."""
    if by.pk == user.pk:
        return [str(separation.SELF_CHANGE)]
    problems = []
    if not by.has_perm("accounts.assign_roles") or not by.has_perm("accounts.add_rolegrantrequest"):
        problems.append(str(separation.NO_ASSIGN_PERMISSION))
    current = set(user.groups.values_list("name", flat=True))
    if role.group_name in current:
        problems.append(_("%(user)s 已担任%(role)s。") % {"user": user.get_username(), "role": role.group_name})
    conflict = separation.membership_conflict(current | {role.group_name}, is_superuser=user.is_superuser)
    if conflict:
        problems.append(conflict)
    return problems


def _refuse(action, *, by, request, target, role, reasons, extra=None):
    log(action, actor=by, request=request, target=target, outcome="failure", detail={"role": role.group_name, **(extra or {}), "reasons": reasons})
    raise RoleChangeRefused(reasons)


def check_grant_request(user, role, *, by, request=None):
    """Refuse (audited) a request ``by`` may not file; changes nothing. Forms call it in ``clean()``."""
    problems = grant_request_problems(user, role, by=by)
    if problems:
        _refuse("role.grant_request", by=by, request=request, target=user, role=role, reasons=problems)


def request_role_grant(user, role, *, by, reason, request=None) -> RoleGrantRequest:
    """File a pending request that ``user`` be given the separated ``role``; audited."""
    check_grant_request(user, role, by=by, request=request)
    grant = RoleGrantRequest.objects.create(user=user, role=role.code, reason=reason, requested_by=by)
    log("role.grant_request", actor=by, request=request, target=user, detail={"role": role.group_name, "request": grant.pk, "reason": reason})
    return grant


def is_expired(grant: RoleGrantRequest, now=None) -> bool:
    """A request not approved within ``ROLE_GRANT_REQUEST_TTL_DAYS`` can no longer be: the reason it
    gives (an appointment, a reorganisation) may no longer hold, so it is filed again."""
    return (now or timezone.now()) - grant.requested_at > timedelta(days=settings.ROLE_GRANT_REQUEST_TTL_DAYS)


def decision_problems(grant: RoleGrantRequest, *, by) -> list[str]:
    """Why ``by`` may not approve or reject ``grant``; empty when allowed."""
    if not grant.is_pending:
        return [str(NOT_PENDING)]
    if not (by.is_active and has_role(by, SECURITY_ADMIN) and by.has_perm("accounts.approve_rolegrantrequest")):
        return [str(NOT_A_SECURITY_ADMIN)]
    return []


def approve_role_grant(grant: RoleGrantRequest, *, by, request=None, note="") -> RoleGrantRequest:
    """A second security administrator approves: the role is granted (all rules checked again), audited.

    Refused, with an audit entry, when the approver is not a security administrator, filed the
    request, or is the person concerned — or when the grant itself would break a rule now.
    """
    role = ROLES_BY_CODE[grant.role]
    with transaction.atomic():
        grant = RoleGrantRequest.objects.select_for_update().get(pk=grant.pk)
        problems = decision_problems(grant, by=by)
        if not problems and by.pk == grant.requested_by_id:
            problems = [str(OWN_REQUEST)]
        if not problems and by.pk == grant.user_id:
            problems = [str(OWN_GRANT)]
        if not problems and is_expired(grant):
            problems = [_("该申请提交已超过 %(days)s 天，已失效；如仍需授予，请重新提交申请。") % {"days": settings.ROLE_GRANT_REQUEST_TTL_DAYS}]
        if not problems:
            try:
                change_roles(
                    grant.user,
                    by=by,
                    request=request,
                    approved_roles=[role],
                    audit_detail={"request": grant.pk, "requested_by": grant.requested_by.get_username()},
                    groups=[*grant.user.groups.all(), ensure_groups()[role.code]],
                )
            except RoleChangeRefused as exc:
                problems = exc.reasons  # already audited as a refused role.grant
            else:
                grant.status, grant.decided_by, grant.decided_at, grant.decision_note = GrantStatus.APPROVED, by, timezone.now(), note[:255]
                grant.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])
                log("role.grant_approve", actor=by, request=request, target=grant.user,
                    detail={"role": role.group_name, "request": grant.pk, "requested_by": grant.requested_by.get_username()})
                return grant
    _refuse("role.grant_approve", by=by, request=request, target=grant.user, role=role, reasons=problems, extra={"request": grant.pk})


def reject_role_grant(grant: RoleGrantRequest, *, by, request=None, note="") -> RoleGrantRequest:
    """A security administrator (the requester too, to withdraw it) rejects a pending request; audited."""
    role = ROLES_BY_CODE[grant.role]
    with transaction.atomic():
        grant = RoleGrantRequest.objects.select_for_update().get(pk=grant.pk)
        problems = decision_problems(grant, by=by)
        if not problems:
            grant.status, grant.decided_by, grant.decided_at, grant.decision_note = GrantStatus.REJECTED, by, timezone.now(), note[:255]
            grant.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])
            log("role.grant_reject", actor=by, request=request, target=grant.user, detail={"role": role.group_name, "request": grant.pk})
            return grant
    _refuse("role.grant_reject", by=by, request=request, target=grant.user, role=role, reasons=problems, extra={"request": grant.pk})


def active_security_admins():
    return get_user_model().objects.filter(is_active=True, groups__name=SECURITY_ADMIN.group_name)


def grant_at_installation(user, role, *, operators, reason):
    """``manage.py grant_security_role``: grant a separated role with two named operators.

    Only while fewer than two active security administrators exist — the situation in which no
    second security administrator could approve a request. Every other rule still applies.
    """
    operators = [o.strip() for o in operators if o and o.strip()]
    detail = {"role": role.group_name, "operators": operators, "reason": reason, "via": "manage.py grant_security_role"}
    problems = []
    if len(operators) != 2 or operators[0] == operators[1]:
        problems.append(_("须由两名不同的操作人共同执行（--operator 两次）。"))
    if active_security_admins().count() >= 2:
        problems.append(str(TOO_MANY_SECURITY_ADMINS))
    if problems:
        log("role.grant", target=user, outcome="failure", detail={**detail, "reasons": problems})
        raise RoleChangeRefused(problems)
    return change_roles(user, by=None, approved_roles=[role], audit_detail=detail, groups=[*user.groups.all(), ensure_groups()[role.code]])
