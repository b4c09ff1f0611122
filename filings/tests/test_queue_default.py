"""The review queue opens on 待我处理 — the filings waiting for this reviewer's own step — soonest
deadline (overdue) first; every state is one click away (``state=``)."""

import datetime

from django.utils import timezone

from filings.models import State


def _rows(html, names):
    """The names in ``names`` in the order the page shows them."""
    return sorted((n for n in names if n in html), key=html.index)


NAMES = ["甲·新提交", "乙·超期初审", "丙·省厅审核", "丁·已备案", "戊·退回", "己·邵阳提交"]


def _queue_world(people, make_filing):
    ago = lambda days: timezone.now() - datetime.timedelta(days=days)  # noqa: E731
    make_filing(people["owner"], state=State.SUBMITTED, project_name="甲·新提交", state_changed_at=ago(1))
    make_filing(people["owner"], state=State.CITY_REVIEW, project_name="乙·超期初审", state_changed_at=ago(9))
    make_filing(people["owner"], state=State.PROVINCIAL_REVIEW, project_name="丙·省厅审核", state_changed_at=ago(2))
    make_filing(people["owner"], state=State.FILED, project_name="丁·已备案", state_changed_at=ago(400))
    make_filing(people["owner"], state=State.RETURNED, project_name="戊·退回", state_changed_at=ago(3))
    make_filing(people["other"], state=State.SUBMITTED, project_name="己·邵阳提交")


def test_city_bureau_queue_opens_on_its_own_step_overdue_first(client, people, make_filing):
    _queue_world(people, make_filing)
    client.force_login(people["city"])
    html = client.get("/filings/queue/").content.decode()
    assert _rows(html, NAMES) == ["乙·超期初审", "甲·新提交"]
    assert "待我处理（2）" in html and 'aria-current="page">待我处理' in html


def test_every_state_is_one_click_away(client, people, make_filing):
    _queue_world(people, make_filing)
    client.force_login(people["city"])
    html = client.get("/filings/queue/", {"state": ""}).content.decode()
    # reviewer deadlines first (soonest first), then the rest newest first
    assert _rows(html, NAMES) == ["乙·超期初审", "甲·新提交", "丙·省厅审核", "戊·退回", "丁·已备案"]
    assert _rows(client.get("/filings/queue/", {"state": State.FILED}).content.decode(), NAMES) == ["丁·已备案"]


def test_department_queue_opens_on_provincial_review(client, people, make_filing):
    _queue_world(people, make_filing)
    client.force_login(people["dept"])
    assert _rows(client.get("/filings/queue/").content.decode(), NAMES) == ["丙·省厅审核"]


def test_export_link_keeps_the_scope_shown(client, people, make_filing):
    _queue_world(people, make_filing)
    client.force_login(people["city"])
    html = client.get("/filings/queue/").content.decode()
    assert "/filings/queue/export.xlsx?state=todo" in html
