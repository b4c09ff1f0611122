"""The audit log: append-only, hash-chained, verified by a command, readable only by the audit administrator."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, transaction
from django.utils import timezone

from accounts.models import User
from accounts.roles import AUDIT_ADMIN, DEPT_ADMIN, SECURITY_ADMIN, SYSTEM_ADMIN
from audit.models import AppendOnlyError, AuditEntry
from audit.services import log

pytestmark = pytest.mark.django_db


def _entries(n=4):
    return [log(f"test.event{i}", detail={"i": i}) for i in range(n)]


def _raw(sql, params=()):
    """Run ``sql`` with the database's append-only trigger out of the way (as an attacker with DB access would)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("ALTER TABLE audit_auditentry DISABLE TRIGGER audit_entry_append_only")
            cursor.execute(sql, params)
            cursor.execute("ALTER TABLE audit_auditentry ENABLE TRIGGER audit_entry_append_only")
        else:
            cursor.execute("DROP TRIGGER IF EXISTS audit_entry_no_update")
            cursor.execute(sql, params)


def test_entries_are_chained():
    first, second, *_ = _entries()
    assert first.prev_hash == "" or AuditEntry.objects.filter(pk__lt=first.pk).exists()
    assert second.prev_hash == first.entry_hash and len(second.entry_hash) == 64


def test_entries_cannot_be_changed_or_removed_through_the_application():
    entry = _entries(1)[0]
    entry.action = "forged"
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.filter(pk=entry.pk).update(action="forged")
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.all().delete()


