"""Demo 外派劳务备案: the demo enterprise holds a labour qualification and has two dispatches.

One dispatch is approved with a small worker list, the other is a draft waiting for its list,
so the archive shows a next step. ID numbers are generated with valid check digits.
"""

from datetime import date, timedelta

from stdnum.cn import ric

from accounts.models import Organization
from labour.models import DispatchFiling, Qualification, State, Worker

ORDER = 62
ENTERPRISE_CODE = "91430100MA4L0AXX1D"  # 湖南示范工程机械有限公司 (accounts demo)
NAMES = ["陈志强", "刘建华", "王海波", "李国平", "张卫东", "周立新", "谭永红", "彭文军"]


def _id_number(i):
    body = f"430102{1980 + i}0{(i % 9) + 1}1{i % 10}{i % 10}{1 + 2 * (i % 4)}"
    return body + ric.calc_check_digit(body + "0")


def load(stdout):
    org = Organization.objects.filter(credit_code=ENTERPRISE_CODE).first()
    if org is None:
        stdout.write("labour demo: demo enterprise missing, skipped")
        return
    Qualification.objects.get_or_create(organization=org, defaults={"certificate_no": "湘劳合 2024-017", "valid_until": date(2029, 12, 31)})
    approved, created = DispatchFiling.objects.get_or_create(
        organization=org, project_name="新加坡裕廊住宅项目钢结构安装",
        defaults={"jurisdiction": org.jurisdiction, "country_id": "SG", "employer": "Jurong Demo Builders Pte. Ltd.", "job_category": "钢结构安装工",
                  "planned_workers": len(NAMES), "start_date": date(2026, 3, 1), "end_date": date(2028, 2, 29), "contact_name": "示范企业管理员",
                  "contact_phone": "0731-88886666", "state": State.APPROVED, "number": "LW2026000001"},
    )
    if created:
        Worker.objects.bulk_create(
            Worker(filing=approved, name=name, gender="男", id_number=_id_number(i), birth_date=ric.get_birth_date(_id_number(i)),
                   passport_no=f"E{71230000 + i}", job="钢结构安装工")
            for i, name in enumerate(NAMES)
        )
    DispatchFiling.objects.get_or_create(
        organization=org, project_name="沙特吉达物流园机电安装",
        defaults={"jurisdiction": org.jurisdiction, "country_id": "SA", "employer": "Jeddah Demo Contracting Co.", "job_category": "电工",
                  "planned_workers": 12, "start_date": date.today() + timedelta(days=45), "end_date": date.today() + timedelta(days=45 + 730),
                  "contact_name": "示范企业管理员", "contact_phone": "0731-88886666"},
    )
