"""Demo 抱团出海: one consortium led by the demo enterprise, with a partner, an applicant and an invitee."""

from django.utils import timezone

from accounts.models import Organization
from consortia.models import Consortium, Membership, MemberState, Role
from taxonomy.models import Country, Industry

ORDER = 72
TITLE = "肯尼亚内陆集装箱堆场扩建联合体"


def load(stdout):
    lead = Organization.objects.filter(name="湖南示范工程机械有限公司").first()
    if lead is None or Consortium.objects.filter(title=TITLE).exists():
        return
    consortium = Consortium.objects.create(
        lead=lead,
        title=TITLE,
        description="项目业主计划扩建内陆集装箱堆场并配套装卸设备。我司牵头投标设备供应与安装，现寻找土建施工、融资保险和当地法律服务伙伴，联合报价、分工实施。",
        country=Country.objects.get(code="KE"),
        industry=Industry.objects.get(code="E"),
        apply_by=timezone.localdate() + timezone.timedelta(days=45),
    )
    roles = {
        name: Role.objects.create(consortium=consortium, name=name, description=text, slots=slots)
        for name, text, slots in [
            ("土建施工", "有东非房建或道路施工业绩，能派驻项目经理", 1),
            ("融资保险", "可提供出口信贷或海外投资保险方案", 1),
            ("当地法律服务", "熟悉肯尼亚劳动、税务和招投标法规", 1),
        ]
    }
    now = timezone.now()
    Membership.objects.create(consortium=consortium, organization=lead, is_lead=True, state=MemberState.ACCEPTED, decided_at=now)
    others = {o.name: o for o in Organization.objects.filter(name__in=["湖南湘江建工有限公司", "示范银行湖南省分行", "湖南潇湘建材集团有限公司"])}
    plan = [
        ("湖南湘江建工有限公司", "土建施工", MemberState.ACCEPTED, "我司在埃塞俄比亚有道路施工业绩。"),
        ("示范银行湖南省分行", "融资保险", MemberState.INVITED, "诚邀贵行提供项目融资方案。"),
        ("湖南潇湘建材集团有限公司", None, MemberState.APPLIED, "可供应堆场地坪用水泥和预制件。"),
    ]
    for name, role, state, message in plan:
        if name in others:
            Membership.objects.create(consortium=consortium, organization=others[name], role=roles.get(role), state=state, message=message,
                                      decided_at=now if state == MemberState.ACCEPTED else None)  # fmt: skip
    stdout.write(f"consortia: demo consortium “{TITLE}”\n")
