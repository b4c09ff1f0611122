"""Demo 经贸对接: listings of both sides from the demo and directory enterprises, two waiting for
review, one expired, two from the peer platform, an accepted intent with its conversation and
outcome, a pending one, and the stored smart matches.

All companies, people, projects and numbers here are invented for the demonstration.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from accounts.models import Organization, OrgKind
from matching import matchmaking
from matching.models import Intent, IntentMessage, IntentStatus, Listing, Source, Status

ORDER = 80  # after accounts, directory and rating (quality scores)

# (title, kind, description, countries, industries, amount range in USD or None)
DEMAND = [
    ("肯尼亚经销商采购挖掘机和装载机", "need_product", "内罗毕设备经销商计划采购二十吨级挖掘机十台、轮式装载机五台，要求在当地有配件库和售后服务。", ["KE"], ["F"], (1_000_000, 2_500_000)),
    ("坦桑尼亚港口堆场扩建工程招标", "project_tender", "达累斯萨拉姆港集装箱堆场扩建，含场地硬化、排水和照明，寻找具备港口工程经验的总承包商。", ["TZ"], ["E"], (20_000_000, 35_000_000)),
    ("埃塞俄比亚工业园招引陶瓷和建材企业", "project_investment", "亚的斯亚贝巴周边工业园提供标准厂房和税收优惠，欢迎陶瓷、水泥等建材企业入园投资设厂。", ["ET"], ["C"], (5_000_000, 30_000_000)),
    ("沙特项目招聘钢筋工和木工两百名", "labour_demand", "利雅得住宅项目需要钢筋工、木工、架子工共两百名，合同两年，提供住宿和往返机票。", ["SA"], ["E"], None),
    ("印尼光伏电站项目寻求融资和保险", "need_service", "苏拉威西五十兆瓦光伏电站已取得购电协议，寻求项目贷款和出口信用保险支持。", ["ID"], ["D"], (30_000_000, 45_000_000)),
    ("马来西亚城轨车辆维保合作伙伴", "need_partner", "吉隆坡城轨运营方寻找车辆与牵引系统维保合作伙伴，希望在当地设立维修基地。", ["MY"], ["C"], (3_000_000, 8_000_000)),
    ("赞比亚铜矿选冶设备采购", "need_product", "铜钴矿选冶厂需要破碎机、球磨机和浮选设备，要求提供安装调试和操作培训。", ["ZM"], ["B"], (6_000_000, 12_000_000)),
    ("越南服装厂寻求面料稳定供应商", "need_product", "胡志明市服装加工厂需要棉质和混纺面料长期供应，月需求约三十万米。", ["VN"], ["C"], (500_000, 1_500_000)),
    ("哈萨克斯坦茶叶进口商寻找黑茶货源", "need_product", "阿拉木图进口商计划引进安化黑茶和红茶，寻找有出口资质和稳定产能的厂家。", ["KZ"], ["A"], (200_000, 600_000)),
    ("尼日利亚水稻种植示范项目合作", "need_partner", "拉各斯州政府支持的水稻示范农场寻找杂交水稻种子和种植技术合作方。", ["NG"], ["A"], (1_000_000, 3_000_000)),
    ("巴基斯坦输变电线路施工分包", "project_tender", "旁遮普省二百二十千伏输变电线路工程分包，需具备海外输变电施工业绩。", ["PK"], ["D"], (8_000_000, 15_000_000)),
    ("阿联酋海外仓租赁招租", "project_lease", "迪拜杰贝阿里自贸区两万平方米海外仓分区招租，适合医药耗材和消费品企业。", ["AE"], ["G"], (300_000, 900_000)),
]

SUPPLY = [
    ("挖掘机、装载机整机出口及售后服务", "offer_product", "工程机械制造商出口全系列挖掘机、装载机，在肯尼亚和坦桑尼亚设有备件仓库和售后服务网点，可提供操作手培训。", ["KE", "TZ"], ["C"], (500_000, 5_000_000)),
    ("港口与场站工程施工总承包", "offer_service", "具备港口堆场、道路和排水工程施工总承包资质，在东非承建过多个港口扩建项目。", ["TZ", "KE"], ["E"], (10_000_000, 60_000_000)),
    ("陶瓷生产线投资意向（东非）", "investment_intention", "建材企业计划在东非投资建设陶瓷砖生产线，正在比选工业园区和配套政策。", ["ET", "TZ"], ["C"], (10_000_000, 25_000_000)),
    ("建筑劳务外派：钢筋工、木工", "offer_labour", "对外劳务合作企业可外派持证钢筋工、木工、架子工，已完成岗前培训和体检。", ["SA", "AE"], ["E"], None),
    ("跨境项目贷款与出口信用保险", "offer_finance", "为境外电站、基础设施项目提供项目贷款、保函和出口信用保险方案，支持美元和人民币结算。", [], ["J"], (5_000_000, 100_000_000)),
    ("城轨车辆整车及牵引系统维保服务", "offer_service", "轨道装备企业提供城轨车辆整车维保、牵引变流器检修和备件供应，可在当地设立维修基地。", ["MY", "TH"], ["C"], (2_000_000, 10_000_000)),
    ("矿山破碎和选矿设备成套供应", "offer_product", "供应颚式破碎机、球磨机、浮选机成套设备，提供安装调试、操作培训和备件。", ["ZM", "CD"], ["C"], (3_000_000, 15_000_000)),
    ("棉质与混纺面料出口", "offer_product", "纺织企业常年出口棉质、涤棉混纺面料，月产能五十万米，可按订单定制。", ["VN", "BD"], ["C"], (300_000, 2_000_000)),
    ("安化黑茶、湖红茶出口供应", "offer_product", "茶叶企业具备出口资质，供应安化黑茶和湖红茶，可提供中亚市场定制包装。", ["KZ", "UZ"], ["A"], (100_000, 800_000)),
    ("杂交水稻种子与种植技术服务", "offer_service", "农业科技企业提供杂交水稻种子、农机和种植技术指导，已在非洲开展示范种植。", ["NG", "MG"], ["A"], (500_000, 5_000_000)),
    ("输变电线路工程施工", "offer_service", "电力建设企业承接海外输变电线路和变电站工程，具备南亚项目施工业绩。", ["PK", "LA"], ["D"], (5_000_000, 50_000_000)),
    ("医用耗材出口与海外仓配送", "offer_product", "医药企业出口医用耗材，希望在中东租用海外仓，缩短对医院的交付周期。", ["AE", "SA"], ["C"], (200_000, 1_000_000)),
]

PENDING = [
    ("老挝农业园招引水稻加工企业", "project_investment", "万象周边农业园招引大米加工和仓储企业，提供土地租赁优惠。", ["LA"], ["A"], (2_000_000, 8_000_000)),
    ("光伏组件出口（东南亚）", "offer_product", "光伏组件制造商出口单晶组件，可提供电站设计支持。", ["ID", "PH"], ["C"], (1_000_000, 10_000_000)),
]

PEER = [
    ("GL-DEMO-001", "肯尼亚道路工程寻求施工设备租赁", "need_service", "内罗毕外环道路工程需要租赁压路机、摊铺机和挖掘机，租期一年。", ["KE"], ["E"], (400_000, 1_200_000)),
    ("GL-DEMO-002", "泰国食品企业寻找茶饮原料供应商", "need_product", "曼谷饮品连锁寻找红茶、黑茶原料供应商，年采购额约三十万美元。", ["TH"], ["A"], (200_000, 400_000)),
]

MARKER = DEMAND[0][0]


def _orgs():
    """Demo enterprises with users first, then the directory's generated certified enterprises."""
    users = {u.username: u for u in get_user_model().objects.filter(username__in=["enterprise", "shaoyang_ent", "institution"])}
    generated = list(Organization.objects.filter(kind=OrgKind.ENTERPRISE, name__startswith="湖南").exclude(name__contains="示范").order_by("pk"))
    return users, generated


