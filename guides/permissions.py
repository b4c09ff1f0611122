"""Who keeps the service guides current (merged by ``accounts.role_permissions.collect``): the
department, which owns the procedures, and the platform's editors."""

from accounts.roles import DEPT_ADMIN, OPERATOR, OPERATOR_REVIEWER

EDIT = ["guides.add_serviceguide", "guides.change_serviceguide", "guides.view_serviceguide"]

ROLE_PERMISSIONS = {
    DEPT_ADMIN.code: [*EDIT, "guides.delete_serviceguide"],
    OPERATOR.code: list(EDIT),
    OPERATOR_REVIEWER.code: list(EDIT),
}
