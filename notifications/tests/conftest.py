from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone

from notifications.testing import RecordingSMSBackend


def clear_notification_cache():
    """Forget rate-limit counters and the WeChat token (only our keys: the cache may be shared)."""
    now = timezone.now()
    minutes = [now + timedelta(minutes=d) for d in (-1, 0, 1)]
    keys = [f"notifications:rate:{c}:{m:%Y%m%d%H%M}" for c in ("email", "sms", "wechat") for m in minutes]
    cache.delete_many([*keys, "notifications:wechat-token"])


@pytest.fixture(autouse=True)
def recording_sms(settings):
    settings.SMS_BACKEND = "notifications.testing.RecordingSMSBackend"
    RecordingSMSBackend.reset()
    clear_notification_cache()
    yield RecordingSMSBackend
    RecordingSMSBackend.reset()
