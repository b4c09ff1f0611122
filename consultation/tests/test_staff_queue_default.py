"""The handlers' queue opens on what waits for them: open enquiries, the most overdue first;
answered and closed ones are one click away (``status=all``)."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from accounts.roles import OPERATOR
from consultation.models import Category, Enquiry, Status

pytestmark = pytest.mark.django_db


def _enquiry(subject, *, due_in, status=Status.OPEN):
    now = timezone.now()
    return Enquiry.objects.create(asker_name="刘", category=Category.INVESTMENT, subject=subject, body="问题", group=Group.objects.get(name=OPERATOR.group_name),
                                  status=status, created_at=now - timedelta(days=5), due_at=now + due_in)


def _order(html, subjects):
    return sorted((s for s in subjects if s in html), key=html.index)


SUBJECTS = ["甲·后天到期", "乙·已超期", "丙·已答复"]


def test_staff_queue_opens_on_open_enquiries_overdue_first(client, make_user):
    operator = make_user("op", role=OPERATOR)
    _enquiry("甲·后天到期", due_in=timedelta(days=2))
    _enquiry("乙·已超期", due_in=timedelta(days=-1))
    _enquiry("丙·已答复", due_in=timedelta(days=-3), status=Status.ANSWERED)
    client.force_login(operator)
    assert _order(client.get("/consultation/staff/").content.decode(), SUBJECTS) == ["乙·已超期", "甲·后天到期"]
    assert _order(client.get("/consultation/staff/", {"status": "all"}).content.decode(), SUBJECTS) == ["丙·已答复", "乙·已超期", "甲·后天到期"]
