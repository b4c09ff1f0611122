"""Test helpers for code that must run through the real database task backend.

Tests normally run tasks immediately (config/settings_test.py). A test that checks retries,
crash recovery or exactly-once delivery overrides ``TASKS`` with :data:`DATABASE_TASKS`, which
accepts every queue the platform uses (``QUEUES: []`` means "any queue").
"""

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": []}}
