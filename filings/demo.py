"""Demo filings reproducing the distribution in SPEC §9 so the statistics show it.

1,440 outward-investment enterprises (13.3 % state-owned; 长沙 26 %, 邵阳 21 %, province-level
15 %), each with one filed investment project (Asia 68 %, North America 11 %, Europe 9 %,
Africa 8 %); 27 of them also file contracting projects and 20 labour cooperation. The demo
enterprise accounts get a few filings in other states so both queues have work in them.
Everything is bulk-created from a seeded generator, so a reload is quick and identical.
"""

import random
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from stdnum.cn import uscc

from accounts.models import CertificationStatus, Organization, OrgKind, Ownership
from filings import materials
from filings.models import ExchangeRate, Filing, FilingEvent, FinancingSource, InvestmentMode, Kind, State
from taxonomy.cities import Jurisdiction

ORDER = 50
ENTERPRISES = 1440
STATE_OWNED = 192  # 13.3 %
CITY_COUNTS = {
    "changsha": 374, "shaoyang": 302, "province": 216, "zhuzhou": 70, "xiangtan": 60, "hengyang": 62, "yueyang": 58,
    "changde": 55, "zhangjiajie": 20, "yiyang": 40, "chenzhou": 50, "yongzhou": 38, "huaihua": 35, "loudi": 40, "xiangxi": 20,
}
DIVISION_CODES = {
    "province": "430000", "changsha": "430100", "zhuzhou": "430200", "xiangtan": "430300", "hengyang": "430400", "shaoyang": "430500",
    "yueyang": "430600", "changde": "430700", "zhangjiajie": "430800", "yiyang": "430900", "chenzhou": "431000", "yongzhou": "431100",
    "huaihua": "431200", "loudi": "431300", "xiangxi": "433100",
}
# Destination regions of the investment projects, in enterprises (sums to 1,440).
REGION_COUNTS = {"asia": 979, "north_america": 158, "europe": 130, "africa": 115, "latin_america": 30, "oceania": 28}
REGION_COUNTRIES = {
    "asia": ["HK"] * 8 + ["VN", "VN", "ID", "ID", "TH", "MY", "SG", "SG", "KH", "LA", "MM", "PH", "AE", "SA", "KZ", "UZ", "PK", "BD", "IN", "JP", "KR"],
    "north_america": ["US", "US", "US", "CA", "MX"],
    "europe": ["DE", "DE", "GB", "FR", "IT", "RU", "NL", "ES"],
    "africa": ["NG", "ZA", "ET", "KE", "EG", "AO", "ZM", "TZ", "GH", "DZ"],
    "latin_america": ["BR", "CL", "PE", "AR"],
    "oceania": ["AU", "AU", "NZ", "PG"],
}
INDUSTRIES = ["C"] * 9 + ["E"] * 3 + ["F"] * 3 + ["A", "A", "B", "B", "L", "L", "I", "M", "G", "D"]
CONTRACTING_ENTERPRISES, LABOUR_ENTERPRISES = 27, 20
WORDS = ["湘江", "麓山", "岳麓", "洞庭", "芙蓉", "潇湘", "衡岳", "资江", "沅水", "澧兰", "楚天", "星城", "华融", "远大", "中联", "金健", "银河", "三湘", "长岭", "云峰"]
TRADES = ["工程机械", "新材料", "农业科技", "矿业", "建设", "国际贸易", "电子", "轨道装备", "医药", "食品", "能源", "汽车零部件", "纺织", "信息技术", "物流"]
PERIOD_START, PERIOD_DAYS = date(2019, 1, 1), 7 * 365 + 300


def credit_code(city: str, n: int) -> str:
    base = f"91{DIVISION_CODES[city]}MA4D{n:05d}"
    return base + uscc.calc_check_digit(base)


def demo_organizations(rng):
    """Unsaved Organization rows with the SPEC's city and ownership split."""
    cities = [city for city, count in CITY_COUNTS.items() for _ in range(count)]
    state_flags = [True] * STATE_OWNED + [False] * (ENTERPRISES - STATE_OWNED)
    rng.shuffle(state_flags)
    orgs = []
    for n, (city, state) in enumerate(zip(cities, state_flags, strict=True)):
        prefix = "湖南" if city == "province" else Jurisdiction(city).label.removesuffix("市")[:3]
        name = f"{prefix}{WORDS[n % len(WORDS)]}{TRADES[(n * 7) % len(TRADES)]}{'集团' if state else ''}有限公司（{n + 1:04d}）"
        orgs.append(Organization(
            kind=OrgKind.ENTERPRISE, name=name, credit_code=credit_code(city, n), jurisdiction=city,
            ownership=Ownership.STATE if state else Ownership.PRIVATE, status=CertificationStatus.CERTIFIED,
        ))
    return orgs


