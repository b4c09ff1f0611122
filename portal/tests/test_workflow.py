"""Review before publication: one workflow per information class, with its own reviewers."""

import pytest

from accounts.roles import BANK_EDITOR, BANK_REVIEWER, DEPT_REVIEWER, OPERATOR, OPERATOR_REVIEWER
from portal.tests.factories import draft

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(make_user, portal_roles):
    return {
        "bank_editor": make_user("bank_ed", role=BANK_EDITOR),
        "bank_reviewer": make_user("bank_rv", role=BANK_REVIEWER),
        "operator": make_user("op", role=OPERATOR),
        "operator_reviewer": make_user("op_rv", role=OPERATOR_REVIEWER),
        "dept_reviewer": make_user("dept_rv", role=DEPT_REVIEWER),
    }


@pytest.mark.parametrize(
    "column_slug, info_class, workflow_name, reviewer, outsider",
    [
        ("finance", "financial", "金融类信息审核", "bank_reviewer", "dept_reviewer"),
        ("notices", "basic", "基础类信息审核", "dept_reviewer", "bank_reviewer"),
        ("overseas-projects", "professional", "专业类信息审核", "operator_reviewer", "bank_reviewer"),
    ],
)
def test_each_class_is_reviewed_by_its_own_group(staff, column, column_slug, info_class, workflow_name, reviewer, outsider):
    author = staff["bank_editor"] if info_class == "financial" else staff["operator"]
    page = draft(column(column_slug), owner=author, info_class=info_class)
    workflow = page.get_workflow()
    assert workflow.name == workflow_name
    state = workflow.start(page, author)
    task_state = state.current_task_state
    task = task_state.task.specific
    assert not task.user_can_access_editor(page, staff[outsider])
    assert task.user_can_access_editor(page, staff[reviewer])
    actions = [name for name, *_ in task.get_actions(page, staff[outsider])]
    assert "approve" not in actions
    task.on_action(task_state, staff[reviewer], "approve")
    page.refresh_from_db()
    assert page.live
    state.refresh_from_db()
    assert state.status == state.STATUS_APPROVED


def test_rejected_content_stays_unpublished_and_returns_to_the_editor(staff, column):
    page = draft(column("finance"), owner=staff["bank_editor"], info_class="financial")
    state = page.get_workflow().start(page, staff["bank_editor"])
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, staff["bank_reviewer"], "reject")
    page.refresh_from_db()
    state.refresh_from_db()
    assert not page.live and state.status == state.STATUS_NEEDS_CHANGES


def test_city_zone_content_has_no_review_step(zone, make_user, portal_roles):
    from accounts.roles import city_bureau_role

    editor = make_user("cs", role=city_bureau_role("changsha"))
    page = draft(zone("changsha"), owner=editor, title="长沙动态", city="changsha")
    assert page.get_workflow() is None and not page.has_workflow
    assert page.permissions_for_user(editor).can_publish()


def test_a_column_offers_submitting_for_review(column, portal_roles):
    assert column("finance").has_workflow
    assert column("finance").get_workflow().name == "金融类信息审核"
