"""The security administrator's admin actions — lifting a lock, resetting 2FA — reach the audit log."""

from datetime import timedelta

from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import LoginThrottle
from accounts.roles import DEPT_ADMIN, SECURITY_ADMIN
from audit.models import AuditEntry


def test_unlocking_an_account_is_audited(client, make_user):
    now = timezone.now()
    row = LoginThrottle.objects.create(scope="account", key="zhang", failures=5, first_failure_at=now, last_failure_at=now,
                                       locked_until=now + timedelta(minutes=15))
    secadmin = make_user("secadmin", role=SECURITY_ADMIN)
    client.force_login(secadmin)
    response = client.post("/django-admin/accounts/loginthrottle/", {"action": "unlock", "_selected_action": [row.pk]})
    assert response.status_code == 302
    assert not LoginThrottle.objects.filter(pk=row.pk).exists()
    entry = AuditEntry.objects.get(action="auth.unlock")
    assert entry.actor_id == secadmin.pk and entry.detail == {"scope": "account", "key": "zhang"}


def test_resetting_two_factor_is_audited(client, make_user):
    staff = make_user("staff", role=DEPT_ADMIN)
    TOTPDevice.objects.create(user=staff, name="手机", confirmed=True)
    secadmin = make_user("secadmin", role=SECURITY_ADMIN)
    client.force_login(secadmin)
    response = client.post("/django-admin/accounts/user/", {"action": "reset_two_factor", "_selected_action": [staff.pk]})
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=staff).exists()
    entry = AuditEntry.objects.get(action="auth.2fa_reset")
    assert entry.actor_id == secadmin.pk and entry.target_id == str(staff.pk)
