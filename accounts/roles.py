"""The platform's roles. Each role is a Django group; this module is the one list of them.

Capabilities refer to roles through these constants, never through literal group names.
City bureaus have one group per city so page permissions (a city zone) and record
scoping (a city's filings) follow from membership.
"""

from dataclasses import dataclass

from taxonomy.cities import SHORT_NAMES, City


@dataclass(frozen=True)
class Role:
    code: str
    group_name: str
    description: str
    staff: bool = True  # staff roles need 2FA, idle timeout and admin access


DEPT_ADMIN = Role("dept_admin", "省商务厅·管理员", "发布政策通知、发起数据报送、终审备案，可见全部数据")
DEPT_REVIEWER = Role("dept_reviewer", "省商务厅·审核员", "审核基础类信息与项目备案终审")
BANK_EDITOR = Role("bank_editor", "建行·编辑", "编辑金融类信息")
BANK_REVIEWER = Role("bank_reviewer", "建行·审核员", "审核金融类信息")
BANK_ADVISER = Role("bank_adviser", "建行·客户经理", "答复金融咨询、跟进融资线索")
OPERATOR = Role("operator", "平台运营·编辑", "日常内容维护、资讯助手、活动运营、用户支持")
OPERATOR_REVIEWER = Role("operator_reviewer", "平台运营·审核员", "审核专业类信息与用户发布的对接信息")
SYSTEM_ADMIN = Role("system_admin", "系统管理员", "管理用户与系统设置；不能查看或删除审计日志")
SECURITY_ADMIN = Role("security_admin", "安全管理员", "管理角色授权与安全策略")
AUDIT_ADMIN = Role("audit_admin", "审计管理员", "查看并导出审计日志；不能修改其他任何数据")

CITY_BUREAU_PREFIX = "市州商务局·"


def city_bureau_role(city: str) -> Role:
    """The role (and group) of one city's commerce bureau; ``city`` is a ``City`` value."""
    city = City(city)
    return Role(f"city_{city.value}", f"{CITY_BUREAU_PREFIX}{SHORT_NAMES[city]}", f"{city.label}商务局：管理本市州专区，初审本市州备案")


CITY_BUREAU_ROLES = [city_bureau_role(c) for c in City]
PROVINCIAL_ROLES = [DEPT_ADMIN, DEPT_REVIEWER, BANK_EDITOR, BANK_REVIEWER, BANK_ADVISER, OPERATOR, OPERATOR_REVIEWER]
SECURITY_ROLES = [SYSTEM_ADMIN, SECURITY_ADMIN, AUDIT_ADMIN]
ALL_ROLES = PROVINCIAL_ROLES + CITY_BUREAU_ROLES + SECURITY_ROLES
ROLES_BY_GROUP = {r.group_name: r for r in ALL_ROLES}


def ensure_groups():
    """Create every role's group if missing and grant its permissions; returns ``{role.code: Group}``.

    Permissions come from ``accounts.role_permissions`` (plus other apps' ``permissions.py``);
    this only adds, so permissions granted by hand are kept (``manage.py sync_roles --prune``
    resets groups to exactly the listed permissions).
    """
    from django.contrib.auth.models import Group

    names = [r.group_name for r in ALL_ROLES]
    groups = {g.name: g for g in Group.objects.filter(name__in=names)}
    if len(groups) < len(names):
        Group.objects.bulk_create([Group(name=n) for n in names if n not in groups], ignore_conflicts=True)
        groups = {g.name: g for g in Group.objects.filter(name__in=names)}
    by_code = {r.code: groups[r.group_name] for r in ALL_ROLES}
    grant_permissions(by_code)
    return by_code


def grant_permissions(groups_by_code, *, prune=False):
    """Give each role's group the permissions listed for it (and with ``prune`` only those)."""
    from django.contrib.auth.models import Group, Permission

    from accounts.role_permissions import collect

    wanted = collect()
    labels = {label for perms in wanted.values() for label in perms}
    codenames = {label.split(".", 1)[1] for label in labels}
    perm_ids = {
        f"{app}.{codename}": pk
        for pk, app, codename in Permission.objects.filter(codename__in=codenames).values_list("pk", "content_type__app_label", "codename")
    }
    through = Group.permissions.through
    group_ids = [g.pk for g in groups_by_code.values()]
    have = set(through.objects.filter(group_id__in=group_ids).values_list("group_id", "permission_id"))
    want = {
        (groups_by_code[code].pk, perm_ids[label])
        for code, perms in wanted.items()
        if code in groups_by_code
        for label in perms
        if label in perm_ids
    }
    missing = want - have
    if missing:
        through.objects.bulk_create([through(group_id=g, permission_id=p) for g, p in missing], ignore_conflicts=True)
    if prune:
        for group_id, perm_id in have - want:
            through.objects.filter(group_id=group_id, permission_id=perm_id).delete()
    return len(missing)


def has_role(user, role: Role) -> bool:
    if not user.is_authenticated:
        return False
    return role.group_name in user_group_names(user)


def user_group_names(user) -> set[str]:
    """Group names of ``user``, cached on the instance for the request."""
    cached = getattr(user, "_group_names_cache", None)
    if cached is None:
        cached = set(user.groups.values_list("name", flat=True)) if user.is_authenticated else set()
        user._group_names_cache = cached
    return cached


def bureau_city_of(user) -> str | None:
    """The ``City`` value whose bureau ``user`` works for, or None."""
    for role in CITY_BUREAU_ROLES:
        if role.group_name in user_group_names(user):
            return role.code.removeprefix("city_")
    return None
