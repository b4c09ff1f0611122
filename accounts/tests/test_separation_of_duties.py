"""三员分立 through the real admin forms: nobody changes their own roles, nobody holds two of the
system / security / audit administrator roles, those roles are granted only on a second security
administrator's approval, and every attempt — refused or allowed — is audited."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.core.management import CommandError, call_command
from django.db import transaction
from django.test import Client

from accounts.models import GrantStatus, RoleGrantRequest, User
from accounts.roles import AUDIT_ADMIN, DEPT_ADMIN, OPERATOR, SECURITY_ADMIN, SYSTEM_ADMIN
from accounts.separation import SeparationOfDutiesError
from audit.models import AuditEntry

pytestmark = pytest.mark.django_db

USERS = "/django-admin/accounts/user/"
GROUPS = "/django-admin/auth/group/"
REQUESTS = "/django-admin/accounts/rolegrantrequest/"


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def perm(label):
    app, codename = label.split(".")
    return Permission.objects.get(content_type__app_label=app, codename=codename)


def role_names(user):
    return set(user.groups.values_list("name", flat=True))


def form_data(html):
    """What a browser would submit from the page's main POST form (the one with the most fields), as it stands."""
    soup = BeautifulSoup(html, "html.parser")
    posts = [f for f in soup.find_all("form") if (f.get("method") or "").lower() == "post"]
    form = max(posts, key=lambda f: len(f.find_all(["input", "select", "textarea"])))
    data = {}
    for field in form.find_all(["input", "select", "textarea"]):
        name = field.get("name")
        if not name or field.has_attr("disabled"):
            continue
        if field.name == "select":
            values = [o.get("value", o.text) for o in field.find_all("option") if o.has_attr("selected")]
        elif field.name == "textarea":
            values = [field.text]
        elif field.get("type") in ("checkbox", "radio"):
            values = [field.get("value", "on")] if field.has_attr("checked") else []
        elif field.get("type") in ("submit", "button", "file", "image"):
            values = []
        else:
            values = [field.get("value", "")]
        data.setdefault(name, []).extend(values)
    return data


def refusals(action, **detail):
    return AuditEntry.objects.filter(action=action, outcome="failure", **{f"detail__{k}": v for k, v in detail.items()})


# Nobody changes their own roles, permissions or flags.


def test_security_admin_cannot_add_the_audit_role_to_own_account(make_user, groups):
    secadmin = make_user("secadmin", role=SECURITY_ADMIN)
    client = signed_in(secadmin)
    page = client.get(f"{USERS}{secadmin.pk}/change/").content.decode()
    assert 'name="groups"' not in page and 'name="is_staff"' not in page  # read-only on one's own account
    # The reported attack: post the groups field anyway.
    response = client.post(f"{USERS}{secadmin.pk}/change/", {"groups": [groups[SECURITY_ADMIN.code].pk, groups[AUDIT_ADMIN.code].pk], "is_staff": "on"})
    assert response.status_code == 403
    assert role_names(secadmin) == {SECURITY_ADMIN.group_name}
    assert client.get("/django-admin/audit/auditentry/").status_code == 403
    entry = refusals("role.grant", role=AUDIT_ADMIN.group_name).get()
    assert entry.actor_id == secadmin.pk and entry.target_id == str(secadmin.pk)
    assert any("自己" in reason for reason in entry.detail["reasons"])


def test_nobody_gives_themselves_a_permission_or_the_superuser_flag(make_user):
    secadmin = make_user("secadmin", role=SECURITY_ADMIN)
    response = signed_in(secadmin).post(f"{USERS}{secadmin.pk}/change/", {"user_permissions": [perm("audit.view_auditentry").pk], "is_superuser": "on"})
    assert response.status_code == 403
    secadmin.refresh_from_db()
    assert not secadmin.is_superuser and not secadmin.user_permissions.exists()
    assert refusals("role.permission_grant", permission="audit.view_auditentry").filter(actor_id=secadmin.pk).exists()
    assert refusals("role.superuser_status").filter(actor_id=secadmin.pk, target_id=str(secadmin.pk)).exists()