def usd_rates():
    rates = {"USD": Decimal(1)}
    for rate in ExchangeRate.objects.order_by("currency", "valid_from"):
        rates[rate.currency] = rate.usd_per_unit
    return rates


def make_filing(rng, org, kind, country, rates, *, state=State.FILED, when=None):
    """One unsaved, plausible filing of ``kind`` for ``org`` in ``country``."""
    when = when or datetime.combine(PERIOD_START + timedelta(days=rng.randrange(PERIOD_DAYS)), datetime.min.time(), tzinfo=UTC) + timedelta(hours=rng.randrange(1, 10))
    currency = rng.choice([c for c in ["USD"] * 6 + ["CNY", "CNY", "EUR", "HKD"] if c in rates])
    usd = Decimal(int(rng.lognormvariate(14.6, 1.2))).quantize(Decimal("1"))
    amount = (usd / rates[currency]).quantize(Decimal("0.01"))
    start = when.date() + timedelta(days=rng.randrange(15, 120))
    filing = Filing(
        organization=org, kind=kind, state=state, jurisdiction=org.jurisdiction, ownership=org.ownership,
        project_name=f"{country.name_zh}{TRADES[rng.randrange(len(TRADES))]}{'并购' if rng.random() < 0.2 and kind == Kind.INVESTMENT else ''}项目",
        country=country, industry_id=rng.choice(INDUSTRIES) if kind == Kind.INVESTMENT else ("E" if kind == Kind.CONTRACTING else "L"),
        investment_mode=(InvestmentMode.MERGER if rng.random() < 0.2 else InvestmentMode.NEW) if kind == Kind.INVESTMENT else "",
        chinese_party=org.name, foreign_party=f"{country.name_en} partner {rng.randrange(1000)}",
        amount=amount, currency=currency, amount_usd=(amount * rates[currency]).quantize(Decimal("0.01")),
        start_date=start, end_date=start + timedelta(days=rng.randrange(365, 1500)) if kind != Kind.INVESTMENT else None,
        financing_sources=rng.sample([c for c, _ in FinancingSource.choices], k=rng.randrange(1, 3)),
        workers_sent=rng.randrange(5, 300) if kind != Kind.INVESTMENT else rng.choice([None, rng.randrange(1, 30)]),
        contact_name=rng.choice("张王李刘陈杨赵黄周吴") + rng.choice(["伟", "芳", "敏", "静", "磊", "洋", "勇", "艳", "杰", "娟"]),
        contact_phone=f"13{rng.randrange(100000000, 999999999)}",
        submitted_at=when - timedelta(days=rng.randrange(8, 40)), state_changed_at=when,
    )
    if state == State.FILED:
        filing.filed_at = when
    return filing


def _countries():
    from taxonomy.models import Country

    return Country.objects.in_bulk([code for codes in REGION_COUNTRIES.values() for code in codes])


def demo_filings(rng, orgs, countries, rates):
    """Unsaved filed projects: one investment per enterprise plus contracting and labour ones."""
    regions = [region for region, count in REGION_COUNTS.items() for _ in range(count)]
    rng.shuffle(regions)
    filings = [make_filing(rng, org, Kind.INVESTMENT, countries[rng.choice(REGION_COUNTRIES[region])], rates) for org, region in zip(orgs, regions, strict=True)]
    builders = sorted(orgs, key=lambda o: (o.ownership != Ownership.STATE, o.credit_code))
    for org in builders[:CONTRACTING_ENTERPRISES]:
        for _ in range(rng.randrange(1, 4)):
            filings.append(make_filing(rng, org, Kind.CONTRACTING, countries[rng.choice(REGION_COUNTRIES[rng.choice(["asia", "asia", "africa", "africa"])])], rates))
    for org in builders[CONTRACTING_ENTERPRISES:CONTRACTING_ENTERPRISES + LABOUR_ENTERPRISES]:
        filings.append(make_filing(rng, org, Kind.LABOUR, countries[rng.choice(REGION_COUNTRIES["asia"] + REGION_COUNTRIES["africa"])], rates))
    return filings


