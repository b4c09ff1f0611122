"""XLSX export of a review queue, with personal data masked unless the user may see it."""

from io import BytesIO

from django.utils import timezone
from django.utils.translation import gettext as _
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


def headers() -> list[str]:
    """The column headings, in the language of the user exporting."""
    return [
        _("备案编号"), _("项目类型"), _("项目名称"), _("申报企业"), _("统一社会信用代码"), _("所属市州"), _("企业性质"), _("东道国(地区)"), _("行业门类"),
        _("中方主体"), _("外方主体"), _("金额"), _("币种"), _("折合美元"), _("开始日期"), _("结束日期"), _("派出人数"), _("状态"), _("在当前状态(天)"),
        _("提交时间"), _("备案时间"), _("联系人"), _("联系电话"), _("联系人身份证号"),
    ]


def filings_workbook(filings, *, unmasked: bool) -> bytes:
    """The rows of ``filings`` as an XLSX file (bytes)."""
    wb = Workbook()
    ws = wb.active
    ws.title = _("项目备案")
    ws.append(headers())
    for cell in ws[1]:
        cell.font = Font(bold=True)
    now = timezone.now()
    for f in filings:
        name, phone, id_number = f.contact_name, f.contact_phone, f.contact_id_number
        if not unmasked:
            name, phone, id_number = mask_name(name), mask_phone(phone), mask_id(id_number)
        ws.append([
            f.number, str(f.get_kind_display()), f.project_name, f.organization.name, f.organization.credit_code, str(f.get_jurisdiction_display()),
            str(f.get_ownership_display()), f.country.display_name, f"{f.industry_id} {f.industry.name_zh}", f.chinese_party, f.foreign_party,
            float(f.amount), f.currency, float(f.amount_usd), f.start_date, f.end_date, f.workers_sent, str(f.get_state_display()),
            time_in_state(f, now).days, _naive(f.submitted_at), _naive(f.filed_at), name, phone, id_number,
        ])
    out = BytesIO()
    wb.save(out)
    return out.getvalue()


def _naive(value):
    return timezone.localtime(value).replace(tzinfo=None) if value else None
