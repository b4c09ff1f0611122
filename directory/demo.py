"""Demo 湘企名录: profiles for the two demo enterprises and thirty generated certified enterprises.

Every company, person, phone number and project here is invented for the demonstration;
phone numbers use an unassigned 0731-5550 range and e-mail addresses the example.cn domain.
"""

from stdnum.cn import uscc

from accounts.models import CertificationStatus, Organization, OrgKind, Ownership
from directory.models import EmployeeBand, EnterpriseCase, EnterpriseProfile, Visibility
from directory.services import rebuild_search_text
from taxonomy.cities import City
from taxonomy.models import Country, Industry

ORDER = 60

# (trade, industry, summary, business, countries, case title, case text)
LINES = [
    ("工程机械", "C", "工程机械整机出口与海外租赁服务", "挖掘机、起重机、混凝土泵车出口，在海外设立租赁和维修网点。", ["KE", "TZ", "ID"], "东非港口工程设备供应", "为港口扩建工程供应起重与运输设备，并派驻维修团队。"),
    ("轨道装备", "C", "城轨车辆与牵引系统出口", "电力机车、城轨车辆及牵引变流器的设计制造与海外维保。", ["MY", "TH", "TR"], "东南亚轻轨车辆项目", "交付轻轨车辆并承担五年运营维保。"),
    ("建工", "E", "国际工程总承包", "房建、道路、桥梁的施工总承包，具备海外项目管理团队。", ["ET", "ZM", "SA"], "区域公路改扩建工程", "承建双向四车道公路改扩建，雇用当地员工过半。"),
    ("电力建设", "D", "海外电站与输变电工程", "水电、光伏电站及输变电线路的勘测设计、施工和运维。", ["PK", "LA", "NG"], "光伏电站EPC项目", "完成光伏电站设计、采购、施工一体化建设并并网发电。"),
    ("农业科技", "A", "杂交水稻种植技术与农资出口", "杂交水稻种子、农机和种植技术服务，开展境外示范种植。", ["MG", "PH", "NG"], "杂交水稻示范农场", "建设示范农场，培训当地农技人员上百人次。"),
    ("茶业", "A", "黑茶、红茶出口与海外品牌运营", "安化黑茶、湖红茶的种植加工与出口，在中亚设立专卖店。", ["KZ", "UZ", "RU"], "中亚茶叶专卖渠道", "在中亚城市开设专卖店并进入当地商超。"),
    ("有色矿业", "B", "境外有色金属矿产开发", "铜、钴、锰等矿产的勘探、开采与选冶，注重社区共建。", ["ZM", "CD", "ID"], "铜钴矿选冶厂建设", "投资建设选冶厂，配套修建社区学校和道路。"),
    ("纺织", "C", "服装与家纺海外生产基地", "在东南亚设立服装加工厂，面向欧美市场接单生产。", ["VN", "KH", "BD"], "服装加工园区工厂", "建成服装加工厂，提供两千余个当地就业岗位。"),
    ("医药", "C", "中成药与医疗器械国际注册及出口", "中成药、医用耗材的国际注册、出口和海外仓配送。", ["AE", "MY", "KE"], "医用耗材海外仓", "在中东设立海外仓，缩短医院订单交付周期。"),
    ("物流", "G", "中欧班列与海外仓储物流服务", "组织中欧班列货源、报关和海外仓储配送一体化服务。", ["RU", "KZ", "DE"], "中欧班列回程货组织", "组织回程木材和粮油货源，提高班列重载率。"),
    ("建材", "C", "水泥、陶瓷建材境外生产", "在非洲投资水泥和陶瓷厂，就地生产供应当地建筑市场。", ["ET", "TZ", "EG"], "陶瓷厂投资项目", "投资建设陶瓷生产线，产品供应周边国家。"),
    ("信息技术", "I", "政务与金融软件出海", "移动支付、电子政务系统的开发与本地化部署。", ["ID", "PK", "SA"], "电子政务平台本地化", "为当地机构部署电子政务平台并提供运维培训。"),
]
PLACES = ["潇湘", "岳麓", "湘江", "洞庭", "衡岳", "武陵", "梅山", "资江", "沅水", "南岭"]
CITIES = list(City)
CONTACTS = ["王经理", "李女士", "张先生", "刘经理", "陈女士", "杨先生", "赵经理", "黄女士"]