def test_a_superuser_cannot_drop_or_change_own_flags_either(make_user):
    root = make_user("root", staff=True, is_superuser=True)
    response = signed_in(root).post(f"{USERS}{root.pk}/change/", {"is_staff": "on", "groups": [Group.objects.get(name=DEPT_ADMIN.group_name).pk]})
    assert response.status_code == 403
    assert not root.groups.exists()
    assert refusals("role.grant", role=DEPT_ADMIN.group_name).filter(actor_id=root.pk).exists()


# Granting roles in the user form.


def test_security_admin_grants_an_ordinary_role_and_it_is_audited(make_user, groups):
    target = make_user("zhang")
    secadmin = make_user("secadmin", role=SECURITY_ADMIN)
    response = signed_in(secadmin).post(f"{USERS}{target.pk}/change/", {"groups": [groups[OPERATOR.code].pk]})
    assert response.status_code == 302
    target.refresh_from_db()
    assert role_names(target) == {OPERATOR.group_name} and target.is_staff  # staff roles bring staff status
    entry = AuditEntry.objects.get(action="role.grant", outcome="success")
    assert (entry.actor_id, entry.target_id, entry.detail["role"]) == (secadmin.pk, str(target.pk), OPERATOR.group_name)


def test_a_separated_role_cannot_be_granted_directly_in_the_user_form(make_user, groups):
    target = make_user("zhang")
    secadmin = make_user("secadmin", role=SECURITY_ADMIN)
    response = signed_in(secadmin).post(f"{USERS}{target.pk}/change/", {"groups": [groups[AUDIT_ADMIN.code].pk]})
    assert response.status_code == 200
    assert "三员角色授权申请" in response.content.decode()
    assert not target.groups.exists()
    entry = refusals("role.grant", role=AUDIT_ADMIN.group_name).get()
    assert entry.actor_id == secadmin.pk and entry.target_id == str(target.pk)


def test_revoking_a_separated_role_needs_no_approval_and_is_audited(make_user):
    auditor = make_user("auditor", role=AUDIT_ADMIN)
    secadmin = make_user("secadmin", role=SECURITY_ADMIN)
    response = signed_in(secadmin).post(f"{USERS}{auditor.pk}/change/", {"is_staff": "on"})
    assert response.status_code == 302
    assert not auditor.groups.exists()
    assert AuditEntry.objects.filter(action="role.revoke", outcome="success", actor_id=secadmin.pk, detail__role=AUDIT_ADMIN.group_name).exists()


def test_duty_permissions_are_not_given_to_a_user_directly(make_user):
    target = make_user("zhang", staff=True)
    secadmin = make_user("secadmin", role=SECURITY_ADMIN)
    response = signed_in(secadmin).post(f"{USERS}{target.pk}/change/", {"is_staff": "on", "user_permissions": [perm("accounts.manage_accounts").pk]})
    assert response.status_code == 200 and "系统管理员的职责" in response.content.decode()
    assert not target.user_permissions.exists()
    assert refusals("role.permission_grant", permission="accounts.manage_accounts").filter(actor_id=secadmin.pk).exists()


def test_a_superuser_cannot_hold_a_separated_role(make_user):
    sysadmin = make_user("sysadmin", role=SYSTEM_ADMIN)
    root = make_user("root", staff=True, is_superuser=True)
    page = form_data(signed_in(root).get(f"{USERS}{sysadmin.pk}/change/").content.decode())
    page["is_superuser"] = ["on"]
    response = signed_in(root).post(f"{USERS}{sysadmin.pk}/change/", page)
    assert response.status_code == 200 and "超级用户不能担任系统管理员" in response.content.decode()
    sysadmin.refresh_from_db()
    assert not sysadmin.is_superuser
    assert refusals("role.superuser_status").filter(actor_id=root.pk, target_id=str(sysadmin.pk)).exists()


# Two of the three, whatever the path.


