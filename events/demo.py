"""Demo events: fifteen events over the 14 cities, the province and abroad, Sino-Africa ones among
them; past ones with a recap (活动回顾) and check-ins, upcoming ones with registrations by the demo
enterprises, one full event with a waiting list and one needing approval.

Dates are relative to the first load; ``load`` is idempotent (events are keyed by title).
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from events.models import Attendee, Event, Kind, Registration, RegistrationStatus, Status
from taxonomy.models import Country, Industry

ORDER = 60

# (title, kind, city, overseas location, days from now, hours, countries, industries, capacity, sino-africa, needs approval, venue)
EVENTS = [
    ("2026 湖南—非洲经贸合作对接会", Kind.MATCHMAKING, "changsha", "", 12, 6, ["NG", "KE", "ET"], ["C", "E"], 120, True, False, "长沙国际会展中心 3 号馆"),
    ("中非经贸博览会湖南展团招展说明会", Kind.FAIR, "province", "", 20, 3, ["ZA", "TZ"], ["C", "F"], 80, True, True, "湖南省商务厅 5 楼会议室"),
    ("对非工程承包合规与风险防范培训", Kind.TRAINING, "xiangtan", "", 5, 4, ["AO", "ZM"], ["E"], 2, True, False, "湘潭市商务局培训中心"),
    ("肯尼亚内罗毕湖南产品推介会", Kind.ROADSHOW, "province", "肯尼亚·内罗毕", 45, 8, ["KE"], ["C", "A"], 60, True, True, "内罗毕国际会议中心"),
    ("株洲轨道交通装备走进东南亚洽谈会", Kind.MATCHMAKING, "zhuzhou", "", 9, 5, ["VN", "TH", "MY"], ["C"], 100, False, False, "株洲市会展中心"),
    ("衡阳企业跨境电商出海实务培训", Kind.TRAINING, "hengyang", "", 15, 3, [], ["F", "I"], 50, False, False, "衡阳市电子商务产业园"),
    ("邵阳特色轻工产品 RCEP 市场线上对接会", Kind.WEBINAR, "shaoyang", "", 7, 2, ["ID", "PH"], ["C"], None, False, False, ""),
    ("岳阳港口物流与中东市场合作论坛", Kind.CONFERENCE, "yueyang", "", 25, 6, ["AE", "SA"], ["G"], 150, False, False, "岳阳城陵矶综合保税区"),
    ("常德农业企业“一带一路”投资说明会", Kind.CONFERENCE, "changde", "", 33, 4, ["UZ", "KZ"], ["A"], 80, False, False, "常德市民之家"),
    ("张家界文旅企业境外营销研讨会", Kind.CONFERENCE, "zhangjiajie", "", 40, 3, ["KR", "JP"], ["R"], 60, False, False, "张家界市商务局会议室"),
    ("益阳、娄底企业境外投资备案政策解读会", Kind.TRAINING, "yiyang", "", 18, 3, [], [], 90, False, False, "益阳市政务服务中心"),
    # past events (活动回顾)
    ("郴州有色金属企业赴非投资考察交流会", Kind.MATCHMAKING, "chenzhou", "", -40, 5, ["ZA", "GH"], ["B"], 80, True, False, "郴州国际会展中心"),
    ("永州、怀化企业东盟市场开拓路演", Kind.ROADSHOW, "yongzhou", "", -25, 6, ["VN", "LA", "MM"], ["C"], 70, False, False, "永州市会展中心"),
    ("湘西州特色农产品出口培训班", Kind.TRAINING, "xiangxi", "", -60, 4, [], ["A"], 40, False, False, "吉首市商务局培训室"),
    ("娄底钢铁企业中非产能合作恳谈会", Kind.CONFERENCE, "loudi", "", -15, 4, ["ET", "EG"], ["C"], 60, True, False, "娄底市经开区管委会"),
    ("怀化国际陆港班列出海服务说明会", Kind.CONFERENCE, "huaihua", "", -8, 3, ["LA", "TH"], ["G"], 100, False, False, "怀化国际陆港"),
]

AGENDA = "09:00 签到入场\n09:30 主办方致辞\n10:00 政策与市场介绍\n11:00 企业交流与对接洽谈\n12:00 活动结束"
RECAP = "<p>本次活动共有来自全省的数十家企业参加，与会嘉宾围绕目标市场的准入要求、项目合作和风险防范进行了交流，会后达成多项合作意向。</p>"


def _body(title, summary):
    return f"<p>{summary}</p><p>活动将邀请商务部门、金融机构和专业服务机构介绍相关政策与服务，并安排企业一对一交流。欢迎有意开拓相关市场的企业报名参加。</p>"


@transaction.atomic
def load(stdout):
    User = get_user_model()
    operator = User.objects.filter(username="operator").first()
    reviewer = User.objects.filter(username="operator_reviewer").first()
    # Local (Asia/Shanghai) time: the agenda starts at 09:00 there, not at 09:00 UTC (17:00 in Changsha).
    now = timezone.localtime().replace(minute=0, second=0, microsecond=0)
    countries = {c.code: c for c in Country.objects.all()}
    industries = {i.code: i for i in Industry.objects.all()}
    created = 0
    events = {}
    for title, kind, city, abroad, days, hours, codes, inds, capacity, africa, approval, venue in EVENTS:
        start = (now + timedelta(days=days)).replace(hour=9)
        summary = f"围绕{'、'.join(countries[c].name_zh for c in codes if c in countries) or '境外市场'}开拓，为我省走出去企业提供政策解读、信息发布和合作对接。"
        event, is_new = Event.objects.get_or_create(title=title, defaults={
            "summary": summary, "body": _body(title, summary), "agenda": AGENDA, "kind": kind, "status": Status.PUBLISHED,
            "organizer_name": "湖南省商务厅" if city == "province" else f"{dict(Event._meta.get_field('city').choices)[city]}商务局",
            "created_by": operator, "reviewed_by": reviewer, "city": city, "overseas_location": abroad, "sino_africa": africa,
            "starts_at": start, "ends_at": start + timedelta(hours=hours), "venue": venue,
            "online_url": "https://live.example.cn/xqch" if kind == Kind.WEBINAR else "",
            "contact_name": "会务组", "contact_phone": "0731-8000 0000", "contact_email": "events@example.cn",
            "capacity": capacity, "needs_approval": approval, "asked_fields": ["title", "needs"] if kind == Kind.MATCHMAKING else ["title"],
            "registration_closes_at": start - timedelta(days=1) if days > 2 else None,
            "published_at": now - timedelta(days=30), "recap": RECAP if days < 0 else "",
        })
        if is_new:
            event.countries.set([countries[c] for c in codes if c in countries])
            event.industries.set([industries[i] for i in inds if i in industries])
            created += 1
        events[title] = event
    draft, is_new = Event.objects.get_or_create(title="湖南企业赴埃及投资环境说明会（待审核）", defaults={
        "summary": "机构提交、等待平台运营审核的示例活动。", "kind": Kind.CONFERENCE, "status": Status.IN_REVIEW, "organizer_name": "示范银行湖南省分行",
        "organizer_org": getattr(User.objects.filter(username="institution").first(), "organization", None),
        "created_by": User.objects.filter(username="institution").first(), "city": "changsha", "sino_africa": True,
        "starts_at": (now + timedelta(days=50)).replace(hour=14), "ends_at": (now + timedelta(days=50)).replace(hour=17), "venue": "长沙市芙蓉中路", "capacity": 50,
    })
    created += is_new
    _registrations(events, now)
    stdout.write(f"events: {created} events created ({Event.objects.count()} in total)")


def _registrations(events, now):
    User = get_user_model()
    users = {u.username: u for u in User.objects.filter(username__in=["enterprise", "shaoyang_ent", "individual"])}
    plan = [
        # (event title, username, status, attendee names, waitlist position, checked in)
        ("2026 湖南—非洲经贸合作对接会", "enterprise", RegistrationStatus.CONFIRMED, ["王建国", "李海燕"], None, False),
        ("2026 湖南—非洲经贸合作对接会", "shaoyang_ent", RegistrationStatus.CONFIRMED, ["陈志强"], None, False),
        ("对非工程承包合规与风险防范培训", "enterprise", RegistrationStatus.CONFIRMED, ["王建国", "刘小平"], None, False),
        ("对非工程承包合规与风险防范培训", "shaoyang_ent", RegistrationStatus.WAITLISTED, ["陈志强"], 1, False),
        ("中非经贸博览会湖南展团招展说明会", "shaoyang_ent", RegistrationStatus.PENDING, ["陈志强", "周敏"], None, False),
        ("株洲轨道交通装备走进东南亚洽谈会", "individual", RegistrationStatus.CONFIRMED, ["示范个人用户"], None, False),
        ("郴州有色金属企业赴非投资考察交流会", "enterprise", RegistrationStatus.CONFIRMED, ["王建国"], None, True),
        ("娄底钢铁企业中非产能合作恳谈会", "shaoyang_ent", RegistrationStatus.CONFIRMED, ["陈志强"], None, True),
    ]
    for n, (title, username, status, names, position, checked) in enumerate(plan):
        user, event = users.get(username), events.get(title)
        if user is None or event is None or Registration.objects.filter(event=event, user=user).exists():
            continue
        org = user.certified_organization
        reg = Registration.objects.create(event=event, user=user, organization=org, status=status, position=position)
        for i, name in enumerate(names):
            Attendee.objects.create(registration=reg, name=name, mobile=f"1390000{n:02d}{i:02d}",
                                    checked_in_at=event.starts_at + timedelta(minutes=10) if checked else None)
