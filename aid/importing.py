"""Importing aid projects and trainees from spreadsheets: per-row checks, upsert by natural key.

A file with errors imports nothing unless the caller passes ``skip_invalid=True``; the whole
import runs in one transaction either way.
"""

from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from aid.models import AidKind, AidProject, AidTrainee, ImportRun
from aid.spreadsheet_format import CITY_SUFFIX, GENDERS, PROJECT_COLUMNS, PROVINCE_LEVEL, TRAINEE_COLUMNS
from labour.spreadsheet import read_table
from taxonomy.cities import SHORT_NAMES, Jurisdiction
from taxonomy.models import Country

DATASETS = {"projects": (AidProject, PROJECT_COLUMNS, ("code",)), "trainees": (AidTrainee, TRAINEE_COLUMNS, ("course_code", "passport_no"))}

CITY_BY_LABEL = ({label: value for value, label in Jurisdiction.choices} | {value: value for value in Jurisdiction.values}
                 | {short: str(city) for city, short in SHORT_NAMES.items()} | {PROVINCE_LEVEL: Jurisdiction.PROVINCE.value})


def kind_by_label() -> dict:
    """The aid kinds by their Chinese names (as the spreadsheet writes them) and by their codes.

    The labels are translated on pages; the file keeps the Chinese ones whatever the page's language.
    """
    with translation.override(settings.LANGUAGE_CODE):
        return {str(label): value for value, label in AidKind.choices} | {value: value for value in AidKind.values}


class Lookups:
    def __init__(self):
        self.countries = {}
        for c in Country.objects.all():
            for key in (c.code, c.alpha3, c.name_zh, c.name_en):
                if key:
                    self.countries[key.upper() if key.isascii() else key] = c
        self.kinds = kind_by_label()


def _country(value, lookups, errors, label):
    key = value.upper() if value.isascii() else value
    country = lookups.countries.get(key)
    if country is None:
        errors.append(_("%(column)s“%(value)s”无法识别（请填中文名称或 ISO 代码）") % {"column": label, "value": value})
    return country


def _year(value, errors):
    try:
        year = int(value)
    except ValueError:
        errors.append(_("年度应为四位数字"))
        return None
    if not 1950 <= year <= 2100:
        errors.append(_("年度超出范围"))
        return None
    return year


def _required(data, fields, errors, columns):
    labels = {v: k for k, v in columns.items()}
    for f in fields:
        if not data.get(f):
            errors.append(_("%(column)s不能为空") % {"column": labels[f]})


def _city(value, errors):
    city = CITY_BY_LABEL.get(value) or CITY_BY_LABEL.get(value.removesuffix(CITY_SUFFIX))
    if city is None:
        errors.append(_("市州“%(value)s”无法识别") % {"value": value})
    return city


def check_project(data, lookups):
    errors = []
    _required(data, ["code", "name", "kind", "country", "year", "city", "implementer"], errors, PROJECT_COLUMNS)
    if errors:
        return None, errors
    kind = lookups.kinds.get(data["kind"])
    if kind is None:
        errors.append(_("援助方式“%(value)s”不在规定的八类之中") % {"value": data["kind"]})
    amount = None
    if data.get("amount_wan"):
        try:
            amount = Decimal(data["amount_wan"].replace(",", ""))
            if amount < 0:
                raise InvalidOperation
        except InvalidOperation:
            errors.append(_("金额(万元)应为非负数字"))
    fields = {
        "code": data["code"][:40], "name": data["name"][:200], "kind": kind, "country": _country(data["country"], lookups, errors, _("受援国")),
        "year": _year(data["year"], errors), "city": _city(data["city"], errors), "implementer": data["implementer"][:200],
        "amount_wan": amount, "status": data.get("status", "")[:50], "summary": data.get("summary", ""),
    }
    return (None if errors else fields), errors


def check_trainee(data, lookups):
    errors = []
    _required(data, ["course_code", "course_name", "passport_no", "name", "country", "year", "city", "organiser"], errors, TRAINEE_COLUMNS)
    if errors:
        return None, errors
    gender = data.get("gender", "")
    if gender not in GENDERS:
        errors.append(_("性别应填“男”或“女”"))
    passport = data["passport_no"].upper().replace(" ", "")
    if not passport.isalnum() or not 5 <= len(passport) <= 20:
        errors.append(_("护照号应为 5–20 位字母或数字"))
    fields = {
        "course_code": data["course_code"][:40], "course_name": data["course_name"][:200], "passport_no": passport, "name": data["name"][:100],
        "gender": gender, "country": _country(data["country"], lookups, errors, _("国籍")), "year": _year(data["year"], errors),
        "city": _city(data["city"], errors), "organiser": data["organiser"][:200],
    }
    return (None if errors else fields), errors


CHECKERS = {"projects": check_project, "trainees": check_trainee}


def import_file(dataset, upload, *, by, skip_invalid=False) -> ImportRun:
    """Check every row; write nothing if any row fails unless ``skip_invalid``. Returns the run."""
    model, columns, key_fields = DATASETS[dataset]
    rows = read_table(upload, columns)
    lookups, check = Lookups(), CHECKERS[dataset]
    valid, errors, seen = [], [], {}
    for number, data in rows:
        fields, messages = check(data, lookups)
        if fields is not None:
            key = tuple(fields[k] for k in key_fields)
            if key in seen:
                messages = [_("与第 %(row)s 行重复") % {"row": seen[key]}]
            else:
                seen[key] = number
                valid.append(fields)
                continue
        errors.append({"row": number, "messages": messages})
    run = ImportRun(dataset=dataset, file_name=upload.name[:200], errors=errors, by=by)
    if errors and not skip_invalid:
        run.save()
        return run
    with transaction.atomic():
        run.created, run.updated, run.unchanged = _upsert(model, key_fields, valid)
        run.applied = True
        run.save()
    return run


def _upsert(model, key_fields, rows) -> tuple[int, int, int]:
    """Create new records and update changed existing ones (matched on ``key_fields``) in bulk.

    Returns ``(created, updated, unchanged)``; unchanged records are not written at all, so
    re-importing the same file is cheap.
    """
    def key_of(obj_or_row):
        get = obj_or_row.get if isinstance(obj_or_row, dict) else lambda f: getattr(obj_or_row, f)
        return tuple(get(f) for f in key_fields)

    first = key_fields[0]
    existing = {key_of(o): o for o in model.objects.filter(**{f"{first}__in": {r[first] for r in rows}})}
    to_create, to_update = [], []
    update_fields = [f for f in rows[0] if f not in key_fields] if rows else []
    now, unchanged = timezone.now(), 0
    for row in rows:
        obj = existing.get(key_of(row))
        if obj is None:
            to_create.append(model(**row))
        else:
            changed = [f for f in update_fields if _differs(obj, f, row[f])]
            if not changed:
                unchanged += 1
                continue
            for f in changed:
                setattr(obj, f, row[f])
            obj.updated_at = now  # bulk_update skips auto_now
            to_update.append(obj)
    model.objects.bulk_create(to_create, batch_size=500)
    if to_update:
        model.objects.bulk_update(to_update, [*update_fields, "updated_at"], batch_size=500)
    return len(to_create), len(to_update), unchanged


def _differs(obj, field, new) -> bool:
    """Compare without loading related objects (a foreign key is compared by its id)."""
    if hasattr(new, "pk"):
        return getattr(obj, f"{field}_id") != new.pk
    return getattr(obj, field) != new
