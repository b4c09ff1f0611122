"""Demo aid data: projects of every aid kind and trainees of several courses (seeded, fictitious)."""

import random

from aid.models import AidKind, AidProject, AidTrainee

ORDER = 68
COUNTRIES = ["TZ", "KE", "ET", "ZM", "NG", "GH", "SN", "MG", "KH", "LA", "MM", "NP", "PK", "BD", "BO", "CU"]
CITIES = ["changsha"] * 5 + ["zhuzhou", "xiangtan", "hengyang", "yueyang", "changde", "shaoyang", "huaihua", "province", "province"]
NAMES = {
    AidKind.HRD: "杂交水稻技术海外培训项目", AidKind.TURNKEY: "友谊医院成套项目", AidKind.TECHNICAL: "农业技术示范中心技术合作",
    AidKind.CONSULTING: "职业技术学校项目咨询", AidKind.GOODS: "防汛救灾物资", AidKind.LOANS: "城市供水工程优惠贷款项目",
    AidKind.DEBT: "无息贷款债务减免", AidKind.VOLUNTEERS: "青年志愿者医疗服务",
}
COURSES = [("HN2023-01", "杂交水稻栽培技术培训班", 2023), ("HN2023-02", "轨道交通运营管理研修班", 2023),
           ("HN2024-01", "职业教育管理官员研修班", 2024), ("HN2024-02", "工程机械维修技术培训班", 2024), ("HN2025-01", "中医药应用技术培训班", 2025)]
GIVEN = ["Amani", "Baraka", "Chiku", "Daudi", "Eshe", "Faraji", "Neema", "Sok", "Dara", "Bounmy", "Aye", "Kiran", "Rahim", "Luis", "Yaneli"]


def load(stdout):
    rng = random.Random(68)
    if not AidProject.objects.exists():
        projects = []
        for i in range(48):
            kind = AidKind.values[i % len(AidKind.values)]
            country = rng.choice(COUNTRIES)
            projects.append(AidProject(code=f"YW{2016 + i % 10}-{i:03d}", name=f"{NAMES[kind]}（示范{i + 1}）", kind=kind, country_id=country,
                                       year=2016 + i % 10, city=rng.choice(CITIES), implementer="湖南示范建设集团" if kind == AidKind.TURNKEY else "湖南示范农业技术研究院",
                                       amount_wan=rng.randint(80, 30000), status=rng.choice(["已完工", "实施中", "已移交"]), summary=""))
        AidProject.objects.bulk_create(projects)
    if not AidTrainee.objects.exists():
        trainees = []
        for code, name, year in COURSES:
            for j in range(30):
                trainees.append(AidTrainee(course_code=code, course_name=name, passport_no=f"D{year}{j:04d}{len(code)}", name=f"{rng.choice(GIVEN)} {rng.choice(GIVEN)}",
                                           gender=rng.choice(["男", "女"]), country_id=rng.choice(COUNTRIES), year=year, city=rng.choice(CITIES[:8]),
                                           organiser="湖南示范职业技术学院"))
        AidTrainee.objects.bulk_create(trainees)
