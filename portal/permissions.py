"""Who may edit, publish and review portal content.

Two layers, both needed:

1. Wagtail's tree permissions (``GroupPagePermission``) say *where* a group may work: the
   department and the operator across the site, the bank in the financial columns, each city
   bureau in its own zone only.
2. The information class (SPEC §2) says *what* a group may touch wherever it is:
   ``InfoClassPermissionTester`` narrows Wagtail's answer so that, e.g., a bank editor can never
   edit or publish basic content and an operator editor can never publish anything.

Review: one Wagtail workflow per information class, each with a group-approval task for its own
reviewers (``setup()``); city-zone content is published by the zone's own bureau.

``setup()`` is idempotent and is run by the demo loader and by tests.
"""

from django.contrib.auth.models import Permission
from wagtail.models import GroupPagePermission, PagePermissionTester

from accounts.roles import (
    BANK_EDITOR,
    BANK_REVIEWER,
    CITY_BUREAU_ROLES,
    DEPT_ADMIN,
    DEPT_REVIEWER,
    OPERATOR,
    OPERATOR_REVIEWER,
    bureau_city_of,
    ensure_groups,
    has_role,
)
from portal.initial_content import WORKFLOW_NAMES
from portal.models.classification import InfoClass

EDITORS = {
    InfoClass.BASIC: [DEPT_ADMIN, DEPT_REVIEWER, OPERATOR],
    InfoClass.FINANCIAL: [BANK_EDITOR, BANK_REVIEWER],
    InfoClass.PROFESSIONAL: [OPERATOR, OPERATOR_REVIEWER, DEPT_ADMIN],
}
PUBLISHERS = {
    InfoClass.BASIC: [DEPT_REVIEWER, DEPT_ADMIN],
    InfoClass.FINANCIAL: [BANK_REVIEWER],
    InfoClass.PROFESSIONAL: [OPERATOR_REVIEWER],
}
WORKFLOWS = {
    InfoClass.BASIC: (*WORKFLOW_NAMES[InfoClass.BASIC], [DEPT_REVIEWER, DEPT_ADMIN]),
    InfoClass.FINANCIAL: (*WORKFLOW_NAMES[InfoClass.FINANCIAL], [BANK_REVIEWER]),
    InfoClass.PROFESSIONAL: (*WORKFLOW_NAMES[InfoClass.PROFESSIONAL], [OPERATOR_REVIEWER]),
}
ARCHIVERS = [OPERATOR, OPERATOR_REVIEWER, DEPT_ADMIN]


def _any_role(user, roles) -> bool:
    return any(has_role(user, role) for role in roles)


def in_own_zone(user, page) -> bool:
    """True when ``page`` belongs to the city zone of the bureau ``user`` works for."""
    city = getattr(page, "city", "")
    return bool(city) and bureau_city_of(user) == city


def classes_editable_by(user) -> list[str]:
    if user.is_superuser:
        return list(InfoClass.values)
    return [c for c in InfoClass.values if _any_role(user, EDITORS[c])]


def may_edit_class(user, page) -> bool:
    if user.is_superuser or in_own_zone(user, page):
        return True
    return _any_role(user, EDITORS.get(page.info_class, []))


def may_publish_class(user, page) -> bool:
    if user.is_superuser or in_own_zone(user, page):
        return True
    return _any_role(user, PUBLISHERS.get(page.info_class, []))


def may_archive(user) -> bool:
    return user.is_active and (user.is_superuser or _any_role(user, ARCHIVERS))


class InfoClassPermissionTester(PagePermissionTester):
    """Wagtail's tree permissions, narrowed by the page's information class."""

    def can_edit(self):
        return super().can_edit() and (may_edit_class(self.user, self.page) or self._reviewing())

    def can_publish(self):
        return super().can_publish() and may_publish_class(self.user, self.page)

    def can_unpublish(self):
        return super().can_unpublish() and may_publish_class(self.user, self.page)

    def can_delete(self, ignore_bulk=False):
        return super().can_delete(ignore_bulk=ignore_bulk) and may_publish_class(self.user, self.page)

    def can_publish_subpage(self):
        return super().can_publish_subpage() and may_publish_class(self.user, self.page)

    def _reviewing(self):
        task = self.page.current_workflow_task
        return bool(task and task.user_can_access_editor(self.page, self.user))


