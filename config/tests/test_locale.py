"""Chinese everywhere: the project's zh_Hans catalogs complete Wagtail's and Django's.

Wagtail and Django ship zh_Hans catalogs with gaps (about 440 strings in Wagtail 8.0 /
Django 6.1: the dashboard's “590 Pages”, “Search all pages…”, Django's “- Select an option -”).
``locale/zh_Hans/LC_MESSAGES/`` fills them; LOCALE_PATHS come first, so they apply everywhere.
(That each committed .mo is compiled from its .po is checked for every catalog by test_english.py.)
"""

import os
import re
from pathlib import Path

import django
import pytest
from babel.messages.pofile import read_po
from django.apps import apps
from django.conf import settings
from django.utils import translation
from django.utils.translation import trans_real
from wagtail.models import Page

LOCALE_DIR = Path(settings.BASE_DIR) / "locale" / "zh_Hans" / "LC_MESSAGES"
DOMAINS = ("django", "djangojs")
JS_PACKAGES = ("django.contrib.admin", "wagtail.admin")  # the packages whose JavaScript catalogs are served
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")


def entries(path):
    with open(path, "rb") as f:
        return [m for m in read_po(f) if m.id]


def catalog_key(message):
    """The key of a message in a gettext catalog: context-prefixed; (msgid, 0) for a plural."""
    msgid = message.id[0] if message.pluralizable else message.id
    if message.context:
        msgid = f"{message.context}\x04{msgid}"
    return (msgid, 0) if message.pluralizable else msgid


def source_catalogs(domain):
    """Wagtail's and Django's English source catalogs: every string they can show."""
    roots = [Path(django.__file__).parent / "conf" / "locale"]
    roots += [Path(app.path) / "locale" for app in apps.get_app_configs() if app.name.split(".")[0] in ("wagtail", "django")]
    return sorted(p for p in (root / "en" / "LC_MESSAGES" / f"{domain}.po" for root in roots) if p.exists())


def zh_hans_catalog(domain):
    if domain == "django":
        return trans_real.translation("zh-hans")._catalog
    by_name = {app.name: app for app in apps.get_app_configs()}
    dirs = [os.path.join(by_name[name].path, "locale") for name in JS_PACKAGES]
    return trans_real.DjangoTranslation("zh-hans", domain=domain, localedirs=dirs)._catalog


@pytest.mark.parametrize("domain", DOMAINS)
def test_every_wagtail_and_django_string_has_a_chinese_translation(domain):
    """After a Wagtail or Django upgrade this lists the new strings to add to our .po files."""
    catalog = zh_hans_catalog(domain)
    missing = []
    for path in source_catalogs(domain):
        for message in entries(path):
            if not catalog.get(catalog_key(message)):
                missing.append(f"{path.relative_to(Path(django.__file__).parents[1])}: {message.id!r}")
    assert len(source_catalogs(domain)) >= 2
    assert missing == [], "\n".join(missing)


@pytest.mark.parametrize("domain", DOMAINS)
def test_our_translations_keep_every_placeholder(domain):
    for message in entries(LOCALE_DIR / f"{domain}.po"):
        source = message.id[-1] if message.pluralizable else message.id
        text = message.string[0] if message.pluralizable else message.string
        assert text and not message.fuzzy, message.id
        assert set(PLACEHOLDER.findall(text)) == set(PLACEHOLDER.findall(source)), message.id


def test_empty_choice_of_a_select_is_chinese():
    """Django 6.1's “- Select an option -” (every optional model choice field, site and admin)."""
    from django.db import models

    field = models.CharField(choices=[("changsha", "长沙")], blank=True).formfield()
    with translation.override("zh-hans"):
        html = field.widget.render("city", "")
    assert '<option value="" selected>请选择</option>' in html


@pytest.mark.django_db
def test_forms_on_the_site_offer_a_chinese_empty_choice(client, make_user, make_org):
    client.force_login(make_user("ent", org=make_org()))
    html = client.get("/overseas/mine/new/", HTTP_ACCEPT_LANGUAGE="zh-CN,zh;q=0.9").content.decode()
    assert ">请选择</option>" in html and "Select an option" not in html


# --- the Wagtail admin, as a Chinese-speaking editor sees it -----------------------------------

ENGLISH_LEFT_OVER = ("Search all pages", "Your pages and snippets in a workflow", " Pages", " Page ", "Select an option", "created in", "Privacy and access")


@pytest.fixture
def editor(make_user, client):
    from portal import permissions

    permissions.setup()
    user = make_user("editor", staff=True, is_superuser=True)
    client.force_login(user)
    return user


def _assert_no_english(html):
    text = re.sub(r"<(script|style|svg|template)\b.*?</\1>", " ", html, flags=re.S)
    for phrase in ENGLISH_LEFT_OVER:
        assert phrase not in text, phrase


@pytest.mark.django_db
def test_admin_dashboard_is_chinese(client, editor):
    from portal.models import ColumnPage
    from portal.tests.factories import draft

    page = draft(ColumnPage.objects.get(slug="notices"), owner=editor, info_class="basic")
    page.get_workflow().start(page, editor)
    html = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="zh-CN,zh;q=0.9").content.decode()
    _assert_no_english(html)
    assert "搜索所有页面…" in html
    assert "您处于工作流中的页面和片段" in html
    assert re.search(r"\d+ 个页面", html)


@pytest.mark.django_db
def test_admin_page_search_and_explorer_are_chinese(client, editor):
    html = client.get("/admin/pages/search/?q=通知", HTTP_ACCEPT_LANGUAGE="zh-CN,zh;q=0.9").content.decode()
    _assert_no_english(html)
    assert "Sort by" not in html and "matching page" not in html
    home = Page.objects.get(depth=2)
    html = client.get(f"/admin/pages/{home.pk}/", HTTP_ACCEPT_LANGUAGE="zh-CN,zh;q=0.9").content.decode()
    _assert_no_english(html)
    for english in ("Date updated", "Has child pages", "Page type", "Referenced 0 times"):
        assert english not in html


def test_amounts_are_grouped_by_thousands_in_chinese_and_years_are_not():
    from django.template import Context, Template
    from django.utils import translation

    page = Template('{% load humanize %}{{ a|floatformat:"2g" }} {{ n|intcomma }} {{ year }}')
    for language in ("zh-hans", "en"):
        with translation.override(language):
            assert page.render(Context({"a": 295169, "n": 1234567, "year": 2026})) == "295,169.00 1,234,567 2026"
