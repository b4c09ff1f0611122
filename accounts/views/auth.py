"""Sign-in (password or SMS code), sign-out, captcha, SMS codes, password reset/change and staff 2FA."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import authenticate
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordChangeForm
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from accounts import captcha, throttle, two_factor
from accounts.forms import PasswordLoginForm, PasswordResetForm, SmsLoginForm, SmsSendForm, TokenForm
from accounts.models import SmsPurpose, User
from accounts.passwords import password_change_reason
from accounts.ratelimit import rate_limited
from accounts.redirects import safe_next, with_next
from accounts.services import account
from accounts.sessions import IDLE_NOTICE_KEY, is_staff_account
from accounts.sms_codes import SmsCodeError, issue_code, verify_code
from audit.services import client_ip, log

GENERIC_FAILURE = gettext_lazy("用户名或密码错误。")


@never_cache
@rate_limited("login")
def login_view(request):
    mode = "sms" if (request.POST.get("mode") or request.GET.get("mode")) == "sms" else "password"
    form_class = SmsLoginForm if mode == "sms" else PasswordLoginForm
    ip = client_ip(request)
    form = form_class(request.POST or None)
    error = ""
    if request.method == "POST":
        identifier = form.identifier()
        state = throttle.state(identifier, ip)
        if state.locked:
            error = throttle.locked_message(state)
        elif form.is_valid():
            if state.needs_captcha and not captcha.check(request.session, form.cleaned_data.get("captcha")):
                form.add_error("captcha", _("图形验证码错误，请重新计算图中算式。"))
            else:
                user, error = _check_credentials(request, mode, form, identifier)
                if user is not None:
                    account.complete_login(request, user, identifier=identifier, method=mode)
                    return redirect(safe_next(request, resolve_url(settings.LOGIN_REDIRECT_URL)))
                state = throttle.record_failure(identifier, ip, request=request, method=mode)
                if state.locked:
                    error = throttle.locked_message(state)
    else:
        state = throttle.state("", ip)
        if request.session.pop(IDLE_NOTICE_KEY, False):
            error = _("您长时间未操作，为保护账号安全已自动退出，请重新登录。")
    return render(
        request,
        "accounts/login.html",
        {"form": form, "mode": mode, "error": error, "needs_captcha": state.needs_captcha and not state.locked, "next": safe_next(request, "")},
    )


def _check_credentials(request, mode, form, identifier):
    """``(user, "")`` on success, ``(None, message)`` otherwise — messages never say whether the account exists."""
    if mode == "password":
        user = authenticate(request, username=identifier, password=form.cleaned_data["password"])
        return (user, "") if user is not None else (None, GENERIC_FAILURE)
    try:
        verify_code(identifier, SmsPurpose.LOGIN, form.cleaned_data["code"])
    except SmsCodeError as exc:
        return None, str(exc)
    user = User.objects.filter(mobile=identifier, is_active=True).first()
    return (user, "") if user is not None else (None, _("验证码无效或已过期，请重新获取。"))


@never_cache
def logout_view(request):
    if request.method == "POST":
        account.sign_out(request)
        messages.success(request, _("您已安全退出。"))
        return redirect("/")
    return render(request, "accounts/logout_confirm.html")


@never_cache
def captcha_image(request):
    question = captcha.new_challenge(request.session)
    response = HttpResponse(captcha.render_png(question), content_type="image/png")
    response["Cache-Control"] = "no-store"
    return response


@require_POST
@rate_limited("sms")
def send_code(request):
    form = SmsSendForm(request.POST)
    if not form.is_valid():
        first = next(iter(form.errors.values()))[0]
        return JsonResponse({"ok": False, "message": first}, status=400)
    try:
        issued = issue_code(form.cleaned_data["mobile"], form.cleaned_data["purpose"], ip=client_ip(request), request=request)
    except SmsCodeError as exc:
        return JsonResponse({"ok": False, "message": str(exc)}, status=429)
    return JsonResponse({"ok": True, "message": _("验证码已发送，请查收短信（5 分钟内有效）。"), "wait": issued.wait_seconds})


@never_cache
@rate_limited("reset")
def password_reset(request):
    form = PasswordResetForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        mobile = form.cleaned_data["mobile"]
        try:
            verify_code(mobile, SmsPurpose.RESET, form.cleaned_data["code"])
        except SmsCodeError as exc:
            form.add_error("code", str(exc))
        else:
            user = User.objects.filter(mobile=mobile, is_active=True).first()
            if user is None:
                form.add_error("code", _("验证码无效或已过期，请重新获取。"))
            else:
                form.check_passwords(user)
                if form.is_valid():
                    account.reset_password(user, form.cleaned_data["password1"], request=request)
                    messages.success(request, _("密码已重置，请用新密码登录。"))
                    return redirect(with_next(reverse("accounts:login"), request))  # back to where the user was going
    return render(request, "accounts/password_reset.html", {"form": form})


@never_cache
@login_required
@rate_limited("password")
def password_change(request):
    form = PasswordChangeForm(request.user, request.POST or None)
    reason = password_change_reason(request.user)
    if request.method == "POST" and form.is_valid():
        account.change_password(request, request.user, form.cleaned_data["new_password1"])
        messages.success(request, _("密码已修改，其他设备上的登录已退出。"))
        return redirect(safe_next(request, reverse("accounts:security")))
    return render(request, "accounts/password_change.html", {"form": form, "reason": reason, "next": safe_next(request, "")})


@never_cache
@login_required
@rate_limited("2fa")
def two_factor_setup(request):
    if two_factor.has_confirmed_device(request.user) and not request.user.is_verified():
        return redirect(with_next(reverse("accounts:2fa_verify"), request))
    device = two_factor.pending_device(request.user)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if two_factor.confirm_device(request, device, form.cleaned_data["token"]):
            log("auth.2fa_enrol", request=request, target=request.user)
            messages.success(request, _("双因素认证已启用。以后登录时需输入身份验证器中的动态验证码。"))
            return redirect(safe_next(request))
        form.add_error("token", _("动态验证码不正确，请确认手机时间准确后重新输入。"))
        log("auth.2fa_enrol", request=request, target=request.user, outcome="failure")
    return render(
        request,
        "accounts/two_factor_setup.html",
        {"form": form, "qr": two_factor.qr_svg_data_uri(device), "secret": two_factor.secret_base32(device), "next": safe_next(request, ""), "required": is_staff_account(request.user)},
    )


@never_cache
@login_required
@rate_limited("2fa")
def two_factor_verify(request):
    if not two_factor.has_confirmed_device(request.user):
        return redirect(with_next(reverse("accounts:2fa_setup"), request))
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if two_factor.verify(request, form.cleaned_data["token"]):
            log("auth.2fa", request=request, target=request.user)
            return redirect(safe_next(request))
        log("auth.2fa", request=request, target=request.user, outcome="failure")
        form.add_error("token", _("动态验证码不正确或已使用，请等待下一个验证码。连续错误会被暂时限制。"))
    return render(request, "accounts/two_factor_verify.html", {"form": form, "next": safe_next(request, "")})
