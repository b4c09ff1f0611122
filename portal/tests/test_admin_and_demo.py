"""The Wagtail admin speaks Chinese to staff; the demo content fills every column and zone."""

import json

import pytest
from django.urls import reverse

from accounts.roles import OPERATOR

pytestmark = pytest.mark.django_db


def test_wagtail_admin_is_in_chinese_for_staff(client, make_user, portal_roles):
    client.force_login(make_user("op", role=OPERATOR))
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert '<html lang="zh-hans"' in html or 'lang="zh-Hans"' in html or "仪表板" in html
    # The operators' report is in their menu (the sidebar is JSON, so non-ASCII text is escaped).
    assert json.dumps("过期内容待归档") in html and reverse("portal_admin:expired") in html


def test_demo_fills_every_column_country_and_zone_and_loads_twice_without_changes(django_db_setup):
    from io import StringIO

    from accounts import demo as accounts_demo
    from portal import demo
    from portal.models import ArticlePage, CityZonePage, ColumnPage, CountryPage
    from portal.selectors import visible_articles

    accounts_demo.load(StringIO())
    out = StringIO()
    demo.load(out)
    assert ArticlePage.objects.count() >= 150
    assert CountryPage.objects.exclude(capital="").count() >= 30
    columns = list(ColumnPage.objects.all())
    parents = {c.path[:-4] for c in columns}
    for leaf in (c for c in columns if c.path not in parents):
        assert visible_articles().child_of(leaf).exists(), leaf.title
    for zone in CityZonePage.objects.all():
        assert visible_articles().child_of(zone).count() >= 3, zone.title
    assert visible_articles().filter(countries="KE", kind="risk").exists()
    from wagtail.models import WorkflowState

    assert WorkflowState.objects.filter(status="in_progress").count() == 2
    again = StringIO()
    demo.load(again)
    assert "0 articles created, 0 updated" in again.getvalue()
