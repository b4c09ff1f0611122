"""The user centre: profile, security (password, 2FA, sessions), organisation, members, personal data."""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from accounts import personal_data, two_factor
from accounts.forms import CancelAccountForm, CertificationForm, ChangeMobileForm, InviteForm, ProfileForm
from accounts.models import Invitation, OrgRole, SmsPurpose, User
from accounts.passwords import password_expires_at
from accounts.ratelimit import rate_limited
from accounts.selectors import latest_request, members_of
from accounts.services import account, membership
from accounts.services.certification import OrganizationDetails, submit_certification
from accounts.services.registration import send_email_verification
from accounts.sessions import is_staff_account
from accounts.sms_codes import SmsCodeError, verify_code
from audit.models import AuditEntry
from audit.services import log


def _centre(request, template, tab, **context):
    return render(request, template, {"tab": tab, **context})


@never_cache
@login_required
def profile(request):
    user = request.user
    form = ProfileForm(request.POST or None, initial={"name": user.first_name, "email": user.email})
    if request.method == "POST" and form.is_valid():
        account.update_profile(user, name=form.cleaned_data["name"].strip(), email=form.cleaned_data["email"].strip().lower(), request=request)
        messages.success(request, _("资料已保存。验证邮件已发送，请查收。") if user.email and not user.email_verified else _("资料已保存。"))
        return redirect("accounts:profile")
    return _centre(request, "accounts/centre/profile.html", "profile", form=form, mobile_form=ChangeMobileForm())


@require_POST
@login_required
@rate_limited("email")
def resend_verification(request):
    if request.user.email and not request.user.email_verified:
        send_email_verification(request.user, request=request)
        messages.success(request, _("验证邮件已发送到 %(email)s。") % {"email": request.user.email})
    return redirect("accounts:profile")


@require_POST
@login_required
@rate_limited("sms")
def change_mobile(request):
    form = ChangeMobileForm(request.POST)
    if form.is_valid():
        try:
            verify_code(form.cleaned_data["mobile"], SmsPurpose.CHANGE_MOBILE, form.cleaned_data["code"])
            account.change_mobile(request.user, form.cleaned_data["mobile"], request=request)
        except (SmsCodeError, ValidationError) as exc:
            messages.error(request, exc.messages[0] if isinstance(exc, ValidationError) else str(exc))
        else:
            messages.success(request, _("手机号已更换。"))
            return redirect("accounts:profile")
    else:
        for errors in form.errors.values():
            messages.error(request, errors[0])
    profile_form = ProfileForm(initial={"name": request.user.first_name, "email": request.user.email})
    return _centre(request, "accounts/centre/profile.html", "profile", form=profile_form, mobile_form=form)


@never_cache
@login_required
def security(request):
    user = request.user
    recent = AuditEntry.objects.filter(actor_id=user.pk, action__startswith="auth.").order_by("-id")[:10]
    return _centre(
        request,
        "accounts/centre/security.html",
        "security",
        sessions=user.tracked_sessions.all(),
        current_key=request.session.session_key,
        has_2fa=two_factor.has_confirmed_device(user),
        staff=is_staff_account(user),
        expires_at=password_expires_at(user),
        recent=recent,
    )


@require_POST
@login_required
def end_sessions(request):
    count = account.end_other_sessions(request)
    if count:
        messages.success(request, ngettext("已退出其他 %(n)s 个设备上的登录。", "已退出其他 %(n)s 个设备上的登录。", count) % {"n": count})
    else:
        messages.success(request, _("没有其他设备上的登录。"))
    return redirect("accounts:security")


@never_cache
@login_required
def organization(request):
    user = request.user
    org = user.organization
    req = latest_request(org)
    can_apply = org is None or (user.org_role == OrgRole.ADMIN and org.status in ("rejected", "none"))
    initial = {}
    if org is not None:
        initial = {"org_kind": org.kind, "org_name": org.name, "credit_code": org.credit_code, "jurisdiction": org.jurisdiction, "institution_type": org.institution_type, "ownership": org.ownership}
    form = CertificationForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST":
        if not can_apply:
            raise PermissionDenied(_("当前不能提交认证申请。"))
        if form.is_valid():
            d = form.cleaned_data
            details = OrganizationDetails(d["org_kind"], d["org_name"].strip(), d["credit_code"], d["jurisdiction"], d["licence"], d.get("institution_type", ""), d.get("ownership", ""))
            try:
                submit_certification(user, details, request=request)
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, _("认证申请已提交，审核结果将通过站内信通知您。"))
                return redirect("accounts:organization")
    return _centre(request, "accounts/centre/organization.html", "organization", org=org, req=req, form=form, can_apply=can_apply)


@never_cache
@login_required
def members(request):
    user = request.user
    org = user.organization
    if org is None:
        return redirect("accounts:organization")
    is_admin = user.org_role == OrgRole.ADMIN
    form = InviteForm(request.POST or None)
    if request.method == "POST":
        if not is_admin:
            raise PermissionDenied
        if form.is_valid():
            try:
                membership.invite_member(org, form.cleaned_data["mobile"], by=user, request=request)
            except ValidationError as exc:
                form.add_error("mobile", exc)
            else:
                messages.success(request, _("邀请短信已发送。"))
                return redirect("accounts:members")
    invitations = org.invitations.filter(accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now()) if is_admin else []
    return _centre(request, "accounts/centre/members.html", "members", org=org, members=members_of(org), is_admin=is_admin, form=form, invitations=invitations)


@require_POST
@login_required
def member_action(request, pk, action):
    user = request.user
    if user.organization_id is None:
        raise PermissionDenied
    member = get_object_or_404(User, pk=pk, organization_id=user.organization_id)
    try:
        if action == "remove":
            membership.remove_member(member, by=user, request=request)
            messages.success(request, _("已移出该成员。") if member.pk != user.pk else _("您已退出该单位。"))
        elif action == "make_admin":
            membership.transfer_admin(user.organization, member, by=user, request=request)
            messages.success(request, _("已将管理员移交给 %(name)s。") % {"name": member.display_name})
        else:
            raise PermissionDenied
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
    return redirect("accounts:members" if request.user.organization_id else "accounts:organization")


@require_POST
@login_required
def revoke_invitation(request, pk):
    invitation = get_object_or_404(Invitation, pk=pk, organization_id=request.user.organization_id)
    membership.revoke_invitation(invitation, by=request.user, request=request)
    messages.success(request, _("邀请已撤销。"))
    return redirect("accounts:members")


@never_cache
@login_required
def my_data(request):
    consents = request.user.privacy_consents.select_related("policy")
    return _centre(request, "accounts/centre/data.html", "data", consents=consents)


@login_required
def download_data(request):
    data = personal_data.export(request.user)
    log("privacy.export", request=request, target=request.user)
    body = json.dumps({"exported_at": timezone.now().isoformat(), **data}, ensure_ascii=False, indent=2, default=str)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="xqch-my-data-{timezone.localdate():%Y%m%d}.json"'
    return response


@never_cache
@login_required
@rate_limited("cancel")
def cancel(request):
    form = CancelAccountForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if not request.user.check_password(form.cleaned_data["password"]):
            form.add_error("password", _("密码不正确。"))
        else:
            try:
                account.cancel_account(request.user, request=request)
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, _("您的账号已注销，个人信息已删除或匿名化。感谢您使用湘企出海+。"))
                return redirect("/")
    return _centre(request, "accounts/centre/cancel.html", "data", form=form)