def test_one_person_never_holds_two_separated_roles_even_when_code_adds_them(make_user, groups):
    sysadmin = make_user("sysadmin", role=SYSTEM_ADMIN)
    root = make_user("root", staff=True, is_superuser=True)
    attempts = [
        lambda: sysadmin.groups.add(groups[AUDIT_ADMIN.code]),
        lambda: groups[SECURITY_ADMIN.code].user_set.add(sysadmin),  # from the group's side
        lambda: sysadmin.groups.set([groups[SYSTEM_ADMIN.code], groups[SECURITY_ADMIN.code]]),
        lambda: root.groups.add(groups[AUDIT_ADMIN.code]),
    ]
    for attempt in attempts:
        with pytest.raises(SeparationOfDutiesError), transaction.atomic():
            attempt()
    assert role_names(sysadmin) == {SYSTEM_ADMIN.group_name} and not root.groups.exists()


def test_a_grant_request_for_a_second_separated_role_is_refused(make_user, groups):
    sysadmin = make_user("sysadmin", role=SYSTEM_ADMIN)
    secadmin = make_user("secadmin", role=SECURITY_ADMIN)
    response = signed_in(secadmin).post(f"{REQUESTS}add/", {"user": sysadmin.pk, "role": AUDIT_ADMIN.code, "reason": "兼任"})
    assert response.status_code == 200 and "不能同时担任" in response.content.decode()
    assert not RoleGrantRequest.objects.exists()
    assert refusals("role.grant_request", role=AUDIT_ADMIN.group_name).filter(actor_id=secadmin.pk, target_id=str(sysadmin.pk)).exists()


# Granting one of the three: a request, approved by a second security administrator.


@pytest.fixture
def two_security_admins(make_user):
    return make_user("sec_a", role=SECURITY_ADMIN), make_user("sec_b", role=SECURITY_ADMIN)


def _file_request(client, user, role):
    response = client.post(f"{REQUESTS}add/", {"user": user.pk, "role": role.code, "reason": "湘商务任〔2026〕12号"})
    assert response.status_code == 302, response.content.decode()[:3000]
    return RoleGrantRequest.objects.get(user=user, role=role.code)


def _decide(client, grant, action):
    return client.post(REQUESTS, {"action": action, "_selected_action": [grant.pk]}, follow=True)


def test_a_second_security_admin_approves_a_separated_role_grant(make_user, two_security_admins):
    sec_a, sec_b = two_security_admins
    target = make_user("li")
    grant = _file_request(signed_in(sec_a), target, AUDIT_ADMIN)
    assert grant.status == GrantStatus.PENDING and grant.requested_by == sec_a and not target.groups.exists()

    response = _decide(signed_in(sec_b), grant, "approve")
    assert "已批准 1 项申请" in response.content.decode()
    grant.refresh_from_db()
    target.refresh_from_db()
    assert grant.status == GrantStatus.APPROVED and grant.decided_by == sec_b
    assert role_names(target) == {AUDIT_ADMIN.group_name} and target.is_staff
    filed = AuditEntry.objects.get(action="role.grant_request", outcome="success")
    assert (filed.actor_id, filed.target_id, filed.detail["role"]) == (sec_a.pk, str(target.pk), AUDIT_ADMIN.group_name)
    granted = AuditEntry.objects.get(action="role.grant", outcome="success")
    assert granted.actor_id == sec_b.pk and granted.detail == {"role": AUDIT_ADMIN.group_name, "request": grant.pk, "requested_by": "sec_a"}
    assert AuditEntry.objects.filter(action="role.grant_approve", outcome="success", actor_id=sec_b.pk).exists()


def test_the_requester_cannot_approve_their_own_request(make_user, two_security_admins):
    sec_a, _ = two_security_admins
    target = make_user("li")
    client = signed_in(sec_a)
    grant = _file_request(client, target, SYSTEM_ADMIN)
    response = _decide(client, grant, "approve")
    assert "不能批准自己提交的申请" in response.content.decode()
    grant.refresh_from_db()
    assert grant.status == GrantStatus.PENDING and not target.groups.exists()
    assert refusals("role.grant_approve", role=SYSTEM_ADMIN.group_name).filter(actor_id=sec_a.pk, target_id=str(target.pk)).exists()


