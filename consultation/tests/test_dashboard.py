"""Dashboard figures against a hand-computed fixture.

| # | asked            | category   | city     | first reply      | hours | due (3 working days) | on time | rating |
|---|------------------|------------|----------|------------------|-------|----------------------|---------|--------|
| 1 | Mon 2026-11-23 10:00 | investment | 邵阳 | 2026-11-23 14:00 | 4     | 2026-11-26           | yes     | 5      |
| 2 | Mon 2026-11-23 10:00 | investment | 邵阳 | 2026-11-24 10:00 | 24    | 2026-11-26           | yes     | 3      |
| 3 | Mon 2026-10-26 10:00 | policy     | —    | 2026-11-02 10:00 | 168   | 2026-10-29           | no      | —      |
| 4 | Mon 2026-11-23 10:00 | investment | 长沙 | —                |       | 2026-11-26           |         |        |

Overall: 4 asked, 3 answered, median of (4, 24, 168) = 24 h, on time 2 of 3 = 66.7 %, satisfaction (5 + 3) / 2 = 4.0.
"""

from datetime import datetime

import pytest
from django.utils import timezone

from accounts.roles import DEPT_ADMIN, city_bureau_role
from consultation import selectors, services
from consultation.models import Category, Enquiry

pytestmark = pytest.mark.django_db


def at(m, d, h):
    return timezone.make_aware(datetime(2026, m, d, h))


@pytest.fixture
def history(make_user):
    asker = make_user("asker")
    sy, dept = make_user("sy", role=city_bureau_role("shaoyang")), make_user("dept", role=DEPT_ADMIN)
    make_user("cs", role=city_bureau_role("changsha"))

    def ask(subject, category, city, when):
        return services.ask(asker=asker, asker_name="刘", category=category, subject=subject, body="问题", city=city, now=when)

    e1 = ask("一", Category.INVESTMENT, "shaoyang", at(11, 23, 10))
    e2 = ask("二", Category.INVESTMENT, "shaoyang", at(11, 23, 10))
    e3 = ask("三", Category.POLICY, "", at(10, 26, 10))
    ask("四", Category.INVESTMENT, "changsha", at(11, 23, 10))
    services.reply(e1, by=sy, body="答复", now=at(11, 23, 14))
    services.reply(e2, by=sy, body="答复", now=at(11, 24, 10))
    services.reply(e3, by=dept, body="答复", now=at(11, 2, 10))
    services.rate(e1, user=asker, rating=5)
    services.rate(e2, user=asker, rating=3)
    return {"sy": sy, "dept": dept}


def test_performance_overall_and_by_month_category_and_city(history):
    perf = selectors.performance(Enquiry.objects.all())
    assert perf["overall"] == {"count": 4, "answered": 3, "median_first_response_hours": 24.0, "on_time_rate": 66.7, "satisfaction": 4.0}
    assert perf["month"] == {
        "2026-10": {"count": 1, "answered": 1, "median_first_response_hours": 168.0, "on_time_rate": 0.0, "satisfaction": None},
        "2026-11": {"count": 3, "answered": 2, "median_first_response_hours": 14.0, "on_time_rate": 100.0, "satisfaction": 4.0},
    }
    assert perf["category"]["investment"]["count"] == 3 and perf["category"]["policy"]["on_time_rate"] == 0.0
    assert perf["city"]["changsha"] == {"count": 1, "answered": 0, "median_first_response_hours": None, "on_time_rate": None, "satisfaction": None}
    assert perf["city"]["shaoyang"]["median_first_response_hours"] == 14.0 and perf["city"]["province"]["count"] == 1


def test_open_due_soon_and_overdue_per_group(history):
    changsha = city_bureau_role("changsha").group_name
    qs = Enquiry.objects.all()
    assert selectors.group_board(qs, now=at(11, 23, 12)) == {changsha: {"open": 1, "due_soon": 0, "overdue": 0}}
    assert selectors.group_board(qs, now=at(11, 25, 12)) == {changsha: {"open": 1, "due_soon": 1, "overdue": 0}}
    assert selectors.group_board(qs, now=at(11, 27, 9)) == {changsha: {"open": 1, "due_soon": 0, "overdue": 1}}


def test_a_city_bureau_dashboard_counts_only_its_city(client, history):
    client.force_login(history["sy"])
    perf = client.get("/consultation/staff/dashboard/").context["perf"]
    assert perf["overall"]["count"] == 2 and perf["overall"]["median_first_response_hours"] == 14.0
    client.force_login(history["dept"])
    assert client.get("/consultation/staff/dashboard/").context["perf"]["overall"]["count"] == 4