def _credit_code(i: int) -> str:
    base = f"914300{i % 10}0MA4D{i:03d}YN"
    return base + uscc.calc_check_digit(base)


def _generated():
    for i in range(30):
        line = LINES[i % len(LINES)]
        suffix = ("", "集团", "科技")[i // len(PLACES)]  # 30 distinct names from 10 places × 3 suffixes
        name = f"湖南{PLACES[i % len(PLACES)]}{line[0]}{suffix}有限公司"
        yield i, name, CITIES[i % len(CITIES)], line


def _profile(org, line, i):
    trade, industry, summary, business, countries, case_title, case_text = line
    profile, created = EnterpriseProfile.objects.get_or_create(
        organization=org,
        defaults={
            "summary": summary,
            "description": f"{org.name}深耕{trade}领域，较早开展境外业务，在目标市场建立了本地团队，重视合规经营和当地员工培训。",
            "business": business,
            "founded_year": 1995 + i % 25,
            "employees": [EmployeeBand.SMALL, EmployeeBand.MEDIUM, EmployeeBand.LARGE][i % 3],
            "website": f"https://www.example.cn/xq{i:02d}",
            "contact_name": CONTACTS[i % len(CONTACTS)],
            "contact_name_visibility": Visibility.PUBLIC,
            "phone": f"0731-5550{i:04d}",
            "phone_visibility": [Visibility.CERTIFIED, Visibility.PUBLIC, Visibility.HIDDEN][i % 3],
            "email": f"overseas{i:02d}@example.cn",
            "email_visibility": [Visibility.PUBLIC, Visibility.CERTIFIED][i % 2],
            "address": f"{org.get_jurisdiction_display()}示范路{i + 1}号",
            "address_visibility": Visibility.PUBLIC,
        },
    )
    if not created:
        return profile
    org.industries.add(industry)
    codes = countries[: 1 + i % len(countries)] if i % 4 else countries
    profile.countries.set(Country.objects.filter(code__in=codes))
    first = Country.objects.filter(code=codes[0]).first()
    EnterpriseCase.objects.create(profile=profile, title=case_title, country=first, year=2018 + i % 7, description=case_text)
    if i % 2 == 0:
        EnterpriseCase.objects.create(profile=profile, title=f"{trade}产品出口与售后服务", country=first, year=2016 + i % 5, description="建立当地代理和备件库，提供技术培训。", order=1)
    rebuild_search_text(profile)
    return profile


def load(stdout):
    Industry.objects.get(code="C")  # taxonomy loaded
    created = 0
    for i, name, city, line in _generated():
        org, new = Organization.objects.get_or_create(
            credit_code=_credit_code(i),
            defaults={"name": name, "kind": OrgKind.ENTERPRISE, "jurisdiction": city, "status": CertificationStatus.CERTIFIED,
                      "ownership": [Ownership.PRIVATE, Ownership.STATE, Ownership.PRIVATE, Ownership.FOREIGN][i % 4]},
        )  # fmt: skip
        created += new
        _profile(org, line, i)
    demo = {"湖南示范工程机械有限公司": (LINES[0], 40), "邵阳示范制造有限公司": (LINES[10], 41)}
    for org in Organization.objects.filter(name__in=demo, kind=OrgKind.ENTERPRISE):
        line, i = demo[org.name]
        _profile(org, line, i)
    stdout.write(f"directory: {EnterpriseProfile.objects.count()} profiles ({created} new generated enterprises)\n")
