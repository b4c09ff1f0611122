"""XLSX export of the statistics tables: one sheet per dimension."""

from io import BytesIO

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from stats.selectors import DIMENSIONS


def statistics_workbook(tables: dict, totals: dict, *, filters: str) -> bytes:
    """The workbook in the active language: sheet names and headings are interface text."""
    headers = [_("项目数"), _("企业数"), _("金额(美元)"), _("占比")]
    wb = Workbook()
    ws = wb.active
    ws.title = _("合计")
    ws.append([_("筛选条件"), filters or _("全部")])
    ws.append([_("备案项目数"), totals["filings"]])
    ws.append([_("企业数"), totals["enterprises"]])
    ws.append([_("金额合计(美元)"), float(totals["amount_usd"])])
    for name, rows in tables.items():
        sheet = wb.create_sheet(str(DIMENSIONS[name].label))
        sheet.append([str(DIMENSIONS[name].column), *headers])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for r in rows:
            sheet.append([r["label"], r["filings"], r["enterprises"], float(r["amount_usd"]), round(r["share"], 4)])
            sheet.cell(row=sheet.max_row, column=5).number_format = "0.0%"
    out = BytesIO()
    wb.save(out)
    return out.getvalue()
