"""Demo data calls: a province-wide survey of outward investors (about a fifth already answered)
and a 长沙 safety check with a file upload. The demo account ``enterprise`` has not answered
either yet, so the whole journey can be tried. Seeded, so a reload gives the same rows."""

import random
from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from accounts.models import User
from datacalls.models import Audience, CallStatus, DataCall, DataCallField, Submission, SubmissionStatus
from datacalls.selectors import target_orgs

ORDER = 70

SURVEY = {
    "title": "2026 年度对外投资企业经营情况调查",
    "instructions": "请已备案境外投资项目的企业如实填报 2025 年度境外企业经营情况，金额单位为万美元。数据仅用于全省对外投资统计分析。",
    "audience": Audience.FILING_KIND, "audience_filing_kinds": ["investment"],
}
SURVEY_FIELDS = [
    ("境外企业数量（家）", "number", True, ""),
    ("2025 年境外营业收入（万美元）", "number", True, ""),
    ("2025 年境外利润总额（万美元）", "number", False, ""),
    ("境外雇佣外方员工（人）", "number", True, ""),
    ("经营状况", "radio", True, "盈利\n持平\n亏损"),
    ("面临的主要困难", "checkboxes", False, "融资难\n汇率波动\n用工与签证\n东道国政策变化\n安全风险\n市场竞争"),
    ("意见和建议", "multiline", False, ""),
]
SAFETY = {
    "title": "境外项目安全风险排查",
    "instructions": "请在长沙有境外项目的企业排查在外人员和项目安全风险，上传本企业境外安全应急预案。",
    "audience": Audience.ALL, "owner_city": "changsha",
}
SAFETY_FIELDS = [
    ("在外中方人员数（人）", "number", True, ""),
    ("风险等级自评", "dropdown", True, "低\n中\n高"),
    ("最近一次应急演练日期", "date", False, ""),
    ("境外安全应急预案", "file", True, ""),
]


def _call(spec, fields, *, created_by, opens, closes):
    call = DataCall.objects.filter(title=spec["title"]).first()
    if call is not None:
        return call, False
    call = DataCall.objects.create(**spec, opens_at=opens, closes_at=closes, status=CallStatus.PUBLISHED, published_at=opens, created_by=created_by)
    for order, (label, kind, required, choices) in enumerate(fields):
        DataCallField.objects.create(call=call, label=label, field_type=kind, required=required, choices=choices, sort_order=order,
                                     file_extensions="pdf,docx" if kind == "file" else "pdf,docx,xlsx,jpg,png")
    return call, True


def load(stdout):
    now = timezone.now()
    rng = random.Random(2026)
    admin = User.objects.filter(username="dept_admin").first()
    bureau = User.objects.filter(username="changsha_bureau").first()
    demo_org_ids = set(User.objects.filter(username__in=["enterprise", "shaoyang_ent"]).values_list("organization_id", flat=True))

    survey, created = _call(SURVEY, SURVEY_FIELDS, created_by=admin, opens=now - timedelta(days=10), closes=now + timedelta(days=20))
    if created:
        fields = list(survey.form_fields.all())
        orgs = [o for o in target_orgs(survey).order_by("pk") if o.pk not in demo_org_ids]
        chosen = rng.sample(orgs, min(len(orgs), len(orgs) // 5))
        rows = []
        for org in chosen:
            revenue = Decimal(rng.randint(50, 20000))
            data = {
                fields[0].clean_name: str(rng.randint(1, 6)),
                fields[1].clean_name: str(revenue),
                fields[2].clean_name: str((revenue * Decimal(rng.randint(-15, 20)) / 100).quantize(Decimal("1"))),
                fields[3].clean_name: str(rng.randint(5, 800)),
                fields[4].clean_name: rng.choices(["盈利", "持平", "亏损"], weights=[55, 25, 20])[0],
                fields[5].clean_name: rng.sample(["融资难", "汇率波动", "用工与签证", "东道国政策变化", "安全风险", "市场竞争"], rng.randint(0, 3)),
                fields[6].clean_name: "",
            }
            submitted = rng.random() < 0.85
            rows.append(Submission(call=survey, organization=org, data=data,
                                   status=SubmissionStatus.SUBMITTED if submitted else SubmissionStatus.DRAFT,
                                   submitted_at=now - timedelta(days=rng.randint(0, 9), hours=rng.randint(0, 23)) if submitted else None))
        Submission.objects.bulk_create(rows, ignore_conflicts=True)
        stdout.write(f"datacalls: “{survey.title}” with {len(rows)} submissions")

    safety, created = _call(SAFETY, SAFETY_FIELDS, created_by=bureau, opens=now - timedelta(days=20), closes=now + timedelta(days=2))
    if created:
        fields = list(safety.form_fields.all())
        orgs = [o for o in target_orgs(safety).order_by("pk") if o.pk not in demo_org_ids][:40]
        rows = [Submission(call=safety, organization=org, status=SubmissionStatus.SUBMITTED, submitted_at=now - timedelta(days=rng.randint(1, 15)),
                           data={fields[0].clean_name: str(rng.randint(0, 60)), fields[1].clean_name: rng.choice(["低", "低", "中", "高"]),
                                 fields[2].clean_name: (now.date() - timedelta(days=rng.randint(10, 300))).isoformat()})
                for org in orgs]
        Submission.objects.bulk_create(rows, ignore_conflicts=True)
        stdout.write(f"datacalls: “{safety.title}” with {len(rows)} submissions")