def test_only_a_security_admin_approves_not_a_superuser(make_user, two_security_admins):
    sec_a, _ = two_security_admins
    target = make_user("li")
    grant = _file_request(signed_in(sec_a), target, SECURITY_ADMIN)
    root = make_user("root", staff=True, is_superuser=True)
    response = _decide(signed_in(root), grant, "approve")
    assert "只有安全管理员" in response.content.decode()
    assert not target.groups.exists()
    assert refusals("role.grant_approve").filter(actor_id=root.pk).exists()
    assert signed_in(make_user("sysadmin", role=SYSTEM_ADMIN)).get(REQUESTS).status_code == 403


def test_approval_checks_the_rules_again(make_user, groups, two_security_admins):
    sec_a, sec_b = two_security_admins
    target = make_user("li")
    grant = _file_request(signed_in(sec_a), target, AUDIT_ADMIN)
    target.groups.add(groups[SYSTEM_ADMIN.code])  # became system administrator meanwhile
    response = _decide(signed_in(sec_b), grant, "approve")
    assert "不能同时担任" in response.content.decode()
    assert role_names(target) == {SYSTEM_ADMIN.group_name}
    grant.refresh_from_db()
    assert grant.status == GrantStatus.PENDING
    assert refusals("role.grant", role=AUDIT_ADMIN.group_name).filter(actor_id=sec_b.pk).exists()


def test_a_security_admin_cannot_request_a_role_for_themselves(two_security_admins):
    sec_a, _ = two_security_admins
    response = signed_in(sec_a).post(f"{REQUESTS}add/", {"user": sec_a.pk, "role": AUDIT_ADMIN.code, "reason": "自己申请"})
    assert response.status_code == 200 and "不能修改自己的角色" in response.content.decode()
    assert not RoleGrantRequest.objects.exists()
    assert refusals("role.grant_request").filter(actor_id=sec_a.pk, target_id=str(sec_a.pk)).exists()


def test_a_rejected_request_grants_nothing(make_user, two_security_admins):
    sec_a, sec_b = two_security_admins
    target = make_user("li")
    grant = _file_request(signed_in(sec_a), target, AUDIT_ADMIN)
    _decide(signed_in(sec_b), grant, "reject")
    grant.refresh_from_db()
    assert grant.status == GrantStatus.REJECTED and not target.groups.exists()
    assert AuditEntry.objects.filter(action="role.grant_reject", actor_id=sec_b.pk, detail__role=AUDIT_ADMIN.group_name).exists()
    response = _decide(signed_in(sec_b), grant, "approve")  # a decided request stays decided
    assert "该申请已处理" in response.content.decode() and not target.groups.exists()


# Groups: one's own group and the three role groups are not edited; duties stay with their role.


def test_security_admin_cannot_change_own_group_in_the_django_admin(make_user, groups):
    secadmin = make_user("secadmin", role=SECURITY_ADMIN)
    group = groups[SECURITY_ADMIN.code]
    before = set(group.permissions.values_list("pk", flat=True))
    response = signed_in(secadmin).post(f"{GROUPS}{group.pk}/change/", {"name": group.name, "permissions": [*before, perm("audit.view_auditentry").pk]})
    assert response.status_code == 403
    assert set(group.permissions.values_list("pk", flat=True)) == before
    assert refusals("role.group_change").filter(actor_id=secadmin.pk, target_id=str(group.pk)).exists()


def test_the_three_role_groups_are_neither_edited_nor_deleted_in_the_django_admin(make_user, groups):
    secadmin = make_user("secadmin", role=SECURITY_ADMIN)
    client = signed_in(secadmin)
    audit_group = groups[AUDIT_ADMIN.code]
    response = client.post(f"{GROUPS}{audit_group.pk}/change/", {"name": audit_group.name, "permissions": [perm("accounts.assign_roles").pk]})
    assert response.status_code == 403
    assert client.post(f"{GROUPS}{audit_group.pk}/delete/", {"post": "yes"}).status_code == 403
    assert set(audit_group.permissions.values_list("codename", flat=True)) == {"view_auditentry", "export_auditentry"}
    assert refusals("role.group_delete").filter(actor_id=secadmin.pk, target_id=str(audit_group.pk)).exists()


