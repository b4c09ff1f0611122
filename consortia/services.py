"""Changes in 抱团出海: post, invite, apply, answer, close. Audited; each step notifies the other side."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import OrgKind, OrgRole
from audit.services import log
from consortia.models import Consortium, ConsortiumStatus, Membership, MemberState, Role
from consortia.selectors import acting_org, can_join, is_lead_admin
from notifications.services import notify


def _admins(org):
    return list(org.members.filter(is_active=True, org_role=OrgRole.ADMIN))


def _url(consortium):
    return reverse("consortia:detail", args=[consortium.pk])


@transaction.atomic
def create(*, by, data: dict, roles: list[dict], request=None) -> Consortium:
    """Post an opportunity as the lead; ``roles`` are ``{"name", "description", "slots"}``."""
    org = acting_org(by)
    if org is None or org.kind != OrgKind.ENTERPRISE:
        raise PermissionDenied(_("只有已认证企业的管理员可以牵头发起抱团出海项目"))
    if not roles:
        raise ValidationError(_("请至少列出一个招募角色"))
    consortium = Consortium.objects.create(lead=org, created_by=by, **data)
    Role.objects.bulk_create(Role(consortium=consortium, **r) for r in roles)
    Membership.objects.create(consortium=consortium, organization=org, is_lead=True, state=MemberState.ACCEPTED, created_by=by, decided_at=timezone.now())
    log("consortia.create", actor=by, request=request, target=consortium)
    return consortium


def _check_role(consortium, role):
    if role is not None and role.consortium_id != consortium.pk:
        raise ValidationError(_("所选角色不属于该项目"))


def _check_open(consortium):
    if consortium.status != ConsortiumStatus.OPEN:
        raise ValidationError(_("该项目已结束招募"))


@transaction.atomic
def invite(consortium, *, by, organization, role=None, message="", request=None) -> Membership:
    """The lead invites a certified organisation as a partner."""
    if not is_lead_admin(by, consortium):
        raise PermissionDenied(_("只有牵头企业的管理员可以邀请合作伙伴"))
    _check_open(consortium)
    _check_role(consortium, role)
    if not can_join(organization):
        raise ValidationError(_("只能邀请已认证的企业或服务机构"))
    if Membership.objects.filter(consortium=consortium, organization=organization).exists():
        raise ValidationError(_("“%(name)s”已被邀请、已申请或已是成员") % {"name": organization.name})
    membership = Membership.objects.create(
        consortium=consortium, organization=organization, role=role, state=MemberState.INVITED, message=message[:1000], created_by=by
    )
    log("consortia.invite", actor=by, request=request, target=membership, detail={"org": organization.pk})
    notify(_admins(organization), kind="consortia.invited", title=_("%(lead)s 邀请贵单位加入抱团出海项目：%(title)s") % {"lead": consortium.lead.name, "title": consortium.title}, body=message, url=_url(consortium))
    return membership


@transaction.atomic
def apply(consortium, *, by, role=None, message="", request=None) -> Membership:
    """A certified organisation applies to join."""
    org = acting_org(by)
    if not can_join(org):
        raise PermissionDenied(_("只有已认证企业或机构的管理员可以申请加入"))
    _check_open(consortium)
    _check_role(consortium, role)
    if Membership.objects.filter(consortium=consortium, organization=org).exists():
        raise ValidationError(_("贵单位已申请、已被邀请或已是成员"))
    membership = Membership.objects.create(consortium=consortium, organization=org, role=role, state=MemberState.APPLIED, message=message[:1000], created_by=by)
    log("consortia.apply", actor=by, request=request, target=membership)
    notify(_admins(consortium.lead), kind="consortia.applied", title=_("%(org)s 申请加入抱团出海项目：%(title)s") % {"org": org.name, "title": consortium.title}, body=message, url=_url(consortium))
    return membership


@transaction.atomic
def answer(membership, *, by, accept: bool, request=None) -> Membership:
    """Accept or decline: the invited organisation answers an invitation, the lead answers an application."""
    consortium = membership.consortium
    if membership.state == MemberState.INVITED:
        allowed = acting_org(by) is not None and by.organization_id == membership.organization_id
        recipients = _admins(consortium.lead)
        title = _("%(org)s 接受了抱团出海项目“%(title)s”的邀请") if accept else _("%(org)s 婉拒了抱团出海项目“%(title)s”的邀请")
        title = title % {"org": membership.organization.name, "title": consortium.title}
    elif membership.state == MemberState.APPLIED:
        allowed = is_lead_admin(by, consortium)
        recipients = _admins(membership.organization)
        title = _("%(lead)s 接受了贵单位加入抱团出海项目“%(title)s”的申请") if accept else _("%(lead)s 婉拒了贵单位加入抱团出海项目“%(title)s”的申请")
        title = title % {"lead": consortium.lead.name, "title": consortium.title}
    else:
        raise ValidationError(_("该邀请或申请已处理"))
    if not allowed:
        raise PermissionDenied(_("您无权处理该邀请或申请"))
    if accept:
        _check_open(consortium)
    membership.state = MemberState.ACCEPTED if accept else MemberState.DECLINED
    membership.decided_at = timezone.now()
    membership.save(update_fields=["state", "decided_at"])
    log("consortia.accept" if accept else "consortia.decline", actor=by, request=request, target=membership)
    notify(recipients, kind="consortia.accepted" if accept else "consortia.declined", title=title, url=_url(consortium))
    return membership


def close(consortium, *, by, request=None):
    if not is_lead_admin(by, consortium):
        raise PermissionDenied(_("只有牵头企业的管理员可以结束招募"))
    consortium.status = ConsortiumStatus.CLOSED
    consortium.save(update_fields=["status"])
    log("consortia.close", actor=by, request=request, target=consortium)
