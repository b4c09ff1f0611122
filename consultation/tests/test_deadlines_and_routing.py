"""Routing rules and response deadlines in Chinese working days."""

from datetime import date, datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from accounts.roles import BANK_ADVISER, DEPT_ADMIN, OPERATOR, city_bureau_role
from consultation import routing
from consultation.models import Category, CategoryPolicy, RoutingRule
from consultation.services import ask
from consultation.working_days import add_working_days, deadline, is_working_day, working_days_between
from experts.models import Expert


def at(y, m, d, h=10):
    return timezone.make_aware(datetime(y, m, d, h))


def test_three_working_days_across_national_day_end_on_the_adjusted_working_saturday():
    # 2026-09-30 (Wed); 1–7 October are holidays; Sat 10 October is an adjusted working day.
    assert add_working_days(date(2026, 9, 30), 3) == date(2026, 10, 10)
    assert deadline(at(2026, 9, 30), 3) == timezone.make_aware(datetime(2026, 10, 10, 23, 59, 59))


def test_holidays_and_adjusted_weekends_are_known():
    assert not is_working_day(date(2026, 10, 1))
    assert is_working_day(date(2026, 10, 10))  # Saturday, worked
    assert not is_working_day(date(2026, 10, 11))  # Sunday
    assert is_working_day(date(2026, 2, 14))  # Saturday before the Spring Festival
    assert working_days_between(date(2026, 9, 30), date(2026, 10, 12)) == 4


def test_a_question_asked_on_a_friday_skips_the_weekend():
    assert add_working_days(date(2026, 11, 27), 3) == date(2026, 12, 2)


def test_years_the_calendar_does_not_know_fall_back_to_monday_to_friday():
    assert add_working_days(date(2030, 1, 4), 1) == date(2030, 1, 7)


ROUTES = [
    # (category, city, expected role)
    (Category.FINANCE, "", BANK_ADVISER),
    (Category.FINANCE, "shaoyang", BANK_ADVISER),
    (Category.INVESTMENT, "shaoyang", city_bureau_role("shaoyang")),
    (Category.LABOUR, "changde", city_bureau_role("changde")),
    (Category.INVESTMENT, "", DEPT_ADMIN),
    (Category.POLICY, "", DEPT_ADMIN),
    (Category.CONTRACTING, "", DEPT_ADMIN),
    (Category.SUGGESTION, "", OPERATOR),
]


@pytest.mark.parametrize(("category", "city", "role"), ROUTES)
def test_builtin_routing_table(category, city, role):
    assert routing.responsible_role(category, city) == role


@pytest.mark.django_db
def test_routing_rule_overrides_the_builtin_table(groups):
    special = Group.objects.create(name="对外劳务专班")
    RoutingRule.objects.create(category=Category.LABOUR, city="", group=special)
    assert routing.responsible_group(Category.LABOUR, "changde") == special
    assert routing.responsible_group(Category.INVESTMENT, "changde").name == city_bureau_role("changde").group_name


@pytest.mark.django_db
def test_enquiry_to_a_bank_adviser_expert_goes_to_the_advisers_and_to_the_expert(make_user, groups):
    adviser = make_user("adviser_li", role=BANK_ADVISER)
    expert = Expert.objects.create(name="李顾问", title="海外分行顾问", organization="示范银行", bio="跨境结算", languages="英语", is_bank_adviser=True, user=adviser)
    asker = make_user("asker")
    enquiry = ask(asker=asker, asker_name="王", category=Category.INVESTMENT, subject="境外结算", body="如何办理", city="shaoyang", expert=expert)
    assert enquiry.group.name == BANK_ADVISER.group_name and enquiry.assignee == adviser
    assert adviser.messages.filter(kind="consultation_staff.new").count() == 1


@pytest.mark.django_db
def test_deadline_is_configurable_per_category(make_user, groups):
    CategoryPolicy.objects.create(category=Category.SUGGESTION, due_working_days=5)
    asker = make_user("asker2")
    enquiry = ask(asker=asker, asker_name="王", category=Category.SUGGESTION, subject="建议", body="增加英文版", now=at(2026, 11, 23))
    assert timezone.localdate(enquiry.due_at) == date(2026, 11, 30)
    default = ask(asker=asker, asker_name="王", category=Category.POLICY, subject="政策", body="税收协定", now=at(2026, 11, 23))
    assert timezone.localdate(default.due_at) == date(2026, 11, 26)
