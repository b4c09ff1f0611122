"""Registration, e-mail verification and joining an organisation by invitation."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from accounts.forms import RegistrationForm
from accounts.models import SmsPurpose
from accounts.privacy import current_policy, ensure_policy
from accounts.ratelimit import rate_limited
from accounts.services import account
from accounts.services.certification import OrganizationDetails, check_code_available
from accounts.services.membership import accept_invitation, open_invitation
from accounts.services.registration import NewAccount, confirm_email, register
from accounts.sms_codes import SmsCodeError, verify_code


def _details(data) -> OrganizationDetails:
    return OrganizationDetails(
        kind=data["org_kind"],
        name=data["org_name"].strip(),
        credit_code=data["credit_code"],
        jurisdiction=data["jurisdiction"],
        licence=data["licence"],
        institution_type=data.get("institution_type", ""),
        ownership=data.get("ownership", ""),
    )


@never_cache
@rate_limited("register")
def register_view(request):
    invitation = open_invitation(request.GET.get("invitation") or request.POST.get("invitation") or "")
    policy = current_policy() or ensure_policy()
    form = RegistrationForm(request.POST or None, request.FILES or None, invitation=invitation)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        organization = _details(data) if data.get("org_kind") and invitation is None else None
        try:
            if organization is not None:
                check_code_available(organization.credit_code)
            verify_code(data["mobile"], SmsPurpose.REGISTER, data["code"])
        except SmsCodeError as exc:
            form.add_error("code", str(exc))
        except ValidationError as exc:
            form.add_error("credit_code", exc)
        else:
            new = NewAccount(data["account_type"], data["username"], data["name"].strip(), data["mobile"], data["password1"], data.get("email", ""))
            try:
                user = register(new, policy=policy, organization=organization, invitation=invitation, request=request)
            except ValidationError as exc:
                form.add_error(None, exc)
            except IntegrityError:
                form.add_error(None, _("用户名、手机号或统一社会信用代码刚刚被他人注册，请检查后重试。"))
            else:
                account.complete_login(request, user, identifier=user.username, method="register")
                if invitation is not None:
                    messages.success(request, _("注册成功，您已加入%(organization)s。") % {"organization": invitation.organization.name})
                elif organization is not None:
                    messages.success(request, _("注册成功，认证申请已提交，审核结果将通过站内信通知您。"))
                else:
                    messages.success(request, _("注册成功，欢迎使用湘企出海+。"))
                return redirect("accounts:profile")
    return render(request, "accounts/register.html", {"form": form, "policy": policy, "invitation": invitation})


def verify_email(request, token):
    user = confirm_email(token, request=request)
    if user is None:
        messages.error(request, _("验证链接无效或已过期，请在用户中心重新发送验证邮件。"))
    else:
        messages.success(request, _("邮箱 %(email)s 已验证。") % {"email": user.email})
    return redirect("accounts:profile" if request.user.is_authenticated else "accounts:login")


@never_cache
@rate_limited("register")
def invitation_view(request, token):
    invitation = open_invitation(token)
    if request.method == "POST" and invitation is not None and request.user.is_authenticated:
        try:
            accept_invitation(invitation, request.user, request=request)
        except ValidationError as exc:
            messages.error(request, exc.messages[0])
        else:
            messages.success(request, _("您已加入%(organization)s。") % {"organization": invitation.organization.name})
            return redirect("accounts:organization")
    return render(request, "accounts/invitation.html", {"invitation": invitation, "token": token})


