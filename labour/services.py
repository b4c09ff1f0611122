"""State changes of dispatch filings: create, import workers, submit, review. Each writes the audit log."""

from datetime import date

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.roles import DEPT_REVIEWER, city_bureau_role
from audit.services import log
from filings.selectors import enterprise_of
from labour.models import DispatchFiling, State, Worker, WorkerImport
from labour.selectors import can_edit, can_review, qualification_of
from labour.spreadsheet import read_table
from labour.workers import COLUMNS, check_rows
from notifications.services import notify


def create_filing(*, by, data: dict, request=None) -> DispatchFiling:
    """A new draft for the user's enterprise, which must hold a valid labour qualification."""
    org = enterprise_of(by)
    if org is None:
        raise PermissionDenied(_("只有已认证企业可以办理外派劳务备案"))
    if qualification_of(org) is None:
        raise PermissionDenied(_("本企业没有有效的对外劳务合作经营资格，不能办理外派劳务备案"))
    filing = DispatchFiling.objects.create(organization=org, jurisdiction=org.jurisdiction, created_by=by, **data)
    log("labour.create", actor=by, request=request, target=filing)
    return filing


def update_filing(filing, *, by, data: dict, request=None):
    if not can_edit(by, filing):
        raise PermissionDenied(_("该备案当前不能修改"))
    for field, value in data.items():
        setattr(filing, field, value)
    filing.save()
    log("labour.update", actor=by, request=request, target=filing)


def check_upload(filing, upload, *, by, request=None) -> WorkerImport:
    """Read and validate a worker list; stores the outcome, imports nothing yet.

    Raises ``labour.spreadsheet.SpreadsheetError`` when the file itself is unusable.
    """
    if not can_edit(by, filing):
        raise PermissionDenied(_("该备案当前不能修改人员名单"))
    valid, errors = check_rows(read_table(upload, COLUMNS))
    pending = WorkerImport.objects.create(filing=filing, uploaded_by=by, file_name=upload.name[:200], valid_rows=valid, errors=errors)
    log("labour.upload", actor=by, request=request, target=filing, detail={"file": upload.name, "valid": len(valid), "errors": len(errors)})
    return pending


WORKER_FIELDS = ("name", "gender", "passport_no", "job", "phone")


@transaction.atomic
def apply_import(pending: WorkerImport, *, by, request=None) -> dict:
    """Import the valid rows of ``pending``; an ID number already on the filing is updated."""
    filing = pending.filing
    if not can_edit(by, filing):
        raise PermissionDenied(_("该备案当前不能修改人员名单"))
    if pending.applied_at is not None:
        raise ValidationError(_("这份名单已经导入过了"))
    existing = {w.id_number: w for w in filing.workers.all()}
    new, changed = [], []
    for row in pending.valid_rows:
        fields = {k: row[k] for k in WORKER_FIELDS}
        fields["birth_date"] = date.fromisoformat(row["birth_date"])
        worker = existing.get(row["id_number"])
        if worker is None:
            new.append(Worker(filing=filing, id_number=row["id_number"], **fields))
        else:
            for k, v in fields.items():
                setattr(worker, k, v)
            changed.append(worker)
    Worker.objects.bulk_create(new, batch_size=500)
    Worker.objects.bulk_update(changed, [*WORKER_FIELDS, "birth_date"], batch_size=500)
    created, updated = len(new), len(changed)
    pending.applied_at = timezone.now()
    pending.valid_rows = []  # personal data is not kept twice
    pending.save(update_fields=["applied_at", "valid_rows"])
    filing.save(update_fields=["updated_at"])
    log("labour.import", actor=by, request=request, target=filing, detail={"created": created, "updated": updated, "skipped": len(pending.errors)})
    return {"created": created, "updated": updated, "skipped": len(pending.errors)}


