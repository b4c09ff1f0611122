"""XLSX export of the statistics tables: one sheet per dimension."""

from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Font

from stats.selectors import DIMENSIONS

HEADERS = ["项目数", "企业数", "金额(美元)", "占比"]


def statistics_workbook(tables: dict, totals: dict, *, filters: str) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "合计"
    ws.append(["筛选条件", filters or "全部"])
    ws.append(["备案项目数", totals["filings"]])
    ws.append(["企业数", totals["enterprises"]])
    ws.append(["金额合计(美元)", float(totals["amount_usd"])])
    for name, rows in tables.items():
        sheet = wb.create_sheet(DIMENSIONS[name].label)
        sheet.append([DIMENSIONS[name].label.removeprefix("按"), *HEADERS])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for r in rows:
            sheet.append([r["label"], r["filings"], r["enterprises"], float(r["amount_usd"]), round(r["share"], 4)])
            sheet.cell(row=sheet.max_row, column=5).number_format = "0.0%"
    out = BytesIO()
    wb.save(out)
    return out.getvalue()
