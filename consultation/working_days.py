"""Chinese working days: statutory holidays and adjusted working weekends (调休) from the
``chinese_calendar`` library, which is updated each year when the State Council publishes the
next year's schedule. For a year the library does not know yet, Monday–Friday is used and a
warning is logged, so deadlines still come out (at worst a day early around a holiday).
"""

import logging
from datetime import date, datetime, time, timedelta

import chinese_calendar
from django.utils import timezone

logger = logging.getLogger("consultation")


def is_working_day(day: date) -> bool:
    try:
        return chinese_calendar.is_workday(day)
    except NotImplementedError:
        logger.warning("chinese_calendar has no data for %s; counting Monday–Friday", day.year)
        return day.weekday() < 5


def add_working_days(start: date, count: int) -> date:
    """The ``count``-th working day after ``start`` (``start`` itself never counts)."""
    day = start
    while count > 0:
        day += timedelta(days=1)
        if is_working_day(day):
            count -= 1
    return day


def subtract_working_days(end: date, count: int) -> date:
    """The ``count``-th working day before ``end``."""
    day = end
    while count > 0:
        day -= timedelta(days=1)
        if is_working_day(day):
            count -= 1
    return day


def end_of_day(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(23, 59, 59)))


def deadline(asked_at: datetime, working_days: int) -> datetime:
    """End of the ``working_days``-th working day after the day of ``asked_at`` (local time)."""
    return end_of_day(add_working_days(timezone.localdate(asked_at), working_days))


def working_days_between(start: date, end: date) -> int:
    """Working days in (start, end]; negative when ``end`` is before ``start``."""
    if end < start:
        return -working_days_between(end, start)
    return sum(1 for n in range(1, (end - start).days + 1) if is_working_day(start + timedelta(days=n)))
