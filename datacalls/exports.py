"""XLSX export of one call: every visible target with its answers, the summary, completion by city.

Sheet names, headers and the words in cells are in the language of the request; the answers and
the organisations' and cities' names are as stored."""

from io import BytesIO

from django.utils import timezone
from django.utils.translation import gettext as _
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
    ws.title = _("填报明细")
    _bold_header(ws, [_("单位名称"), _("统一社会信用代码"), _("所属市州"), _("状态"), _("提交时间"), *[f.label for f in fields]])
    for org, sub, status in rows:
        answers = []
        for f in fields:
            value = sub.data.get(f.clean_name) if sub else None
            if f.field_type == "number" and value not in (None, ""):
                answers.append(float(value))
            else:
                answers.append(display_value(f, value))
        ws.append([org.name, org.credit_code, str(org.get_jurisdiction_display()), str(TARGET_STATUS_LABELS[status]),
                   _naive(sub.submitted_at) if sub else None, *answers])

    ws = wb.create_sheet(_("汇总"))
    _bold_header(ws, [_("字段"), _("已填数"), _("统计项"), _("数值"), _("占比(%)")])
    submitted = [sub for _org, sub, status in rows if sub is not None and sub.status == "submitted"]
    statistics = {"sum": _("合计"), "avg": _("平均"), "min": _("最小"), "max": _("最大")}
    for item in summary(call, submitted):
        label = item["field"].label
        if item["kind"] == "number":
            for name in ("sum", "avg", "min", "max"):
                value = item[name]
                ws.append([label, item["answered"], statistics[name],
                           float(value) if value is not None else None, None])
        elif item["kind"] == "choice":
            for option, n, pct in item["distribution"]:
                ws.append([label, item["answered"], option, n, pct])
        else:
            ws.append([label, item["answered"], _("已填"), item["answered"], None])

    ws = wb.create_sheet(_("市州完成率"))
    _bold_header(ws, [_("市州"), _("应报单位"), _("已提交"), _("完成率(%)")])
    by_city, total = completion_by_city(rows)
    for entry in by_city:
        ws.append([str(entry["city"]), entry["targets"], entry["submitted"], entry["rate"]])
    ws.append([_("合计"), total["targets"], total["submitted"], total["rate"]])
    out = BytesIO()
    wb.save(out)
    return out.getvalue()
