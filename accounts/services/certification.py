"""Certification of enterprises and institutions: apply (with the business licence), review, outcome.

One organisation per credit code (``Organization.credit_code`` is unique), so one certified
account per code; colleagues join it as members on the admin's invitation. The review is
done by the platform operator or by the commerce bureau of the organisation's city.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import CertificationRequest, CertificationStatus, Organization, OrgKind, OrgRole, RequestStatus, User, UserType
from accounts.selectors import can_review_certification
from audit.services import log
from notifications.services import notify


@dataclass
class OrganizationDetails:
    kind: str
    name: str
    credit_code: str  # already validated (accounts.credit_code.clean_credit_code)
    jurisdiction: str
    licence: object  # uploaded file, already validated (accounts.uploads.validate_licence)
    institution_type: str = ""
    ownership: str = ""


DUPLICATE_MESSAGE = gettext_lazy("该统一社会信用代码已有单位账号（已认证或正在审核）。如您是该单位员工，请联系单位管理员在用户中心邀请您加入。")


def check_code_available(credit_code: str, *, for_user=None):
    """Raise ``ValidationError`` if ``credit_code`` belongs to another account's organisation."""
    org = Organization.objects.filter(credit_code=credit_code).first()
    if org is None:
        return
    is_own = for_user is not None and for_user.organization_id == org.pk and for_user.org_role == OrgRole.ADMIN
    if is_own and org.status in (CertificationStatus.REJECTED, CertificationStatus.NONE):
        return
    if org.status in (CertificationStatus.NONE, CertificationStatus.REJECTED) and not org.members.filter(is_active=True).exists():
        return  # an abandoned application (e.g. its applicant cancelled the account)
    raise ValidationError(DUPLICATE_MESSAGE, code="duplicate")


@transaction.atomic
def submit_certification(user: User, details: OrganizationDetails, *, request=None) -> CertificationRequest:
    """File a certification request; ``user`` becomes (or stays) the organisation's admin."""
    if user.organization_id and user.org_role != OrgRole.ADMIN:
        raise PermissionDenied(_("只有单位管理员可以提交认证申请。"))
    other_org = user.organization if user.organization_id and user.organization.credit_code != details.credit_code else None
    if other_org is not None and other_org.status in (CertificationStatus.CERTIFIED, CertificationStatus.PENDING):
        raise ValidationError(_("您已属于一个单位，不能再为其他单位申请认证。"))
    check_code_available(details.credit_code, for_user=user)
    org = Organization.objects.select_for_update().filter(credit_code=details.credit_code).first()
    if org is not None and org.status == CertificationStatus.PENDING:
        raise ValidationError(_("该单位的认证申请正在审核中，请耐心等待。"))
    if org is None:
        org = Organization(credit_code=details.credit_code)
    org.kind = details.kind
    org.name = details.name
    org.jurisdiction = details.jurisdiction
    org.institution_type = details.institution_type if details.kind == OrgKind.INSTITUTION else ""
    org.ownership = details.ownership if details.kind == OrgKind.ENTERPRISE else ""
    org.status = CertificationStatus.PENDING
    org.save()
    req = CertificationRequest(
        organization=org,
        applicant=user,
        kind=details.kind,
        name=details.name,
        credit_code=details.credit_code,
        institution_type=org.institution_type,
        jurisdiction=details.jurisdiction,
        ownership=org.ownership,
        licence_name=(getattr(details.licence, "name", "") or "")[:200],
        submitted_at=timezone.now(),
    )
    req.licence.save(req.licence_name or "licence", details.licence, save=False)
    req.save()
    user.organization = org
    user.org_role = OrgRole.ADMIN
    user.user_type = UserType.ENTERPRISE if details.kind == OrgKind.ENTERPRISE else UserType.INSTITUTION
    user.save(update_fields=["organization", "org_role", "user_type"])
    log("certification.submit", actor=user, request=request, target=org, detail={"request": req.pk, "jurisdiction": org.jurisdiction})
    _notify_reviewers(req)
    return req


def _notify_reviewers(req: CertificationRequest):
    from accounts.selectors import certification_reviewers

    notify(
        certification_reviewers(req),
        kind="account.certification_review",
        title=_("新的认证申请待审核：%(name)s") % {"name": req.name},
        body=_("%(kind)s，%(jurisdiction)s") % {"kind": req.get_kind_display(), "jurisdiction": req.get_jurisdiction_display()},
        url=reverse("accounts:certification_detail", args=[req.pk]),
    )


@transaction.atomic
def decide(req: CertificationRequest, *, by: User, approve: bool, note: str = "", request=None) -> CertificationRequest:
    """Approve or reject a pending request (operator, or the bureau of the organisation's city)."""
    req = CertificationRequest.objects.select_for_update().select_related("organization").get(pk=req.pk)
    if not can_review_certification(by, req):
        raise PermissionDenied(_("您无权审核该认证申请。"))
    if req.status != RequestStatus.PENDING:
        raise ValidationError(_("该申请已经审核过了。"))
    if not approve and not note.strip():
        raise ValidationError(_("不通过时请填写原因，以便申请人修改后重新提交。"))
    now = timezone.now()
    req.status = RequestStatus.APPROVED if approve else RequestStatus.REJECTED
    req.reviewer, req.reviewed_at, req.decision_note = by, now, note.strip()
    req.save(update_fields=["status", "reviewer", "reviewed_at", "decision_note"])
    org = req.organization
    org.status = CertificationStatus.CERTIFIED if approve else CertificationStatus.REJECTED
    org.certified_at = now if approve else None
    org.save(update_fields=["status", "certified_at"])
    log(f"certification.{'approve' if approve else 'reject'}", actor=by, request=request, target=org, detail={"request": req.pk, "note": req.decision_note[:200]})
    admins = list(org.members.filter(org_role=OrgRole.ADMIN, is_active=True))
    if approve:
        title = _("%(organization)s 已通过认证") % {"organization": org.name}
        body = _("您的单位已完成认证，可以办理项目备案、发布对接信息等业务，并邀请同事加入。")
    else:
        title = _("%(organization)s 认证未通过") % {"organization": org.name}
        body = _("原因：%(reason)s。请在用户中心修改后重新提交。") % {"reason": req.decision_note}
    notify(admins, kind="account.certification", title=title, body=body, url=reverse("accounts:organization"))
    return req