def remove_worker(worker, *, by, request=None):
    if not can_edit(by, worker.filing):
        raise PermissionDenied(_("该备案当前不能修改人员名单"))
    log("labour.worker_remove", actor=by, request=request, target=worker.filing, detail={"worker": worker.pk})
    worker.delete()


def _reviewers(filing):
    User = get_user_model()
    groups = [city_bureau_role(filing.jurisdiction).group_name] if filing.jurisdiction != "province" else []
    groups.append(DEPT_REVIEWER.group_name)
    return list(User.objects.filter(groups__name__in=groups, is_active=True).distinct())


def _members(filing):
    return list(filing.organization.members.filter(is_active=True))


@transaction.atomic
def submit(filing, *, by, request=None):
    if not can_edit(by, filing):
        raise PermissionDenied(_("该备案当前不能提交"))
    count = filing.workers.count()
    if count == 0:
        raise ValidationError(_("请先导入外派人员名单"))
    if qualification_of(filing.organization) is None:
        raise ValidationError(_("本企业的对外劳务合作经营资格已失效，不能提交"))
    filing.state = State.SUBMITTED
    filing.submitted_at = timezone.now()
    filing.save()
    log("labour.submit", actor=by, request=request, target=filing, detail={"workers": count})
    url = reverse("labour:detail", args=[filing.pk])
    title = _("外派劳务备案待审核：%(organization)s") % {"organization": filing.organization.name}
    body = ngettext("%(project)s，%(count)s 人", "%(project)s，%(count)s 人", count) % {"project": filing.project_name, "count": count}
    notify(_reviewers(filing), kind="labour.submitted", title=title, body=body, url=url)


DECISIONS = {"approve": State.APPROVED, "return": State.RETURNED, "reject": State.REJECTED}


def _decision_title(decision, project):
    """The enterprise's notification of a decision, one sentence per outcome."""
    titles = {
        "approve": _("外派劳务备案已备案：%(project)s"),
        "return": _("外派劳务备案退回修改：%(project)s"),
        "reject": _("外派劳务备案不予备案：%(project)s"),
    }
    return titles[decision] % {"project": project}


@transaction.atomic
def review(filing, *, by, decision: str, comment: str = "", request=None):
    """City bureau (own city) or department decides a submitted filing; returning needs a reason."""
    if decision not in DECISIONS:
        raise ValidationError(_("未知的审核结论"))
    if not can_review(by, filing):
        raise PermissionDenied(_("您无权审核该备案"))
    if decision in ("return", "reject") and not comment.strip():
        raise ValidationError(_("退回或不予备案时必须填写理由"))
    state = DECISIONS[decision]
    filing.state = state
    filing.review_comment = comment.strip()
    filing.reviewed_by = by
    filing.reviewed_at = timezone.now()
    if state == State.APPROVED and not filing.number:
        filing.number = f"LW{filing.reviewed_at:%Y}{filing.pk:06d}"
    filing.save()
    log(f"labour.{decision}", actor=by, request=request, target=filing, detail={"comment": filing.review_comment})
    notify(_members(filing), kind=f"labour.{decision}", title=_decision_title(decision, filing.project_name), body=filing.review_comment, url=reverse("labour:detail", args=[filing.pk]))


def record_qualification(*, by, organization, certificate_no: str, valid_until, request=None):
    """The department records (or renews) an enterprise's labour-cooperation qualification."""
    from accounts.roles import DEPT_ADMIN, has_role
    from labour.models import Qualification

    if not (by.is_superuser or has_role(by, DEPT_ADMIN)):
        raise PermissionDenied(_("只有省商务厅管理员可以登记对外劳务合作经营资格"))
    qual, created = Qualification.objects.update_or_create(organization=organization, defaults={"certificate_no": certificate_no, "valid_until": valid_until})
    log("labour.qualification", actor=by, request=request, target=qual, detail={"certificate_no": certificate_no, "valid_until": str(valid_until), "created": created})
    return qual
