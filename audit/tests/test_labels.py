"""The account-security page names audit events in Chinese instead of showing their codes."""

import ast
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from audit.labels import ACTION_LABELS
from audit.services import log

SKIP_DIRS = {".venv", "var", "static", "node_modules", "migrations", "tests", "browser_tests", "bench", ".git"}


def auth_events_logged_in_code():
    found = set()
    for path in Path(settings.BASE_DIR).rglob("*.py"):
        if SKIP_DIRS & set(path.relative_to(settings.BASE_DIR).parts):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "log" and node.args:
                first = node.args[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str) and first.value.startswith("auth."):
                    found.add(first.value)
    return found


def test_every_auth_event_has_a_chinese_name():
    events = auth_events_logged_in_code()
    assert {"auth.login", "auth.logout", "auth.lockout"} <= events
    assert sorted(events - ACTION_LABELS.keys()) == []


@pytest.mark.django_db
def test_security_page_lists_events_by_name(client, make_user):
    user = make_user("safe")
    log("auth.login", actor=user, target=user)
    log("auth.password_change", actor=user, target=user)
    client.force_login(user)
    html = client.get(reverse("accounts:security")).content.decode()
    assert "登录" in html and "修改密码" in html
    assert "auth.login" not in html and "auth.password_change" not in html