def test_duty_permissions_cannot_be_added_to_another_group_but_others_can(make_user, groups):
    secadmin = make_user("secadmin", role=SECURITY_ADMIN)
    client = signed_in(secadmin)
    group = groups[OPERATOR.code]
    before = set(group.permissions.values_list("pk", flat=True))
    response = client.post(f"{GROUPS}{group.pk}/change/", {"name": group.name, "permissions": [*before, perm("audit.view_auditentry").pk]})
    assert response.status_code == 200 and "审计管理员的职责" in response.content.decode()
    assert set(group.permissions.values_list("pk", flat=True)) == before
    assert refusals("role.group_change", group=group.name).filter(actor_id=secadmin.pk).exists()
    response = client.post(f"{GROUPS}{group.pk}/change/", {"name": group.name, "permissions": [*before, perm("wagtailimages.delete_image").pk]})
    assert response.status_code == 302
    entry = AuditEntry.objects.get(action="role.group_change", outcome="success")
    assert entry.detail["added"] == ["wagtailimages.delete_image"] and entry.actor_id == secadmin.pk


# The Wagtail admin: users are not edited there; its group views apply the same rules.


def test_wagtail_user_edit_and_assign_role_bulk_action_change_no_roles(make_user, groups):
    target = make_user("zhang")
    secadmin = make_user("secadmin", role=SECURITY_ADMIN)
    client = signed_in(secadmin)
    response = client.post(f"/admin/users/edit/{target.pk}/", {"username": "zhang", "groups": [groups[AUDIT_ADMIN.code].pk]})
    assert response.status_code == 302 and response.url == f"{USERS}{target.pk}/change/"
    response = client.post(f"/admin/bulk/accounts/user/assign_role/?id={secadmin.pk}&id={target.pk}", {"role": groups[AUDIT_ADMIN.code].pk})
    assert response.status_code == 302 and response.url == USERS
    assert not target.groups.exists() and role_names(secadmin) == {SECURITY_ADMIN.group_name}


def test_wagtail_group_editor_refuses_own_group_and_the_three_role_groups(make_user, groups):
    secadmin = make_user("secadmin", role=SECURITY_ADMIN)
    client = signed_in(secadmin)
    for role in (SECURITY_ADMIN, AUDIT_ADMIN):
        group = groups[role.code]
        before = set(group.permissions.values_list("pk", flat=True))
        response = client.post(f"/admin/groups/edit/{group.pk}/", {"name": group.name, "permissions": [perm("wagtailredirects.add_redirect").pk]}, follow=True)
        assert response.redirect_chain[0][0] == "/admin/groups/", role
        assert set(group.permissions.values_list("pk", flat=True)) == before, role
        assert refusals("role.group_change").filter(actor_id=secadmin.pk, target_id=str(group.pk)).exists(), role
        response = client.post(f"/admin/groups/delete/{group.pk}/", {}, follow=False)
        assert response.status_code == 302 and Group.objects.filter(pk=group.pk).exists(), role


def test_wagtail_group_form_keeps_duty_permissions_with_their_role(make_user, groups):
    secadmin = make_user("secadmin", role=SECURITY_ADMIN)
    client = signed_in(secadmin)
    group = groups[OPERATOR.code]
    url = f"/admin/groups/edit/{group.pk}/"
    data = form_data(client.get(url).content.decode())
    data["permissions"] = [*data.get("permissions", []), str(perm("wagtailredirects.add_redirect").pk)]  # a system administrator's duty
    response = client.post(url, data)
    assert response.status_code == 200 and "系统管理员的职责" in response.content.decode()
    assert not group.permissions.filter(codename="add_redirect").exists()
    assert refusals("role.group_change", group=group.name).filter(actor_id=secadmin.pk).exists()
    data["permissions"] = [p for p in data["permissions"] if p != str(perm("wagtailredirects.add_redirect").pk)] + [str(perm("wagtailcore.add_workflow").pk)]
    response = client.post(url, data)
    assert response.status_code == 302
    assert group.permissions.filter(codename="add_workflow").exists()
    assert AuditEntry.objects.get(action="role.group_change", outcome="success").detail["added"] == ["wagtailcore.add_workflow"]


