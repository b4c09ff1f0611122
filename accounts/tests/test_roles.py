"""The roles: one group each, the three MLPS security roles kept apart, and ``sync_roles``."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command

from accounts.role_permissions import collect
from accounts.roles import ALL_ROLES, AUDIT_ADMIN, CITY_BUREAU_ROLES, SECURITY_ADMIN, SYSTEM_ADMIN, ensure_groups

pytestmark = pytest.mark.django_db


def perms_of(role):
    group = Group.objects.get(name=role.group_name)
    return {f"{app}.{code}" for app, code in group.permissions.values_list("content_type__app_label", "codename")}


def test_every_role_has_its_group_and_14_city_bureaus_exist():
    ensure_groups()
    assert len(CITY_BUREAU_ROLES) == 14
    assert set(Group.objects.values_list("name", flat=True)) >= {r.group_name for r in ALL_ROLES}
    for role in ALL_ROLES:
        assert perms_of(role) == {
            p for p in collect()[role.code] if Permission.objects.filter(codename=p.split(".")[1], content_type__app_label=p.split(".")[0]).exists()
        }, role.code


def test_the_three_security_roles_are_separated():
    ensure_groups()
    system, security, auditor = perms_of(SYSTEM_ADMIN), perms_of(SECURITY_ADMIN), perms_of(AUDIT_ADMIN)
    audit_perms = {"audit.view_auditentry", "audit.export_auditentry"}
    # System administrator: users and settings, but no audit log and no role assignment.
    assert {"accounts.change_user", "accounts.manage_accounts", "wagtailcore.change_site"} <= system
    assert not system & audit_perms and "accounts.assign_roles" not in system and "auth.change_group" not in system
    # Security administrator: roles and security policies, no audit log, no contact details.
    assert {"accounts.assign_roles", "auth.change_group", "oauth2_provider.change_application", "accounts.change_privacypolicy"} <= security
    assert not security & audit_perms and "accounts.view_contact_details" not in security
    # Audit administrator: the audit log and nothing else.
    assert auditor == audit_perms
    for role in ALL_ROLES:
        if role != AUDIT_ADMIN:
            assert not perms_of(role) & audit_perms, role.code


def test_sync_roles_grants_and_prunes(capsys):
    ensure_groups()
    group = Group.objects.get(name=AUDIT_ADMIN.group_name)
    stray = Permission.objects.get(content_type__app_label="accounts", codename="change_user")
    group.permissions.add(stray)
    group.permissions.remove(Permission.objects.get(content_type__app_label="audit", codename="export_auditentry"))
    call_command("sync_roles")
    assert "audit.export_auditentry" in perms_of(AUDIT_ADMIN) and "accounts.change_user" in perms_of(AUDIT_ADMIN)  # only adds
    call_command("sync_roles", "--prune")
    assert perms_of(AUDIT_ADMIN) == {"audit.view_auditentry", "audit.export_auditentry"}
    assert "已同步" in capsys.readouterr().out


def test_housekeeping_removes_only_records_no_control_needs(make_user):
    from datetime import timedelta

    from django.utils import timezone

    from accounts.models import LoginThrottle, SmsCode, SmsOutbox, UserSession
    from accounts.sms_codes import issue_code
    from accounts.tasks import purge_security_records

    now = timezone.now()
    issue_code("13912345678", "login", ip="10.0.0.1")  # unknown number: recorded, nothing sent
    issue_code("13912345679", "register", ip="10.0.0.2")
    SmsCode.objects.filter(mobile="13912345678").update(created_at=now - timedelta(days=8))
    SmsOutbox.objects.update(created_at=now - timedelta(days=8))
    user = make_user("zhang")
    UserSession.objects.create(user=user, session_key="old", last_seen_at=now - timedelta(days=2))
    UserSession.objects.create(user=user, session_key="new", last_seen_at=now)
    old = now - timedelta(hours=2)
    LoginThrottle.objects.create(scope="address", key="10.0.0.1", failures=2, first_failure_at=old, last_failure_at=old)
    LoginThrottle.objects.create(
        scope="address", key="10.0.0.2", failures=5, first_failure_at=old, last_failure_at=old, locked_until=now + timedelta(minutes=5)
    )
    LoginThrottle.objects.create(scope="address", key="10.0.0.3", failures=1, first_failure_at=now, last_failure_at=now)
    removed = purge_security_records(now)
    assert removed == {"sms_codes": 1, "sms_outbox": 1, "login_throttles": 1, "sessions": 1}
    assert list(SmsCode.objects.values_list("mobile", flat=True)) == ["13912345679"]
    assert set(LoginThrottle.objects.values_list("key", flat=True)) == {"10.0.0.2", "10.0.0.3"}
    assert list(UserSession.objects.values_list("session_key", flat=True)) == ["new"]
