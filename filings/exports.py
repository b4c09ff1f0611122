"""XLSX export of a review queue, with personal data masked unless the user may see it."""

from io import BytesIO

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Font

from filings.selectors import time_in_state


def mask_name(name: str) -> str:
    return name[:1] + "*" * max(len(name) - 1, 1) if name else ""


def mask_phone(phone: str) -> str:
    if len(phone) < 7:
        return "*" * len(phone)
    return phone[:3] + "*" * (len(phone) - 7) + phone[-4:]


def mask_id(number: str) -> str:
    return number[:6] + "*" * (len(number) - 10) + number[-4:] if len(number) > 10 else "*" * len(number)


HEADERS = [
    "备案编号", "项目类型", "项目名称", "申报企业", "统一社会信用代码", "所属市州", "企业性质", "东道国(地区)", "行业门类",
    "中方主体", "外方主体", "金额", "币种", "折合美元", "开始日期", "结束日期", "派出人数", "状态", "在当前状态(天)",
    "提交时间", "备案时间", "联系人", "联系电话", "联系人身份证号",
]


def filings_workbook(filings, *, unmasked: bool) -> bytes:
    """The rows of ``filings`` as an XLSX file (bytes)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "项目备案"
    ws.append(HEADERS)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    now = timezone.now()
    for f in filings:
        name, phone, id_number = f.contact_name, f.contact_phone, f.contact_id_number
        if not unmasked:
            name, phone, id_number = mask_name(name), mask_phone(phone), mask_id(id_number)
        ws.append([
            f.number, f.get_kind_display(), f.project_name, f.organization.name, f.organization.credit_code, f.get_jurisdiction_display(),
            f.get_ownership_display(), f.country.name_zh, f"{f.industry_id} {f.industry.name_zh}", f.chinese_party, f.foreign_party,
            float(f.amount), f.currency, float(f.amount_usd), f.start_date, f.end_date, f.workers_sent, f.get_state_display(),
            time_in_state(f, now).days, _naive(f.submitted_at), _naive(f.filed_at), name, phone, id_number,
        ])
    out = BytesIO()
    wb.save(out)
    return out.getvalue()


def _naive(value):
    return timezone.localtime(value).replace(tzinfo=None) if value else None
