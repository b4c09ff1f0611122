"""Scheduled publication and automatic expiry, run through the periodic task mechanism."""

from datetime import timedelta
from unittest import mock

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.roles import BANK_EDITOR, DEPT_ADMIN, OPERATOR
from audit.models import AuditEntry
from background.periodic import REGISTRY, enqueue_due_jobs
from portal.models import ArticlePage
from portal.signals import articles_expired
from portal.tasks import expire_articles, publish_scheduled_pages
from portal.tests.factories import article, draft

pytestmark = pytest.mark.django_db


def test_portal_jobs_are_registered_as_periodic_tasks():
    assert "portal.tasks.publish_scheduled_pages" in REGISTRY
    assert "portal.tasks.expire_articles" in REGISTRY


def test_approved_page_goes_live_when_its_time_comes(column, make_user, client, portal_roles):
    admin = make_user("dept", role=DEPT_ADMIN)
    page = draft(column("notices"), owner=admin, title="定时发布的通知")
    page.go_live_at = timezone.now() + timedelta(hours=2)
    page.save_revision(user=admin).publish(user=admin)
    page.refresh_from_db()
    assert not page.live and page.latest_revision.approved_go_live_at is not None
    publish_scheduled_pages.call()
    page.refresh_from_db()
    assert not page.live  # not yet
    # Three hours later the worker's periodic tick enqueues the job (tasks run inline in tests).
    later = timezone.now() + timedelta(hours=3)
    with mock.patch("django.utils.timezone.now", return_value=later):
        assert "portal.tasks.publish_scheduled_pages" in enqueue_due_jobs(now=later)
    page.refresh_from_db()
    assert page.live
    assert "定时发布的通知" in client.get(column("notices").url).content.decode()


def test_expiry_job_flags_expired_articles_once_and_tells_the_search_index(column):
    received = []

    def listener(sender, page_ids, **kwargs):
        received.append(page_ids)

    articles_expired.connect(listener)
    try:
        today = timezone.localdate()
        gone = article(column("risk-alerts"), title="旧风险提示", expires_at=today - timedelta(days=1))
        still = article(column("risk-alerts"), title="有效风险提示", expires_at=today)
        assert expire_articles.call() == 1
        assert expire_articles.call() == 0  # idempotent
    finally:
        articles_expired.disconnect(listener)
    assert received == [[gone.pk]]
    assert ArticlePage.objects.get(pk=gone.pk).content_expired and not ArticlePage.objects.get(pk=still.pk).content_expired
    assert AuditEntry.objects.filter(action="portal.articles_expired").count() == 1
    assert list(ArticlePage.objects.visible().filter(pk__in=[gone.pk, still.pk])) == [still]


def test_expired_article_reached_directly_shows_a_banner(client, column):
    gone = article(column("notices"), title="过期的通知", expires_at=timezone.localdate() - timedelta(days=3))
    html = client.get(gone.url).content.decode()
    assert "已过期" in html and "过期的通知" in html
    fresh = article(column("notices"), title="有效的通知")
    assert "已过期" not in client.get(fresh.url).content.decode()


def test_operators_see_expired_content_and_archive_it(client, column, make_user, portal_roles):
    operator = make_user("op", role=OPERATOR)
    gone = article(column("notices"), title="待归档通知", expires_at=timezone.localdate() - timedelta(days=2))
    article(column("notices"), title="仍有效通知")
    client.force_login(operator)
    report = client.get(reverse("portal_admin:expired")).content.decode()
    assert "待归档通知" in report and "仍有效通知" not in report
    response = client.post(reverse("portal_admin:archive", args=[gone.pk]))
    assert response.status_code == 302
    gone.refresh_from_db()
    assert not gone.live and gone.archived_at is not None
    assert AuditEntry.objects.filter(action="portal.article_archived", actor=operator).exists()
    report = client.get(reverse("portal_admin:expired")).content.decode()
    assert "已归档：待归档通知" in report  # the confirmation; the row itself is gone
    assert reverse("portal_admin:archive", args=[gone.pk]) not in report and "没有等待归档的过期内容" in report


def test_unexpired_content_cannot_be_archived(client, column, make_user, portal_roles):
    operator = make_user("op", role=OPERATOR)
    fresh = article(column("notices"), title="有效通知")
    client.force_login(operator)
    client.post(reverse("portal_admin:archive", args=[fresh.pk]))
    fresh.refresh_from_db()
    assert fresh.live


def test_the_archive_report_is_for_operators_only(client, make_user, portal_roles):
    client.force_login(make_user("bank", role=BANK_EDITOR))
    assert client.get(reverse("portal_admin:expired")).status_code in (302, 403)