def test_the_database_refuses_updates():
    entry = _entries(1)[0]
    with pytest.raises(Exception, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditentry SET action = %s WHERE id = %s", ["forged", entry.pk])


def test_verify_passes_on_an_intact_log(capsys):
    _entries()
    call_command("verify_audit_log")
    assert "审计日志完好" in capsys.readouterr().out


def test_verify_names_the_first_edited_entry():
    entries = _entries()
    _raw("UPDATE audit_auditentry SET detail = %s WHERE id = %s", ['{"i": 99}', entries[1].pk])
    _raw("UPDATE audit_auditentry SET outcome = %s WHERE id = %s", ["failure", entries[3].pk])
    with pytest.raises(CommandError) as exc:
        call_command("verify_audit_log")
    assert exc.value.returncode == 1
    assert f"第 {entries[1].pk} 条" in str(exc.value) and "内容被改动" in str(exc.value)


def test_verify_detects_a_removed_entry():
    entries = _entries()
    _raw("DELETE FROM audit_auditentry WHERE id = %s", [entries[2].pk])
    with pytest.raises(CommandError) as exc:
        call_command("verify_audit_log")
    assert f"第 {entries[3].pk} 条" in str(exc.value) and "不衔接" in str(exc.value)


def test_verify_detects_a_recomputed_hash():
    """Rewriting an entry and its own hash still breaks the link from the next entry."""
    from audit.services import entry_digest

    entries = _entries()
    forged = AuditEntry.objects.get(pk=entries[1].pk)
    forged.action = "forged"
    _raw("UPDATE audit_auditentry SET action = %s, entry_hash = %s WHERE id = %s", ["forged", entry_digest(forged), forged.pk])
    with pytest.raises(CommandError) as exc:
        call_command("verify_audit_log")
    assert f"第 {entries[2].pk} 条" in str(exc.value)


def test_old_entries_are_kept_at_least_180_days():
    """Nothing in the application removes entries; an entry of 200 days ago is still there and verifies."""
    entry = log("test.old")
    _raw("UPDATE audit_auditentry SET created_at = %s WHERE id = %s", [timezone.now() - timedelta(days=200), entry.pk])
    # The housekeeping that purges old SMS codes, sessions and login failures leaves the log alone.
    from accounts.tasks import purge_security_records

    purge_security_records(now=timezone.now() + timedelta(days=400))
    assert AuditEntry.objects.filter(pk=entry.pk).exists()
    from audit.admin import AuditEntryAdmin

    assert AuditEntryAdmin.has_delete_permission(None, None) is False


LIST = "/django-admin/audit/auditentry/"


def test_only_the_audit_administrator_reads_the_log(client, make_user):
    log("test.visible")
    client.force_login(make_user("auditor", role=AUDIT_ADMIN))
    assert client.get(LIST).status_code == 200
    for name, fields in (("sysadmin", {"role": SYSTEM_ADMIN}), ("secadmin", {"role": SECURITY_ADMIN}), ("dept", {"role": DEPT_ADMIN}), ("root", {"staff": True, "is_superuser": True})):
        client.force_login(make_user(name, **fields))
        assert client.get(LIST).status_code in (302, 403), name
        entry = AuditEntry.objects.first()
        assert client.get(f"{LIST}{entry.pk}/change/").status_code in (302, 403), name


def test_audit_administrator_exports_and_the_export_is_audited(client, make_user):
    entries = _entries(3)
    auditor = make_user("auditor", role=AUDIT_ADMIN)
    client.force_login(auditor)
    response = client.post(LIST, {"action": "export_csv", "_selected_action": [e.pk for e in entries]})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert "test.event1" in response.content.decode("utf-8-sig")
    assert AuditEntry.objects.filter(action="audit.export", actor_id=auditor.pk).exists()


def test_audit_administrator_cannot_change_users_or_entries(client, make_user):
    target = make_user("zhang")
    log("test.entry")
    client.force_login(make_user("auditor", role=AUDIT_ADMIN))
    assert client.get("/django-admin/accounts/user/").status_code == 403
    response = client.post(f"/django-admin/accounts/user/{target.pk}/change/", {"username": "renamed", "is_active": ""})
    assert response.status_code == 403
    assert User.objects.get(pk=target.pk).username == "zhang"
    entry = AuditEntry.objects.first()
    assert client.post(f"{LIST}{entry.pk}/delete/", {"post": "yes"}).status_code == 403
    assert client.get("/admin/").status_code in (302, 403)  # no Wagtail admin either


def test_admin_changes_and_role_changes_are_audited(client, make_user, groups):
    target = make_user("zhang", mobile="13912345678")
    sysadmin = make_user("sysadmin", role=SYSTEM_ADMIN)
    client.force_login(sysadmin)
    page = client.get(f"/django-admin/accounts/user/{target.pk}/change/")
    assert page.status_code == 200
    data = {
        "username": "zhang", "first_name": "张三", "last_name": "", "email": "", "mobile": "13912345678",
        "user_type": "individual", "organization": "", "org_role": "", "is_active": "on", "date_joined_0": "2026-01-01", "date_joined_1": "00:00:00",
    }
    response = client.post(f"/django-admin/accounts/user/{target.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert AuditEntry.objects.filter(action="admin.change", actor_id=sysadmin.pk).exists()
    # The system administrator cannot grant roles: the groups field is read-only for them.
    target.refresh_from_db()
    assert not target.groups.exists()
    secadmin = make_user("secadmin", role=SECURITY_ADMIN)
    client.force_login(secadmin)
    response = client.post(f"/django-admin/accounts/user/{target.pk}/change/", {"groups": [groups[DEPT_ADMIN.code].pk], "is_staff": "on"})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert target.groups.filter(pk=groups[DEPT_ADMIN.code].pk).exists()
    assert AuditEntry.objects.filter(action="role.grant", actor_id=secadmin.pk, detail__role=DEPT_ADMIN.group_name).exists()


def test_failed_and_successful_logins_are_audited(client, make_user):
    make_user("zhang")
    client.post("/accounts/login/", {"login": "zhang", "password": "wrong"})
    client.post("/accounts/login/", {"login": "zhang", "password": "Xiang#2026"})
    actions = list(AuditEntry.objects.filter(action__startswith="auth.login").values_list("outcome", flat=True))
    assert "failure" in actions and "success" in actions
    entry = AuditEntry.objects.filter(action="auth.login", outcome="success").get()
    assert entry.ip_address == "127.0.0.1" and entry.actor_repr == "zhang"


def test_deletions_in_the_admin_are_audited(client, make_user):
    from datetime import date

    from filings.models import ExchangeRate

    rate = ExchangeRate.objects.create(currency="GBP", usd_per_unit="1.27", valid_from=date(2030, 1, 1))
    admin = make_user("root", staff=True, is_superuser=True)
    client.force_login(admin)
    response = client.post(f"/django-admin/filings/exchangerate/{rate.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302 and not ExchangeRate.objects.filter(pk=rate.pk).exists()
    entry = AuditEntry.objects.get(action="admin.delete", actor_id=admin.pk)
    assert entry.outcome == "success"


def test_page_changes_in_the_wagtail_admin_are_audited(client, make_user):
    from portal.models import ColumnPage

    column = ColumnPage.objects.get(slug="notices")
    admin = make_user("root", staff=True, is_superuser=True)
    client.force_login(admin)
    response = client.post(f"/admin/pages/{column.pk}/unpublish/", {})
    assert response.status_code == 302
    column.refresh_from_db()
    assert not column.live
    entry = AuditEntry.objects.get(action="admin.wagtail.unpublish", actor_id=admin.pk)
    assert entry.detail["admin"] == "wagtail" and entry.detail["object_id"] == str(column.pk)