def _create(title, kind, description, countries, industries, amount, *, org, owner, status, valid_days=120, published_days_ago=3):
    now = timezone.now()
    listing = Listing(
        kind=kind, title=title, description=description, amount_min_usd=amount[0] if amount else None, amount_max_usd=amount[1] if amount else None,
        valid_until=timezone.localdate() + timedelta(days=valid_days), contact_name="对接联系人", contact_phone="0731-55509000",
        contact_email="match@example.cn", owner=owner, organization=org, status=status,
        submitted_at=now - timedelta(days=published_days_ago + 1),
        published_at=now - timedelta(days=published_days_ago) if status in (Status.PUBLISHED, Status.EXPIRED) else None,
    )
    listing.terms = matchmaking.compute_terms(listing)
    listing.save()
    listing.countries.set(countries)
    listing.industries.set(industries)
    return listing


@transaction.atomic
def _load(users, generated):
    enterprise, shaoyang, institution = users["enterprise"], users["shaoyang_ent"], users["institution"]
    made = []
    # Demand: the first listing belongs to 邵阳示范制造 (buyer side of the demo journey), the rest to generated enterprises.
    for i, row in enumerate(DEMAND):
        org, owner = (shaoyang.organization, shaoyang) if i == 0 else (generated[i % len(generated)], None)
        made.append(_create(*row, org=org, owner=owner, status=Status.PUBLISHED, published_days_ago=1 + i % 9))
    for i, row in enumerate(SUPPLY):
        if i == 0:
            org, owner = enterprise.organization, enterprise
        elif row[1] == "offer_finance":
            org, owner = institution.organization, institution
        else:
            org, owner = generated[(i + 5) % len(generated)], None
        made.append(_create(*row, org=org, owner=owner, status=Status.PUBLISHED, published_days_ago=2 + i % 7))
    for row in PENDING:
        _create(*row, org=enterprise.organization, owner=enterprise, status=Status.PENDING)
    expired = _create("蒙古国矿区道路养护设备采购", "need_product", "矿区道路养护需要平地机和洒水车，本期采购已结束。", ["MN"], ["B"], (300_000, 700_000),
                      org=shaoyang.organization, owner=shaoyang, status=Status.EXPIRED, valid_days=-10, published_days_ago=60)
    expired.closed_at = timezone.now() - timedelta(days=9)
    expired.save(update_fields=["closed_at"])
    for peer_id, title, kind, description, countries, industries, amount in PEER:
        listing = _create(title, kind, description, countries, industries, amount, org=None, owner=None, status=Status.PUBLISHED)
        Listing.objects.filter(pk=listing.pk).update(source=Source.PEER, peer_id=peer_id, peer_org_name="全球撮合家示范用户",
                                                     peer_url=f"https://peer.example.cn/listings/{peer_id}")
        made.append(listing)

    # An accepted intent with a conversation and an outcome (the bank finances the Indonesian PV plant)…
    pv = next(m for m in made if m.kind == "need_service")
    accepted = Intent.objects.create(
        listing=pv, sender=institution, sender_org=institution.organization, message="我行可为该光伏电站提供项目贷款并协调出口信用保险，希望进一步了解购电协议。",
        contact_name="示范机构管理员", contact_phone="0731-55509100", contact_email="bank@example.cn", status=IntentStatus.ACCEPTED,
        created_at=timezone.now() - timedelta(days=6), responded_at=timezone.now() - timedelta(days=5),
        meeting_held_on=timezone.localdate() - timedelta(days=3), outcome_note="已完成首轮线上洽谈，进入尽职调查。",
        outcome_recorded_at=timezone.now() - timedelta(days=3),
    )
    IntentMessage.objects.create(intent=accepted, author=institution, body="请提供购电协议和可研报告，我们安排授信评审。", created_at=timezone.now() - timedelta(days=5))
    IntentMessage.objects.create(intent=accepted, author=institution, body="【对接成果】已完成首轮线上洽谈，进入尽职调查。", created_at=timezone.now() - timedelta(days=3))
    # …and a pending one: the demo enterprise answers the Kenyan excavator demand.
    Intent.objects.create(
        listing=made[0], from_listing=made[len(DEMAND)], sender=enterprise, sender_org=enterprise.organization,
        message="我司在内罗毕设有备件仓库和售后网点，可按贵方数量供货并培训操作手。", contact_name="示范企业管理员",
        contact_phone="0731-55509200", contact_email="sales@example.cn", created_at=timezone.now() - timedelta(days=1),
    )
    matchmaking.bump([m.pk for m in Listing.objects.all()])
    return len(made)


def load(stdout):
    users, generated = _orgs()
    if Listing.objects.filter(title=MARKER).exists():
        stdout.write("matching: demo listings already present\n")
        return
    if len(users) < 3 or not generated:
        stdout.write("matching: demo users or directory enterprises missing, skipped\n")
        return
    count = _load(users, generated)
    matchmaking.forget_index()
    result = matchmaking.rematch_all()
    stdout.write(f"matching: {count} listings in the market, {result['pushed']} matches pushed to owners\n")