# ---------------------------------------------------------------------------
# setup(): groups' page permissions and the three workflows
# ---------------------------------------------------------------------------
SITE_WIDE = {
    DEPT_ADMIN: ["add", "change", "publish", "lock", "unlock", "bulk_delete"],
    DEPT_REVIEWER: ["change", "publish", "lock", "unlock"],
    OPERATOR: ["add", "change", "lock"],
    OPERATOR_REVIEWER: ["add", "change", "publish", "lock", "unlock"],
}
IN_FINANCE_COLUMNS = {
    BANK_EDITOR: ["add", "change", "lock"],
    BANK_REVIEWER: ["add", "change", "publish", "lock", "unlock"],
}
IN_OWN_ZONE = ["add", "change", "publish", "lock", "unlock"]
DOCUMENT_PERMISSIONS = [("wagtaildocs", "add_document"), ("wagtaildocs", "change_document"), ("wagtaildocs", "choose_document"), ("wagtailimages", "add_image"), ("wagtailimages", "choose_image")]


def _page_permission(action):
    return Permission.objects.get(content_type__app_label="wagtailcore", codename=f"{action}_page")


def _grant_pages(group, page, actions):
    for action in actions:
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=_page_permission(action))


def _grant_admin_access(group):
    from wagtail.models import Collection, GroupCollectionPermission

    group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    # Wagtail's migration creates the root collection; a flushed database (transactional tests) has none.
    root = Collection.get_first_root_node() or Collection.add_root(name="Root")
    for app_label, codename in DOCUMENT_PERMISSIONS:
        permission = Permission.objects.get(content_type__app_label=app_label, codename=codename)
        GroupCollectionPermission.objects.get_or_create(group=group, collection=root, permission=permission)


def _ensure_workflows(groups):
    from wagtail.models import GroupApprovalTask, Workflow, WorkflowTask

    from portal.models import ClassWorkflow

    for info_class, (workflow_name, task_name, roles) in WORKFLOWS.items():
        workflow, _ = Workflow.objects.get_or_create(name=workflow_name, defaults={"active": True})
        task, _ = GroupApprovalTask.objects.get_or_create(name=task_name)
        task.groups.add(*[groups[r.code] for r in roles])
        WorkflowTask.objects.get_or_create(workflow=workflow, task=task.task_ptr, defaults={"sort_order": 0})
        ClassWorkflow.objects.update_or_create(info_class=info_class, defaults={"workflow": workflow})


def setup():
    """Give every role its page permissions and create the three review workflows (idempotent)."""
    from portal.models import CityZonePage, ColumnPage, HomePage
    from portal.tree import FINANCE_COLUMN_SLUGS

    groups = ensure_groups()
    home = HomePage.objects.order_by("path").first()
    if home is None:
        return
    for role, actions in SITE_WIDE.items():
        _grant_pages(groups[role.code], home, actions)
        _grant_admin_access(groups[role.code])
    finance_columns = list(ColumnPage.objects.descendant_of(home).filter(slug__in=FINANCE_COLUMN_SLUGS))
    for role, actions in IN_FINANCE_COLUMNS.items():
        for column in finance_columns:
            _grant_pages(groups[role.code], column, actions)
        _grant_admin_access(groups[role.code])
    zones = {z.city: z for z in CityZonePage.objects.all()}
    for role in CITY_BUREAU_ROLES:
        zone = zones.get(role.code.removeprefix("city_"))
        if zone is not None:
            _grant_pages(groups[role.code], zone, IN_OWN_ZONE)
            _grant_admin_access(groups[role.code])
    _ensure_workflows(groups)
