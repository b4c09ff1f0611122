"""Checking a worker list: Chinese resident ID numbers, passport numbers, per-row errors, masking."""

import re
from datetime import date

from django.utils.translation import gettext as _
from stdnum.cn import ric
from stdnum.exceptions import InvalidChecksum, InvalidComponent, InvalidFormat, InvalidLength, ValidationError

from labour.spreadsheet_format import COLUMNS, FEMALE, GENDERS, MALE, TEMPLATE_EXAMPLE  # noqa: F401 (the list's columns, read from here too)

# Chinese ordinary passports: E + 8 digits, or E + letter + 7 digits (2012 onwards); older G/P/S/D.
PASSPORT_RE = re.compile(r"^(E[A-HJ-NP-Z0-9]\d{7}|[EGPSD]\d{8})$")
PHONE_RE = re.compile(r"^1\d{10}$|^[0-9+\-() ]{6,20}$")


def check_id_number(value: str) -> tuple[str, date | None, str]:
    """Return ``(normalised, birth_date, error)``; ``error`` is empty when the number is valid."""
    number = value.strip().upper().replace(" ", "")
    if not number:
        return number, None, _("身份证号不能为空")
    try:
        number = ric.validate(number)
    except InvalidLength:
        return number, None, _("身份证号应为 18 位")
    except InvalidFormat:
        return number, None, _("身份证号格式不正确（前 17 位须为数字，末位为数字或 X）")
    except InvalidChecksum:
        return number, None, _("身份证号校验位不正确，请核对")
    except InvalidComponent:
        return number, None, _("身份证号中的出生日期无效")
    except ValidationError:
        return number, None, _("身份证号无效")
    birth = ric.get_birth_date(number)
    if birth > date.today():
        return number, None, _("身份证号中的出生日期晚于今天")
    return number, birth, ""


def age_on(birth: date, day: date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def check_row(data: dict, today: date | None = None) -> tuple[dict, list[str]]:
    """Validate one spreadsheet row; returns the cleaned row and a list of error messages."""
    today = today or date.today()
    errors = []
    name = data.get("name", "")
    if not name:
        errors.append(_("姓名不能为空"))
    elif len(name) > 50:
        errors.append(_("姓名过长"))
    raw_gender = data.get("gender", "").strip()
    gender = GENDERS.get(raw_gender.upper() if raw_gender.isascii() else raw_gender)
    if gender is None:
        errors.append(_("性别应填“男”或“女”"))
    number, birth, id_error = check_id_number(data.get("id_number", ""))
    if id_error:
        errors.append(id_error)
    else:
        age = age_on(birth, today)
        if age < 18:
            errors.append(_("年龄 %(age)s 岁，未满 18 周岁不得外派") % {"age": age})
        expected = MALE if int(number[16]) % 2 else FEMALE
        if gender and gender != expected:
            errors.append(_("性别与身份证号不符（身份证号显示为男）") if expected == MALE else _("性别与身份证号不符（身份证号显示为女）"))
    passport = data.get("passport_no", "").strip().upper()
    if not passport:
        errors.append(_("护照号不能为空"))
    elif not PASSPORT_RE.match(passport):
        errors.append(_("护照号格式不正确（如 E12345678 或 EA1234567）"))
    phone = data.get("phone", "")
    if phone and not PHONE_RE.match(phone):
        errors.append(_("联系电话格式不正确"))
    cleaned = {
        "name": name[:50], "gender": gender or "", "id_number": number, "birth_date": birth.isoformat() if birth else "",
        "passport_no": passport, "job": data.get("job", "")[:100], "phone": phone[:20],
    }
    return cleaned, errors


def check_rows(rows) -> tuple[list[dict], list[dict]]:
    """Validate ``(row_number, data)`` pairs; duplicates within the file are errors too.

    Returns ``(valid_rows, errors)`` with errors as ``{"row": n, "messages": [...]}``.
    """
    valid, errors, seen = [], [], {}
    for number, data in rows:
        cleaned, messages = check_row(data)
        key = cleaned["id_number"]
        if key and not messages:
            if key in seen:
                messages.append(_("身份证号与第 %(row)s 行重复") % {"row": seen[key]})
            else:
                seen[key] = number
        if messages:
            errors.append({"row": number, "name": mask_name(cleaned["name"]), "messages": messages})
        else:
            valid.append({"row": number, **cleaned})
    return valid, errors


def gender_label(gender: str) -> str:
    """A stored gender (男 or 女) in the page's language."""
    return {MALE: _("男"), FEMALE: _("女")}.get(gender, gender)


def mask_id_number(number: str) -> str:
    """4301********1234: the province/city prefix and the last four stay visible."""
    if len(number) <= 8:
        return "*" * len(number)
    return number[:4] + "*" * (len(number) - 8) + number[-4:]


def mask_passport(number: str) -> str:
    if len(number) <= 4:
        return "*" * len(number)
    return number[:1] + "*" * (len(number) - 4) + number[-3:]


def mask_name(name: str) -> str:
    return name[:1] + "*" * (len(name) - 1) if len(name) > 1 else name
