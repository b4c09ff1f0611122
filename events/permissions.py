"""Model permissions each role's group holds for events (merged by ``accounts.role_permissions.collect``).

Events are professional-class information (SPEC §2): the platform operator runs them and the
operator's reviewer approves them for publication; the department may do both. City bureaus
organise events of their own city (object-level check in ``events.selectors.can_manage``).
"""

from accounts.roles import CITY_BUREAU_ROLES, DEPT_ADMIN, DEPT_REVIEWER, OPERATOR, OPERATOR_REVIEWER

MANAGE = ["events.add_event", "events.change_event", "events.view_event", "events.view_registration"]

ROLE_PERMISSIONS = {
    OPERATOR.code: [*MANAGE, "events.manage_all_events", "events.view_registrant_mobile"],
    OPERATOR_REVIEWER.code: [*MANAGE, "events.manage_all_events", "events.review_event", "events.view_registrant_mobile"],
    DEPT_ADMIN.code: [*MANAGE, "events.manage_all_events", "events.review_event", "events.view_registrant_mobile"],
    DEPT_REVIEWER.code: ["events.view_event", "events.view_registration", "events.review_event"],
    **{role.code: list(MANAGE) for role in CITY_BUREAU_ROLES},
}
