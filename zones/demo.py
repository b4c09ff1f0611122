"""Demo overseas zones: eleven fictitious zone operators, 2024 results published, 2025 in progress.

The demo zone account ``zone_demo`` (password as every demo login) files for the first zone.
"""

import random
from decimal import Decimal

from accounts.models import CertificationStatus, InstitutionType, Organization, OrgKind, OrgRole, User, UserType
from zones.models import Indicator, Score, State, ZoneReport, grade_for, weighted_total

ORDER = 64
PASSWORD = "Xiang#2026"
ZONES = [
    "湘坦示范农业产业园", "湘越示范轻工业园", "湘埃示范工业园", "湘俄示范木材加工区", "湘柬示范经济特区", "湘赞示范有色金属园",
    "湘印尼示范镍业园", "湘尼示范商贸物流园", "湘乌示范纺织园", "湘老示范农业合作区", "湘肯示范建材园",
]


def _code(i):
    from stdnum.cn import uscc

    base = f"91430000MA4P{i:02d}YNK"
    return base + uscc.calc_check_digit(base)


def load(stdout):
    orgs = []
    for i, name in enumerate(ZONES):
        org, _ = Organization.objects.get_or_create(credit_code=_code(i), defaults={
            "name": f"{name}运营有限公司", "kind": OrgKind.INSTITUTION, "institution_type": InstitutionType.OVERSEAS_ZONE,
            "jurisdiction": "province", "status": CertificationStatus.CERTIFIED})
        orgs.append(org)
    user, created = User.objects.get_or_create(username="zone_demo", defaults={
        "first_name": "示范园区管理员", "user_type": UserType.INSTITUTION, "organization": orgs[0], "org_role": OrgRole.ADMIN})
    if created:
        user.set_password(PASSWORD)
        user.save()
    indicators = list(Indicator.objects.filter(active=True))
    rng = random.Random(2024)
    for org in orgs:
        if ZoneReport.objects.filter(zone=org, year=2024).exists():
            continue
        report = ZoneReport.objects.create(zone=org, year=2024, enterprises=rng.randint(8, 80), chinese_enterprises=rng.randint(5, 8),
                                           investment_usd_wan=Decimal(rng.randint(3000, 90000)), output_usd_wan=Decimal(rng.randint(2000, 60000)),
                                           tax_usd_wan=Decimal(rng.randint(50, 3000)), local_jobs=rng.randint(300, 9000),
                                           summary="本年度园区完成基础设施扩建，新引进企业若干家，当地员工培训持续开展。")
        pairs = []
        for ind in indicators:
            value = Decimal(rng.randint(58, 98))
            Score.objects.create(report=report, indicator=ind, indicator_name=ind.name, weight=ind.weight, score=value)
            pairs.append((value, ind.weight))
        report.total_score = weighted_total(pairs)
        report.grade = grade_for(report.total_score)
        report.state = State.PUBLISHED
        report.save()
    ZoneReport.objects.get_or_create(zone=orgs[0], year=2025, defaults={"enterprises": 46, "chinese_enterprises": 31, "local_jobs": 5200,
                                                                        "summary": "（草稿）2025 年度数据正在汇总。"})


def logins():
    return [("境外经贸合作区", "zone_demo", PASSWORD, "湘坦示范农业产业园运营有限公司：园区年度考核、境外机构维护")]
