"""Every notification kind has a Chinese name, and the inbox shows names, never codes."""

import ast
import re
from pathlib import Path

import pytest
from django.conf import settings

from datacalls.models import Reminder
from filings.models import ReportKind
from filings.workflow import TRANSITIONS
from labour.services import DECISIONS as LABOUR_DECISIONS
from notifications import services
from notifications.kinds import LABELS, kind_label

SKIP_DIRS = {".venv", "var", "static", "node_modules", "migrations", "tests", "browser_tests", "bench", ".git"}

# Kinds built with an f-string, by their literal start → every kind that start can produce.
DYNAMIC_FAMILIES = {
    "filing.": [f"filing.{name}" for name in TRANSITIONS],
    "filing.report_": [f"filing.report_{kind}" for kind in ReportKind.values],
    "filing.datacall_": [f"filing.datacall_{kind}" for kind in Reminder.Kind.values],
    "labour.": [f"labour.{decision}" for decision in LABOUR_DECISIONS],
    "overseas.": ["overseas.approve", "overseas.reject"],  # overseas.services.review accepts these two
}


def _module_constants(tree):
    return {
        target.id: node.value.value
        for node in tree.body
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)
        for target in node.targets
        if isinstance(target, ast.Name)
    }


def _kinds_of(expr, constants):
    """(literal kinds, literal starts of f-string kinds) that one ``kind=`` expression can give."""
    if isinstance(expr, ast.Constant):
        return {expr.value}, set()
    if isinstance(expr, ast.Name):
        return {constants[expr.id]}, set()
    if isinstance(expr, ast.IfExp):
        a, b = _kinds_of(expr.body, constants), _kinds_of(expr.orelse, constants)
        return a[0] | b[0], a[1] | b[1]
    if isinstance(expr, ast.JoinedStr):
        start = "".join(v.value for v in expr.values[: next(i for i, v in enumerate(expr.values) if not isinstance(v, ast.Constant))])
        return set(), {start}
    raise AssertionError(f"kind= {ast.unparse(expr)} is neither a literal, a module constant nor an f-string")


def kinds_used_in_code():
    literal, starts = set(), set()
    for path in Path(settings.BASE_DIR).rglob("*.py"):
        if SKIP_DIRS & set(path.relative_to(settings.BASE_DIR).parts):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        constants = _module_constants(tree)
        for node in ast.walk(tree):
            func = getattr(node, "func", None)
            name = getattr(func, "id", None) or getattr(func, "attr", None)
            if isinstance(node, ast.Call) and name == "notify":
                for keyword in node.keywords:
                    if keyword.arg == "kind":
                        found = _kinds_of(keyword.value, constants)
                        literal |= found[0]
                        starts |= found[1]
    return literal, starts


def test_every_kind_passed_to_notify_has_a_chinese_label():
    literal, starts = kinds_used_in_code()
    assert len(literal) > 30, "the scan found too few notify() calls to be looking in the right place"
    assert sorted(literal - LABELS.keys()) == []
    assert sorted(starts - DYNAMIC_FAMILIES.keys()) == [], "a new f-string kind: list what it can produce in DYNAMIC_FAMILIES and LABELS"
    built = {kind for start in starts for kind in DYNAMIC_FAMILIES[start]}
    assert sorted(built - LABELS.keys()) == []


def test_labels_are_chinese_and_not_codes():
    for kind, label in LABELS.items():
        assert re.search(r"[\u4e00-\u9fff]", str(label)), kind
        assert "." not in str(label) and "_" not in str(label), kind


def test_a_kind_no_longer_sent_shows_its_group_name():
    assert kind_label("filing.something_retired") == "备案与报送进度"
    assert kind_label("nobody.knows") == "其他通知"


@pytest.mark.django_db
def test_inbox_shows_kind_names_not_codes(client, make_user):
    user = make_user("reader")
    for kind in ("filing.start_review", "event.registration", "consultation_staff.new", "matching.new_match", "filing.datacall_due_soon"):
        services.notify([user], kind=kind, title="测试消息", body="正文")
    client.force_login(user)
    html = client.get("/notifications/").content.decode()
    for label in ("备案受理初审", "活动报名", "新咨询待答复", "智能匹配推荐", "数据报送截止提醒"):
        assert f"<td>{label}</td>" in html
    cells = re.findall(r"<td>([^<]*)</td>", html)
    assert not [c for c in cells if re.fullmatch(r"\s*[a-z_]+\.[a-z_]+\s*", c)], cells
    assert "filing.start_review" not in html and "event.registration" not in html
