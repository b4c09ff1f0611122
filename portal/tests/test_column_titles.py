"""Column names in the reader's language while they are the titles the site was built with."""

import pytest
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext, pgettext

from config.tests.english import unmarked_chinese
from portal.column_titles import ENGLISH_SOURCE, initial_titles
from portal.models import ColumnPage

pytestmark = pytest.mark.django_db


def test_every_initial_title_is_listed_for_translation():
    with translation.override("zh-hans"):
        assert set(initial_titles().values()) == {str(title) for title in ENGLISH_SOURCE}


def test_a_column_title_does_not_rename_the_same_words_elsewhere():
    with translation.override("en"):
        assert pgettext("column", "对外承包工程") == "Overseas contracting"
        assert gettext("对外承包工程") != "Overseas contracting"  # the filing kind keeps its own English


def test_english_navigation_and_breadcrumbs_name_the_columns_in_english(client, column):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = client.get(column("notices").url).content.decode()
    nav = html[html.index('id="main-menu"') :].split("</nav>", 1)[0]
    assert "News &amp; Information" in nav and "Public Services" in nav and "Business Matchmaking" in nav
    assert unmarked_chinese(nav) == []
    assert "<h1>Notices</h1>" in html and ">Government information</a>" in html


def test_a_title_the_editors_changed_is_shown_as_written_and_marked(client, column):
    page = column("industry")
    page.title = "产业观察"
    page.save_revision().publish()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = client.get(page.url).content.decode()
    assert '<h1 lang="zh-Hans">产业观察</h1>' in html


def test_chinese_pages_keep_the_chinese_titles(client, column):
    html = client.get(column("notices").url).content.decode()
    assert "<h1>通知公告</h1>" in html and ">信息资讯</a>" in html
    assert ColumnPage.objects.filter(slug="notices", title="通知公告").exists()