def number_filed(filings):
    seq = {}
    for f in sorted(filings, key=lambda f: f.filed_at):
        prefix = {"investment": "湘境投备", "contracting": "湘承包备", "labour": "湘劳务备"}[f.kind] + f"〔{f.filed_at.year}〕"
        seq[prefix] = seq.get(prefix, 0) + 1
        f.number = f"{prefix}{seq[prefix]:05d}号"


def events_for(filings):
    """The transition log a filed project would have: submitted, city review, forwarded, filed."""
    events = []
    for f in filings:
        if f.is_province_level:
            steps = [("submit", State.DRAFT, State.PROVINCIAL_REVIEW)]
        else:
            steps = [("submit", State.DRAFT, State.SUBMITTED), ("start_review", State.SUBMITTED, State.CITY_REVIEW), ("forward", State.CITY_REVIEW, State.PROVINCIAL_REVIEW)]
        steps.append(("file", State.PROVINCIAL_REVIEW, State.FILED))
        events += [FilingEvent(filing=f, action=a, from_state=s, to_state=t, comment="") for a, s, t in steps]
    return events


def load(stdout):
    rng = random.Random(2026)
    orgs = demo_organizations(rng)
    existing = set(Organization.objects.filter(credit_code__in=[o.credit_code for o in orgs]).values_list("credit_code", flat=True))
    Organization.objects.bulk_create([o for o in orgs if o.credit_code not in existing], batch_size=500)
    saved = Organization.objects.in_bulk([o.credit_code for o in orgs], field_name="credit_code")
    orgs = [saved[o.credit_code] for o in orgs]
    if Filing.objects.filter(organization__in=orgs[:1]).exists():
        stdout.write("filings: demo filings already loaded")
    else:
        filings = demo_filings(rng, orgs, _countries(), usd_rates())
        number_filed(filings)
        with transaction.atomic():
            Filing.objects.bulk_create(filings, batch_size=1000)
            FilingEvent.objects.bulk_create(events_for(filings), batch_size=2000)
        stdout.write(f"filings: {len(orgs)} enterprises, {len(filings)} filed projects")
    load_workflow_examples(stdout)


def load_workflow_examples(stdout):
    """A few filings of the demo enterprise accounts in different states, moved by the real services."""
    from filings import services

    users = get_user_model().objects.in_bulk(["enterprise", "shaoyang_ent", "changsha_bureau", "dept_reviewer"], field_name="username")
    if len(users) < 4 or Filing.objects.filter(organization=users["enterprise"].organization).exists():
        return
    rng = random.Random(7)
    countries, rates = _countries(), usd_rates()
    plans = [
        ("enterprise", Kind.INVESTMENT, "VN", ["submit"]),
        ("enterprise", Kind.CONTRACTING, "KE", ["submit", "start_review"]),
        ("enterprise", Kind.INVESTMENT, "ID", ["submit", "start_review", "return"]),
        ("enterprise", Kind.INVESTMENT, "DE", ["submit", "start_review", "forward"]),
        ("enterprise", Kind.INVESTMENT, "TH", ["submit", "start_review", "forward", "file"]),
        ("enterprise", Kind.LABOUR, "SG", []),
        ("shaoyang_ent", Kind.INVESTMENT, "MY", ["submit"]),
    ]
    actors = {"submit": "owner", "start_review": "changsha_bureau", "forward": "changsha_bureau", "return": "changsha_bureau", "file": "dept_reviewer"}
    for owner, kind, code, steps in plans:
        org = users[owner].organization
        filing = make_filing(rng, org, kind, countries[code], rates, state=State.DRAFT)
        filing.created_by, filing.submitted_at, filing.state_changed_at = users[owner], None, None
        filing.save()
        if steps:  # a filing that was submitted carries the guide's required materials
            materials.attach_samples(filing, by=users[owner])
        for step in steps:
            by = users[owner] if actors[step] == "owner" else users[actors[step]]
            comment = "请补充境外企业注册文件及资金来源说明" if step == "return" else ""
            services.TRANSITION_SERVICES[step](filing, by=by, comment=comment)
    stdout.write("filings: demo workflow examples created")
