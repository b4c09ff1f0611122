"""Proposing and reviewing changes to overseas institutions; only approved changes go live."""

from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.roles import DEPT_REVIEWER, OPERATOR_REVIEWER
from audit.services import log
from notifications.services import notify
from overseas.models import EDITABLE_FIELDS, ChangeState, InstitutionChange, OverseasInstitution
from overseas.selectors import is_reviewer, maintainer_org
from taxonomy.models import Country


def serialise(cleaned: dict) -> dict:
    data = {}
    for field in EDITABLE_FIELDS:
        value = cleaned.get(field)
        if isinstance(value, Country):
            value = value.pk
        elif isinstance(value, Decimal):
            value = str(value)
        data[field] = value if value is not None else ""
    return data


def _apply(institution, data):
    for field in EDITABLE_FIELDS:
        value = data.get(field, "")
        if field == "country":
            institution.country_id = value
        elif field == "founded_year":
            institution.founded_year = value or None
        elif field in ("latitude", "longitude"):
            setattr(institution, field, Decimal(value))
        else:
            setattr(institution, field, value)


def propose(*, by, cleaned: dict, institution=None, request=None) -> InstitutionChange:
    """Queue a change (or a new institution when ``institution`` is None) for review."""
    org = maintainer_org(by)
    if org is None:
        raise PermissionDenied(_("只有已认证机构的账号可以维护境外机构信息"))
    if institution is not None and institution.owner_id != org.pk:
        raise PermissionDenied(_("只能维护本机构的境外机构信息"))
    if institution is not None and InstitutionChange.objects.filter(institution=institution, state=ChangeState.PENDING).exists():
        raise ValidationError(_("该机构已有一份待审核的变更，请等待审核后再提交"))
    change = InstitutionChange.objects.create(institution=institution, organization=org, data=serialise(cleaned), submitted_by=by)
    log("overseas.propose", actor=by, request=request, target=change)
    reviewers = get_user_model().objects.filter(groups__name__in=[DEPT_REVIEWER.group_name, OPERATOR_REVIEWER.group_name], is_active=True).distinct()
    notify(list(reviewers), kind="overseas.change", title=_("境外机构信息待审核：%(name)s") % {"name": change.data["name"]}, url=reverse("overseas:change", args=[change.pk]))
    return change


@transaction.atomic
def review(change, *, by, decision: str, comment: str = "", request=None):
    if not is_reviewer(by):
        raise PermissionDenied(_("您无权审核境外机构信息"))
    if change.state != ChangeState.PENDING:
        raise ValidationError(_("该变更已审核过"))
    if decision == "reject" and not comment.strip():
        raise ValidationError(_("不通过时请填写理由"))
    if decision not in ("approve", "reject"):
        raise ValidationError(_("未知的审核结论"))
    if decision == "approve":
        institution = change.institution or OverseasInstitution(owner=change.organization)
        _apply(institution, change.data)
        institution.full_clean(exclude=["owner"])
        institution.save()
        change.institution = institution
        change.state = ChangeState.APPROVED
    else:
        change.state = ChangeState.REJECTED
    change.reviewed_by, change.reviewed_at, change.comment = by, timezone.now(), comment.strip()
    change.save()
    log(f"overseas.{decision}", actor=by, request=request, target=change)
    title = _("境外机构信息已生效：%(name)s") if decision == "approve" else _("境外机构信息未通过审核：%(name)s")
    notify(list(change.organization.members.filter(is_active=True)), kind=f"overseas.{decision}", title=title % {"name": change.data["name"]}, body=change.comment, url=reverse("overseas:mine"))


def diff(change) -> list[dict]:
    """Field-by-field comparison of the proposal with the live record."""
    from overseas.forms import InstitutionForm

    labels = {f: InstitutionForm.base_fields[f].label for f in EDITABLE_FIELDS}
    live = serialise({f: getattr(change.institution, f) for f in EDITABLE_FIELDS}) if change.institution else {}
    return [{"label": labels[f], "old": live.get(f, ""), "new": change.data.get(f, ""), "changed": str(live.get(f, "")) != str(change.data.get(f, ""))} for f in EDITABLE_FIELDS]
