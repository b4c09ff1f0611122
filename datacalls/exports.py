"""XLSX export of one call: every visible target with its answers, the summary, completion by city."""

from io import BytesIO

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Font

from datacalls.selectors import TARGET_STATUS_LABELS, completion_by_city, display_value, summary


def _bold_header(ws, headers):
    ws.append(headers)
    for cell in ws[1]:
        cell.font = Font(bold=True)


def _naive(value):
    return timezone.localtime(value).replace(tzinfo=None) if value else None


def call_workbook(call, rows) -> bytes:
    """``rows`` from ``selectors.target_rows`` (already limited to what the user may see)."""
    fields = list(call.form_fields.all())
    wb = Workbook()
    ws = wb.active
    ws.title = "填报明细"
    _bold_header(ws, ["单位名称", "统一社会信用代码", "所属市州", "状态", "提交时间", *[f.label for f in fields]])
    for org, sub, status in rows:
        answers = []
        for f in fields:
            value = sub.data.get(f.clean_name) if sub else None
            if f.field_type == "number" and value not in (None, ""):
                answers.append(float(value))
            else:
                answers.append(display_value(f, value))
        ws.append([org.name, org.credit_code, org.get_jurisdiction_display(), TARGET_STATUS_LABELS[status],
                   _naive(sub.submitted_at) if sub else None, *answers])

    ws = wb.create_sheet("汇总")
    _bold_header(ws, ["字段", "已填数", "统计项", "数值", "占比(%)"])
    submitted = [sub for _org, sub, status in rows if sub is not None and sub.status == "submitted"]
    for item in summary(call, submitted):
        label = item["field"].label
        if item["kind"] == "number":
            for name in ("sum", "avg", "min", "max"):
                value = item[name]
                ws.append([label, item["answered"], {"sum": "合计", "avg": "平均", "min": "最小", "max": "最大"}[name],
                           float(value) if value is not None else None, None])
        elif item["kind"] == "choice":
            for option, n, pct in item["distribution"]:
                ws.append([label, item["answered"], option, n, pct])
        else:
            ws.append([label, item["answered"], "已填", item["answered"], None])

    ws = wb.create_sheet("市州完成率")
    _bold_header(ws, ["市州", "应报单位", "已提交", "完成率(%)"])
    by_city, total = completion_by_city(rows)
    for entry in by_city:
        ws.append([entry["city"], entry["targets"], entry["submitted"], entry["rate"]])
    ws.append(["合计", total["targets"], total["submitted"], total["rate"]])
    out = BytesIO()
    wb.save(out)
    return out.getvalue()
