"""Who may edit and publish what: information classes and city zones."""

import pytest
from django.urls import reverse

from accounts.roles import BANK_EDITOR, BANK_REVIEWER, DEPT_REVIEWER, OPERATOR, OPERATOR_REVIEWER, city_bureau_role
from portal.tests.factories import article, draft

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(make_user, portal_roles):
    return {
        "changsha": make_user("cs_editor", role=city_bureau_role("changsha")),
        "bank_editor": make_user("bank_ed", role=BANK_EDITOR),
        "bank_reviewer": make_user("bank_rv", role=BANK_REVIEWER),
        "operator": make_user("op", role=OPERATOR),
        "operator_reviewer": make_user("op_rv", role=OPERATOR_REVIEWER),
        "dept_reviewer": make_user("dept_rv", role=DEPT_REVIEWER),
    }


def perms(user, page):
    return page.permissions_for_user(user)


def test_changsha_editor_edits_and_publishes_changsha_zone_only(people, zone):
    own, other = article(zone("changsha")), article(zone("zhuzhou"))
    editor = people["changsha"]
    assert perms(editor, own).can_edit() and perms(editor, own).can_publish()
    assert perms(editor, zone("changsha")).can_add_subpage()
    assert not perms(editor, other).can_edit() and not perms(editor, other).can_publish()
    assert not perms(editor, zone("zhuzhou")).can_add_subpage()


def test_changsha_editor_cannot_open_zhuzhous_article_in_the_admin(client, people, zone):
    other = article(zone("zhuzhou"))
    client.force_login(people["changsha"])
    response = client.get(reverse("wagtailadmin_pages:edit", args=[other.pk]))
    assert response.status_code in (302, 403)
    own = article(zone("changsha"))
    assert client.get(reverse("wagtailadmin_pages:edit", args=[own.pk])).status_code == 200


def test_bank_editor_cannot_publish_or_edit_basic_content(people, column):
    notice = article(column("notices"), info_class="basic")
    finance_basic = article(column("finance"), info_class="basic")
    bank = people["bank_editor"]
    assert not perms(bank, notice).can_edit() and not perms(bank, notice).can_publish()
    assert not perms(bank, finance_basic).can_publish()  # even inside the finance column


def test_bank_editor_edits_financial_content_but_only_the_bank_reviewer_publishes(people, column):
    loan = article(column("finance"), info_class="financial")
    assert perms(people["bank_editor"], loan).can_edit()
    assert not perms(people["bank_editor"], loan).can_publish()
    assert perms(people["bank_reviewer"], loan).can_publish()
    assert not perms(people["dept_reviewer"], loan).can_publish()


def test_publishing_basic_content_is_for_the_department(people, column):
    notice = article(column("notices"), info_class="basic")
    assert perms(people["operator"], notice).can_edit() and not perms(people["operator"], notice).can_publish()
    assert perms(people["dept_reviewer"], notice).can_publish()
    assert not perms(people["operator_reviewer"], notice).can_publish()


def test_professional_content_is_published_by_the_operator_reviewer(people, column):
    project = article(column("overseas-projects"), info_class="professional")
    assert perms(people["operator_reviewer"], project).can_publish()
    assert not perms(people["operator"], project).can_publish()
    assert not perms(people["bank_editor"], project).can_edit()


def test_bank_editor_posting_publish_in_the_admin_does_not_publish_basic_content(client, people, column, make_user):
    from accounts.roles import DEPT_ADMIN

    owner = make_user("dept_owner", role=DEPT_ADMIN)
    page = draft(column("finance"), owner=owner, title="基础类草稿", info_class="basic")
    client.force_login(people["bank_editor"])
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), {"title": "改了", "slug": page.slug, "action-publish": "1"})
    assert response.status_code in (302, 403)
    page.refresh_from_db()
    assert not page.live and page.title == "基础类草稿"


def test_article_form_offers_only_the_classes_the_editor_may_edit(people, column):
    from portal.models import ArticlePage

    form_class = ArticlePage.get_edit_handler().get_form_class()
    form = form_class(instance=ArticlePage(), parent_page=column("finance"), for_user=people["bank_editor"])
    assert [v for v, _ in form.fields["info_class"].choices] == ["financial"]
    assert form.initial["info_class"] == "financial" and form.initial["kind"] == "service"
    form = form_class(instance=ArticlePage(), parent_page=column("notices"), for_user=people["operator"])
    assert [v for v, _ in form.fields["info_class"].choices] == ["basic", "professional"]
    assert form.initial["kind"] == "notice"


def test_setup_is_idempotent(portal_roles):
    from wagtail.models import GroupPagePermission, Workflow

    from portal import permissions

    counts = (GroupPagePermission.objects.count(), Workflow.objects.count())
    permissions.setup()
    assert (GroupPagePermission.objects.count(), Workflow.objects.count()) == counts
