"""Demo accounts: one per role, an enterprise, an institution and an individual."""

from accounts.models import CertificationStatus, InstitutionType, Organization, OrgKind, OrgRole, Ownership, User, UserType
from accounts.roles import (
    AUDIT_ADMIN,
    BANK_ADVISER,
    BANK_EDITOR,
    BANK_REVIEWER,
    DEPT_ADMIN,
    DEPT_REVIEWER,
    OPERATOR,
    OPERATOR_REVIEWER,
    SECURITY_ADMIN,
    SYSTEM_ADMIN,
    city_bureau_role,
    ensure_groups,
)
from taxonomy.cities import City, Jurisdiction

ORDER = 10
DEMO_PASSWORD = "Xiang#2026"

STAFF = [
    ("dept_admin", "省商务厅管理员", DEPT_ADMIN),
    ("dept_reviewer", "省商务厅审核员", DEPT_REVIEWER),
    ("bank_editor", "建行编辑", BANK_EDITOR),
    ("bank_reviewer", "建行审核员", BANK_REVIEWER),
    ("bank_adviser", "建行客户经理", BANK_ADVISER),
    ("operator", "平台运营编辑", OPERATOR),
    ("operator_reviewer", "平台运营审核员", OPERATOR_REVIEWER),
    ("sysadmin", "系统管理员", SYSTEM_ADMIN),
    ("secadmin", "安全管理员", SECURITY_ADMIN),
    ("auditor", "审计管理员", AUDIT_ADMIN),
    ("changsha_bureau", "长沙市商务局", city_bureau_role(City.CHANGSHA)),
    ("shaoyang_bureau", "邵阳市商务局", city_bureau_role(City.SHAOYANG)),
]

ORGS = [
    # (credit code, name, kind, institution type, city, ownership)
    ("91430100MA4L0AXX1D", "湖南示范工程机械有限公司", OrgKind.ENTERPRISE, "", City.CHANGSHA, Ownership.PRIVATE),
    ("91430500MA4PDEM023", "邵阳示范制造有限公司", OrgKind.ENTERPRISE, "", City.SHAOYANG, Ownership.PRIVATE),
    ("91430000MA4BANK03L", "示范银行湖南省分行", OrgKind.INSTITUTION, InstitutionType.BANK, Jurisdiction.PROVINCE, ""),
]

MEMBERS = [
    ("enterprise", "示范企业管理员", 0, UserType.ENTERPRISE),
    ("shaoyang_ent", "邵阳企业管理员", 1, UserType.ENTERPRISE),
    ("institution", "示范机构管理员", 2, UserType.INSTITUTION),
]


def _user(username, name, **fields):
    user, created = User.objects.get_or_create(username=username, defaults={"first_name": name, **fields})
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
    return user


def load(stdout):
    groups = ensure_groups()
    _user("admin", "超级管理员", is_staff=True, is_superuser=True, user_type=UserType.STAFF)
    for username, name, role in STAFF:
        user = _user(username, name, is_staff=True, user_type=UserType.STAFF)
        user.groups.add(groups[role.code])
    orgs = []
    for code, name, kind, itype, city, ownership in ORGS:
        org, _ = Organization.objects.get_or_create(
            credit_code=code,
            defaults={"name": name, "kind": kind, "institution_type": itype, "jurisdiction": city, "ownership": ownership, "status": CertificationStatus.CERTIFIED},
        )
        orgs.append(org)
    for username, name, org_index, user_type in MEMBERS:
        _user(username, name, user_type=user_type, organization=orgs[org_index], org_role=OrgRole.ADMIN)
    _user("individual", "示范个人用户", user_type=UserType.INDIVIDUAL)


def logins():
    rows = [("超级管理员", "admin", DEMO_PASSWORD, "全部权限")]
    rows += [(role.group_name, username, DEMO_PASSWORD, role.description) for username, _, role in STAFF]
    rows += [
        ("企业用户", "enterprise", DEMO_PASSWORD, "湖南示范工程机械有限公司（长沙，已认证）"),
        ("企业用户", "shaoyang_ent", DEMO_PASSWORD, "邵阳示范制造有限公司（邵阳，已认证）"),
        ("服务机构用户", "institution", DEMO_PASSWORD, "示范银行湖南省分行（已认证）"),
        ("个人用户", "individual", DEMO_PASSWORD, "未加入企业的个人账号：可咨询、报名活动、订阅通知"),
    ]
    return rows
