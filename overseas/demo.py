"""Demo overseas institutions (fictitious names, real city coordinates) and one pending change."""

from decimal import Decimal

from accounts.models import CertificationStatus, InstitutionType, Organization, OrgKind, OrgRole, User, UserType
from overseas.models import ChangeState, InstitutionChange, OverseasInstitution

ORDER = 66
PASSWORD = "Xiang#2026"
ROWS = [
    ("chamber", "肯尼亚湖南商会（示范）", "KE", "内罗毕", -1.28638, 36.81722),
    ("chamber", "尼日利亚湖南商会（示范）", "NG", "拉各斯", 6.45407, 3.39467),
    ("chamber", "越南湖南商会（示范）", "VN", "胡志明市", 10.82302, 106.62965),
    ("chamber", "阿联酋湖南商会（示范）", "AE", "迪拜", 25.20485, 55.27078),
    ("chamber", "德国湖南商会（示范）", "DE", "法兰克福", 50.11092, 8.68213),
    ("chamber", "美国湖南商会（示范）", "US", "洛杉矶", 34.05223, -118.24368),
    ("office", "湖南驻南非经贸代表处（示范）", "ZA", "约翰内斯堡", -26.20410, 28.04731),
    ("office", "湖南驻新加坡经贸代表处（示范）", "SG", "新加坡", 1.35208, 103.81984),
    ("office", "湖南驻巴西经贸代表处（示范）", "BR", "圣保罗", -23.55052, -46.63331),
    ("zone", "湘坦示范农业产业园", "TZ", "达累斯萨拉姆", -6.79235, 39.20833),
    ("zone", "湘柬示范经济特区", "KH", "西哈努克", 10.62736, 103.52224),
    ("zone", "湘俄示范木材加工区", "RU", "哈巴罗夫斯克", 48.48022, 135.07191),
]


def load(stdout):
    from stdnum.cn import uscc

    base = "51430000MA4CHMB00"
    org, _ = Organization.objects.get_or_create(credit_code=base + uscc.calc_check_digit(base), defaults={
        "name": "湖南省境外商会联络服务中心（示范）", "kind": OrgKind.INSTITUTION, "institution_type": InstitutionType.CHAMBER,
        "jurisdiction": "province", "status": CertificationStatus.CERTIFIED})
    user, created = User.objects.get_or_create(username="chamber_demo", defaults={
        "first_name": "示范商会管理员", "user_type": UserType.INSTITUTION, "organization": org, "org_role": OrgRole.ADMIN})
    if created:
        user.set_password(PASSWORD)
        user.save()
    for kind, name, country, city, lat, lng in ROWS:
        OverseasInstitution.objects.get_or_create(name=name, defaults={
            "owner": org, "kind": kind, "country_id": country, "city_name": city, "latitude": Decimal(str(lat)), "longitude": Decimal(str(lng)),
            "founded_year": 2015, "description": f"{name}联系在{city}及周边经营的湖南企业，协助会员了解当地政策、对接项目和处理突发事件。",
            "services": "政策咨询、商务考察接待、项目对接、领事保护协助", "contact_person": "秘书处"})
    first = OverseasInstitution.objects.get(name=ROWS[0][1])
    if not InstitutionChange.objects.filter(institution=first).exists():
        from overseas.services import serialise

        data = serialise({f: getattr(first, f) for f in ["kind", "name", "country", "city_name", "address", "latitude", "longitude", "founded_year",
                                                         "description", "services", "contact_person", "contact_phone", "email", "website"]})
        data["address"] = "内罗毕韦斯特兰兹区示范大厦 8 层"
        InstitutionChange.objects.create(institution=first, organization=org, data=data, submitted_by=user, state=ChangeState.PENDING)


def logins():
    return [("境外商会", "chamber_demo", PASSWORD, "湖南省境外商会联络服务中心（示范）：维护境外机构信息")]
