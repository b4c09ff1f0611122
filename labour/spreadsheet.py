"""Reading an uploaded XLSX table whose first row names the columns (used by labour and aid imports).

``read_table(upload, columns)`` maps the header cells to field names and yields
``(row_number, {field: value})`` for every non-empty row; the row number is the one the
user sees in Excel. Problems with the file itself raise ``SpreadsheetError`` in the user's language.
"""

import zipfile
from datetime import date, datetime

from django.utils.translation import gettext as _
from openpyxl import load_workbook

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5000


class SpreadsheetError(Exception):
    """The file cannot be read as the expected table (not per-row problems)."""


def read_table(upload, columns: dict[str, str]):
    """``columns`` maps a header text (Chinese) to a field name. Returns a list of rows."""
    name = getattr(upload, "name", "") or ""
    if not name.lower().endswith(".xlsx"):
        raise SpreadsheetError(_("请上传 Excel 文件（.xlsx 格式）"))
    if getattr(upload, "size", 0) and upload.size > MAX_BYTES:
        raise SpreadsheetError(_("文件超过 5 MB，请拆分后分批导入"))
    try:
        workbook = load_workbook(upload, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise SpreadsheetError(_("无法读取该文件，请确认是 Excel（.xlsx）格式且未加密")) from exc
    sheet = workbook.worksheets[0]
    rows = sheet.iter_rows(values_only=True)
    header = next(rows, None)
    if header is None:
        raise SpreadsheetError(_("表格是空的"))
    header = [str(h).strip() if h is not None else "" for h in header]
    missing = [h for h in columns if h not in header]
    if missing:
        raise SpreadsheetError(_("表头缺少以下列：%(columns)s。请使用模板文件") % {"columns": _("、").join(missing)})
    index = {columns[h]: header.index(h) for h in columns}
    result = []
    for number, values in enumerate(rows, start=2):
        if values is None or all(v is None or str(v).strip() == "" for v in values):
            continue
        if len(result) >= MAX_ROWS:
            raise SpreadsheetError(_("一次最多导入 %(rows)s 行") % {"rows": MAX_ROWS})
        result.append((number, {field: _clean(values[i] if i < len(values) else None) for field, i in index.items()}))
    workbook.close()
    return result


def _clean(value):
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def template_workbook(headers: list[str], example: list | None = None) -> bytes:
    """An empty template (header row, optional example row) for users to fill in."""
    return workbook_bytes(headers, [example] if example else [])


def workbook_bytes(headers: list[str], rows) -> bytes:
    from io import BytesIO

    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(headers)
    for row in rows:
        ws.append(row)
    for i in range(len(headers)):
        ws.column_dimensions[chr(ord("A") + i)].width = 20
    out = BytesIO()
    wb.save(out)
    return out.getvalue()
