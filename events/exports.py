"""Registrations as an XLSX workbook, and an event as an iCalendar (.ics) file."""

from datetime import UTC
from io import BytesIO

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook
from openpyxl.styles import Font

from accounts.mobile import mask_mobile

HEADERS = [
    gettext_lazy("报名编号"), gettext_lazy("报名时间"), gettext_lazy("状态"), gettext_lazy("候补序号"), gettext_lazy("报名单位"),
    gettext_lazy("统一社会信用代码"), gettext_lazy("报名账号"), gettext_lazy("参会人"), gettext_lazy("手机号"), gettext_lazy("入场码"), gettext_lazy("签到时间"),
]


def registrations_workbook(event, registrations, *, unmasked: bool) -> bytes:
    """One row per attendee; mobile numbers masked (138****5678) unless ``unmasked``."""
    asked = event.asked_field_labels
    wb = Workbook()
    ws = wb.active
    ws.title = _("报名名单")
    ws.append([*(str(h) for h in HEADERS), *(str(label) for _code, label in asked), _("备注")])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for reg in registrations:
        for a in reg.attendees.all():
            ws.append([
                reg.pk, _naive(reg.created_at), reg.get_status_display(), reg.position, reg.organization.name if reg.organization else _("个人"),
                reg.organization.credit_code if reg.organization else "", reg.user.get_username(), a.name,
                a.mobile if unmasked else mask_mobile(a.mobile), a.code, _naive(a.checked_in_at),
                *[a.answers.get(code, "") for code, _label in asked], reg.note,
            ])
    ws.freeze_panes = "A2"
    out = BytesIO()
    wb.save(out)
    return out.getvalue()


def _naive(value):
    return timezone.localtime(value).replace(tzinfo=None) if value else None


def _ics_text(value: str) -> str:
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n")


def _fold(line: str) -> list[str]:
    """RFC 5545 §3.1: lines longer than 75 octets continue on the next line after a space."""
    out, current = [], ""
    for ch in line:
        if len((current + ch).encode()) > 75:
            out.append(current)
            current = " " + ch
        else:
            current += ch
    return [*out, current]


def event_ics(event, *, url: str) -> str:
    fmt = "%Y%m%dT%H%M%SZ"
    utc = UTC
    lines = [
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Hunan Going Global+//Events//ZH", "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "BEGIN:VEVENT",
        f"UID:event-{event.pk}@xqch", f"DTSTAMP:{timezone.now().astimezone(utc):{fmt}}",
        f"DTSTART:{event.starts_at.astimezone(utc):{fmt}}", f"DTEND:{event.ends_at.astimezone(utc):{fmt}}",
        f"SUMMARY:{_ics_text(event.title)}", f"DESCRIPTION:{_ics_text(event.summary + chr(10) + url)}",
        f"LOCATION:{_ics_text(event.venue or event.online_url or event.place)}", f"URL:{url}",
        "STATUS:CANCELLED" if event.status == "cancelled" else "STATUS:CONFIRMED", "END:VEVENT", "END:VCALENDAR",
    ]
    return "\r\n".join(part for line in lines for part in _fold(line)) + "\r\n"

