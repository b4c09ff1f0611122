"""Settings for the test suite: the real settings, with tasks run inline and fast hashing.

Tests that exercise the database task backend (background/tests) override TASKS themselves.
"""

import os

from config.settings import *  # noqa: F403
from config.settings import CACHES, PASSWORD_HASHERS

TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend", "QUEUES": []}}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher", *PASSWORD_HASHERS]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
MEDIA_ROOT = BASE_DIR / "var" / "test-media" / os.environ.get("PYTEST_XDIST_WORKER", "main")  # noqa: F405
PRIVATE_ROOT = BASE_DIR / "var" / "test-private" / os.environ.get("PYTEST_XDIST_WORKER", "main")  # noqa: F405
# Each xdist worker gets its own cache namespace when the cache is shared (Redis), and its own
# Redis database: tests call cache.clear(), which flushes a whole database (sessions included).
_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "main")
_WORKER_NUMBER = int(_WORKER[2:]) if _WORKER.startswith("gw") else 0
for _cache in CACHES.values():
    _cache["KEY_PREFIX"] = f"test-{_WORKER}"
    if str(_cache.get("LOCATION", "")).startswith("redis://"):
        _base, _, _db = _cache["LOCATION"].rpartition("/")
        _cache["LOCATION"] = f"{_base}/{(int(_db or 0) - _WORKER_NUMBER) % 16}"
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}  # noqa: F405
WAGTAILSEARCH_BACKENDS = {"default": {**WAGTAILSEARCH_BACKENDS["default"], "AUTO_UPDATE": True}}  # noqa: F405
# accounts: other apps' tests sign staff in with force_login; accounts' own tests switch these on.
STAFF_REQUIRE_2FA = False
PRIVACY_CONSENT_REQUIRED = False
