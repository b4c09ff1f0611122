"""My Workbench in English: headings, counts, deadlines and the service tiles are English; the
user's organisation, a name in Chinese, is marked as Chinese."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone, translation

from workbench.registry import Todo, register, unregister


def test_deadlines_read_in_english():
    today = timezone.localdate()
    with translation.override("en"):
        assert Todo("x", deadline=today + timedelta(days=1)).due_label == "Due in 1 day"
        assert Todo("x", deadline=today + timedelta(days=3)).due_label == "Due in 3 days"
        assert Todo("x", deadline=today).due_label == "Due today"
        assert Todo("x", deadline=today - timedelta(days=2)).due_label == "2 days overdue"


@pytest.mark.django_db
def test_english_workbench_speaks_english_and_marks_the_organisation_name(client, make_user, make_org):
    today = timezone.localdate()
    register("english_test", "测试业务", lambda user: [Todo("待办", deadline=today - timedelta(days=2), count=3, overdue_count=1)], order=1)
    try:
        client.force_login(make_user("ent", org=make_org("湘江机械")))
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
        html = client.get("/workbench/").content.decode()
    finally:
        unregister("english_test")
    assert "<h1>My Workbench</h1>" in html and "For you to do (3)" in html and "All services" in html
    assert "3 items" in html and "1 of them overdue" in html and "2 days overdue" in html
    assert "Project filing" in html and "Enterprise record" in html and "项目备案" not in html
    assert '<span lang="zh-Hans">湘江机械</span>' in html