# Installation: before two security administrators exist, two named operators grant the roles.


def test_installation_command_grants_a_separated_role_with_two_named_operators(make_user):
    first = make_user("first_secadmin", staff=True)
    call_command("grant_security_role", "first_secadmin", "security_admin", "--operator", "张三", "--operator", "李四", "--reason", "湘商务任〔2026〕1号")
    assert role_names(first) == {SECURITY_ADMIN.group_name}
    entry = AuditEntry.objects.get(action="role.grant", outcome="success")
    assert entry.target_id == str(first.pk) and entry.detail["operators"] == ["张三", "李四"] and entry.detail["role"] == SECURITY_ADMIN.group_name


def test_installation_command_needs_two_different_operators_and_keeps_the_rules(make_user):
    sysadmin = make_user("sysadmin", role=SYSTEM_ADMIN)
    with pytest.raises(CommandError, match="两名不同的操作人"):
        call_command("grant_security_role", "sysadmin", "audit_admin", "--operator", "张三", "--operator", "张三", "--reason", "x")
    with pytest.raises(CommandError, match="不能同时担任"):
        call_command("grant_security_role", "sysadmin", "audit_admin", "--operator", "张三", "--operator", "李四", "--reason", "x")
    assert role_names(sysadmin) == {SYSTEM_ADMIN.group_name}
    assert refusals("role.grant", role=AUDIT_ADMIN.group_name).count() == 2


def test_installation_command_is_refused_once_two_security_admins_exist(make_user, two_security_admins):
    make_user("li")
    with pytest.raises(CommandError, match="三员角色授权申请"):
        call_command("grant_security_role", "li", "audit_admin", "--operator", "张三", "--operator", "李四", "--reason", "x")
    assert not User.objects.get(username="li").groups.exists()
    assert refusals("role.grant", role=AUDIT_ADMIN.group_name).exists()


def test_a_grant_request_not_approved_in_time_lapses(make_user, two_security_admins, settings):
    from datetime import timedelta

    from django.utils import timezone

    from accounts.models import RoleGrantRequest

    settings.ROLE_GRANT_REQUEST_TTL_DAYS = 7
    sec_a, sec_b = two_security_admins
    target = make_user("li")
    grant = _file_request(signed_in(sec_a), target, AUDIT_ADMIN)
    RoleGrantRequest.objects.filter(pk=grant.pk).update(requested_at=timezone.now() - timedelta(days=8))
    response = _decide(signed_in(sec_b), grant, "approve")
    assert "已超过 7 天，已失效" in response.content.decode()
    grant.refresh_from_db()
    target.refresh_from_db()
    assert grant.status == GrantStatus.PENDING and not target.groups.exists()
    assert refusals("role.grant_approve", role=AUDIT_ADMIN.group_name).filter(actor_id=sec_b.pk).exists()


def test_only_another_security_admin_resets_a_separated_role_holders_password(make_user, two_security_admins, groups):
    sec_a, sec_b = two_security_admins
    sysadmin = make_user("sys1", role=SYSTEM_ADMIN)
    url = f"/django-admin/accounts/user/{sec_a.pk}/password/"
    data = {"password1": "Changed#2026ok", "password2": "Changed#2026ok"}
    assert signed_in(sysadmin).post(url, data).status_code == 403
    sec_a.refresh_from_db()
    assert sec_a.check_password("Xiang#2026")
    assert AuditEntry.objects.filter(action="auth.password_reset_by_admin", outcome="failure", actor_id=sysadmin.pk).exists()
    assert signed_in(sec_a).post(url, data).status_code == 403  # not one's own either
    assert signed_in(sec_b).post(url, data).status_code == 302
    sec_a.refresh_from_db()
    assert sec_a.check_password("Changed#2026ok") and sec_a.must_change_password


def test_a_malformed_user_id_on_the_password_page_is_refused_not_a_crash(two_security_admins):
    sec_a, _ = two_security_admins
    assert signed_in(sec_a).get("/django-admin/accounts/user/x/password/").status_code in (302, 403, 404)  # never a 500
