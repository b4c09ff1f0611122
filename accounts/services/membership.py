"""Members of an organisation: invited by its admin (by mobile number), removed, admin handed over."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.mobile import mask_mobile
from accounts.models import Invitation, OrgRole, User
from accounts.services.registration import account_type_for
from accounts.sms import SmsError, send_sms
from accounts.sms_texts import invitation_text
from audit.services import log
from notifications.services import notify


def _require_admin(user, org):
    if not (user.is_authenticated and user.organization_id == org.pk and user.org_role == OrgRole.ADMIN and user.is_active):
        raise PermissionDenied(_("只有单位管理员可以管理成员。"))


def open_invitation(token: str) -> Invitation | None:
    now = timezone.now()
    return (
        Invitation.objects.select_related("organization")
        .filter(token=token, accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=now)
        .first()
    )


@transaction.atomic
def invite_member(org, mobile: str, *, by: User, request=None) -> Invitation:
    """Invite the holder of ``mobile`` to join ``org``; the link goes by SMS (and in-site message if registered)."""
    _require_admin(by, org)
    if not org.is_certified:
        raise ValidationError(_("单位通过认证后才能邀请成员。"))
    if org.members.filter(mobile=mobile, is_active=True).exists():
        raise ValidationError(_("该手机号的用户已是本单位成员。"))
    if Invitation.objects.filter(organization=org, mobile=mobile, accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now()).exists():
        raise ValidationError(_("已向该手机号发出邀请，尚未过期。"))
    invitation = Invitation.objects.create(
        organization=org,
        mobile=mobile,
        token=secrets.token_urlsafe(32),
        invited_by=by,
        expires_at=timezone.now() + timedelta(days=settings.INVITATION_TTL_DAYS),
    )
    path = reverse("accounts:invitation", args=[invitation.token])
    link = request.build_absolute_uri(path) if request is not None else f"{settings.SITE_URL}{path}"
    try:
        send_sms(mobile, invitation_text(by.display_name, org.name, settings.INVITATION_TTL_DAYS, link))
    except SmsError as exc:
        raise ValidationError(_("邀请短信发送失败，请稍后重试。")) from exc
    existing = User.objects.filter(mobile=mobile, is_active=True).first()
    if existing is not None:
        notify([existing], kind="account.invitation", title=_("%(organization)s 邀请您加入") % {"organization": org.name}, body=_("接受邀请后，您可以代表该单位办理业务。"), url=path)
    log("membership.invite", actor=by, request=request, target=org, detail={"mobile": mask_mobile(mobile)})
    return invitation


@transaction.atomic
def accept_invitation(invitation: Invitation, user: User, *, request=None):
    """``user`` joins the inviting organisation as a member; the invitation is for their mobile number."""
    invitation = Invitation.objects.select_for_update().select_related("organization").get(pk=invitation.pk)
    if invitation.accepted_at or invitation.revoked_at or invitation.expires_at <= timezone.now():
        raise ValidationError(_("邀请已失效，请联系单位管理员重新邀请。"))
    if user.mobile != invitation.mobile:
        raise ValidationError(_("该邀请发给了另一个手机号，请使用受邀手机号注册或登录。"))
    if user.organization_id and user.organization_id != invitation.organization_id:
        raise ValidationError(_("您已属于其他单位，请先在用户中心退出该单位。"))
    org = invitation.organization
    user.organization = org
    user.org_role = OrgRole.MEMBER
    user.user_type = account_type_for(org.kind)
    user.save(update_fields=["organization", "org_role", "user_type"])
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    log("membership.join", actor=user, request=request, target=org)
    admins = org.members.filter(org_role=OrgRole.ADMIN, is_active=True).exclude(pk=user.pk)
    notify(list(admins), kind="account.membership", title=_("%(user)s 已加入 %(organization)s") % {"user": user.display_name, "organization": org.name}, url=reverse("accounts:members"))


def revoke_invitation(invitation: Invitation, *, by: User, request=None):
    _require_admin(by, invitation.organization)
    if invitation.accepted_at is None and invitation.revoked_at is None:
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at"])
        log("membership.revoke_invitation", actor=by, request=request, target=invitation.organization, detail={"mobile": mask_mobile(invitation.mobile)})


@transaction.atomic
def remove_member(member: User, *, by: User, request=None):
    org = member.organization
    if org is None:
        raise ValidationError(_("该用户不属于任何单位。"))
    if member.pk == by.pk:
        return leave_organization(member, request=request)
    _require_admin(by, org)
    _detach(member)
    log("membership.remove", actor=by, request=request, target=org, detail={"member": member.pk})
    notify([member], kind="account.membership", title=_("您已被移出 %(organization)s") % {"organization": org.name}, body=_("如有疑问请联系单位管理员。"))


def _detach(user: User):
    from accounts.models import UserType

    user.organization = None
    user.org_role = ""
    user.user_type = UserType.INDIVIDUAL
    user.save(update_fields=["organization", "org_role", "user_type"])


@transaction.atomic
def leave_organization(user: User, *, request=None):
    org = user.organization
    if org is None:
        return
    if user.org_role == OrgRole.ADMIN and org.members.filter(is_active=True).exclude(pk=user.pk).exists():
        raise ValidationError(_("您是单位管理员，请先将管理员移交给其他成员，再退出单位。"))
    _detach(user)
    log("membership.leave", actor=user, request=request, target=org)


@transaction.atomic
def transfer_admin(org, new_admin: User, *, by: User, request=None):
    _require_admin(by, org)
    if new_admin.organization_id != org.pk or not new_admin.is_active:
        raise ValidationError(_("只能移交给本单位的成员。"))
    new_admin.org_role = OrgRole.ADMIN
    new_admin.save(update_fields=["org_role"])
    by.org_role = OrgRole.MEMBER
    by.save(update_fields=["org_role"])
    log("membership.transfer_admin", actor=by, request=request, target=org, detail={"new_admin": new_admin.pk})
    notify([new_admin], kind="account.membership", title=_("您已成为 %(organization)s 的单位管理员") % {"organization": org.name}, url=reverse("accounts:members"))
