"""Daily housekeeping of the records behind the security controls (PIPL data minimisation).

Removes what no control needs any more: SMS codes and development outbox messages older than
``ACCOUNTS_SMS_RETENTION_DAYS`` (the daily limits only count today's), login-failure rows whose
window and lock are over, and tracking rows of sessions idle longer than ``SESSION_COOKIE_AGE``.
The audit log keeps its own record of each event and is never touched here.
"""

from datetime import timedelta

from django.conf import settings
from django.db.models import Q
from django.tasks import task
from django.utils import timezone

from accounts.models import LoginThrottle, SmsCode, SmsOutbox, UserSession
from background.periodic import periodic


def purge_security_records(now=None) -> dict[str, int]:
    now = now or timezone.now()
    sms_before = now - timedelta(days=settings.ACCOUNTS_SMS_RETENTION_DAYS)
    window_start = now - timedelta(seconds=settings.LOGIN_LOCK_SECONDS)
    return {
        "sms_codes": SmsCode.objects.filter(created_at__lt=sms_before).delete()[0],
        "sms_outbox": SmsOutbox.objects.filter(created_at__lt=sms_before).delete()[0],
        "login_throttles": LoginThrottle.objects.filter(
            Q(locked_until__isnull=True) | Q(locked_until__lte=now), first_failure_at__lt=window_start, last_failure_at__lt=window_start
        ).delete()[0],
        "sessions": UserSession.objects.filter(last_seen_at__lt=now - timedelta(seconds=settings.SESSION_COOKIE_AGE)).delete()[0],
    }


@periodic(hours=24)
@task()
def purge_expired_security_records():
    return purge_security_records()
