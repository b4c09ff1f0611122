"""Forms of sign-in, registration, the user centre and certification review (Chinese msgids, English catalog)."""

import re

from django import forms
from django.contrib.auth import password_validation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accounts.credit_code import clean_credit_code
from accounts.mobile import normalize_mobile, validate_mobile
from accounts.models import InstitutionType, OrgKind, Ownership, User, UserType
from accounts.uploads import validate_licence
from config.decisions import ConfirmedDecisionForm
from taxonomy.cities import Jurisdiction
from taxonomy.widgets import MarkedSelect

USERNAME_RE = re.compile(r"^[A-Za-z][A-Za-z0-9_.-]{3,29}$")
ACCOUNT_TYPES = [(UserType.INDIVIDUAL, _("个人用户")), (UserType.ENTERPRISE, _("企业用户")), (UserType.INSTITUTION, _("服务机构用户"))]


class MobileField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("手机号"))
        kwargs.setdefault("max_length", 20)
        super().__init__(**kwargs)
        self.widget.attrs.update({"autocomplete": "tel", "inputmode": "numeric", "data-mobile": ""})

    def clean(self, value):
        value = normalize_mobile(super().clean(value))
        if value:
            validate_mobile(value)
        return value


class CodeField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("短信验证码"))
        kwargs.setdefault("max_length", 6)
        kwargs.setdefault("min_length", 6)
        super().__init__(**kwargs)
        self.widget.attrs.update({"autocomplete": "one-time-code", "inputmode": "numeric", "pattern": "[0-9]{6}"})


class CaptchaMixin(forms.Form):
    captcha = forms.CharField(label=_("图形验证码（计算结果）"), required=False, max_length=4, widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "numeric"}))


class PasswordLoginForm(CaptchaMixin):
    login = forms.CharField(label=_("用户名或手机号"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "username", "autofocus": True}))
    password = forms.CharField(label=_("密码"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}))

    def identifier(self):
        return normalize_mobile(self.data.get("login", "")) if re.fullmatch(r"[\d\s+-]{11,16}", self.data.get("login", "")) else self.data.get("login", "").strip()


class SmsLoginForm(CaptchaMixin):
    mobile = MobileField()
    code = CodeField()

    def identifier(self):
        return normalize_mobile(self.data.get("mobile", ""))


class SmsSendForm(forms.Form):
    mobile = MobileField()
    purpose = forms.ChoiceField(choices=[("register", _("注册")), ("login", _("登录")), ("reset", _("找回密码")), ("change_mobile", _("更换手机号"))])


class NewPasswordMixin(forms.Form):
    password1 = forms.CharField(label=_("密码"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}), help_text=password_validation.password_validators_help_text_html())
    password2 = forms.CharField(label=_("确认密码"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}))

    def check_passwords(self, user):
        p1, p2 = self.cleaned_data.get("password1"), self.cleaned_data.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", gettext("两次输入的密码不一致。"))
            return
        if p1:
            try:
                password_validation.validate_password(p1, user)
            except forms.ValidationError as exc:
                self.add_error("password1", exc)


class OrganizationFields(forms.Form):
    """The organisation part of registration and of a (re)application for certification."""

    org_kind = forms.ChoiceField(label=_("单位类型"), choices=OrgKind.choices, required=False)
    org_name = forms.CharField(label=_("单位名称（与营业执照一致）"), max_length=200, required=False)
    credit_code = forms.CharField(label=_("统一社会信用代码"), max_length=24, required=False, widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}))
    jurisdiction = forms.ChoiceField(label=_("所属市州"), choices=Jurisdiction.choices, required=False, widget=MarkedSelect, help_text=_("由该市州商务局审核；省直单位由平台运营方审核"))
    institution_type = forms.ChoiceField(label=_("机构类别"), choices=[("", _("请选择")), *InstitutionType.choices], required=False)
    ownership = forms.ChoiceField(label=_("企业性质"), choices=[("", _("请选择")), *Ownership.choices], required=False)
    licence = forms.FileField(label=_("营业执照（PDF/JPG/PNG，不超过 5 MB）"), required=False, widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}))

    ORG_FIELDS = ["org_name", "credit_code", "jurisdiction", "licence"]

    def clean_org(self, kind):
        """Validate the organisation fields for ``kind`` (an OrgKind value)."""
        data = self.cleaned_data
        for name in self.ORG_FIELDS:
            if not data.get(name):
                self.add_error(name, gettext("请填写此项。") if name != "licence" else gettext("请上传营业执照。"))
        if kind == OrgKind.INSTITUTION and not data.get("institution_type"):
            self.add_error("institution_type", gettext("请选择机构类别。"))
        if kind == OrgKind.ENTERPRISE and not data.get("ownership"):
            self.add_error("ownership", gettext("请选择企业性质。"))
        if data.get("credit_code"):
            try:
                data["credit_code"] = clean_credit_code(data["credit_code"])
            except forms.ValidationError as exc:
                self.add_error("credit_code", exc)
        if data.get("licence"):
            try:
                validate_licence(data["licence"])
            except forms.ValidationError as exc:
                self.add_error("licence", exc)


class RegistrationForm(NewPasswordMixin, OrganizationFields):
    account_type = forms.ChoiceField(label=_("账号类型"), choices=ACCOUNT_TYPES, initial=UserType.INDIVIDUAL, widget=forms.RadioSelect(attrs={"data-account-type": ""}))
    username = forms.CharField(label=_("用户名"), max_length=30, help_text=_("4–30 位，以字母开头，可含字母、数字和 _ . -"), widget=forms.TextInput(attrs={"autocomplete": "username"}))
    name = forms.CharField(label=_("姓名"), max_length=50, widget=forms.TextInput(attrs={"autocomplete": "name"}))
    mobile = MobileField()
    code = CodeField()
    email = forms.EmailField(label=_("电子邮箱（选填，验证后可接收邮件通知）"), required=False, widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    agree = forms.BooleanField(label=_("我已阅读并同意《个人信息保护政策》"), required=True, error_messages={"required": _("注册前请阅读并同意个人信息保护政策。")})

    field_order = ["account_type", "username", "name", "mobile", "code", "password1", "password2", "email"]

    def __init__(self, *args, invitation=None, **kwargs):
        self.invitation = invitation
        super().__init__(*args, **kwargs)
        if invitation is not None:
            self.fields["account_type"].required = False
            self.fields["mobile"].initial = invitation.mobile

    def clean_username(self):
        username = self.cleaned_data["username"].strip()
        if not USERNAME_RE.match(username):
            raise forms.ValidationError(gettext("用户名须为 4–30 位，以字母开头，只能包含字母、数字和 _ . -。"))
        if User.objects.filter(username__iexact=username).exists():
            raise forms.ValidationError(gettext("该用户名已被使用，请换一个。"))
        return username

    def clean_email(self):
        return self.cleaned_data.get("email", "").strip().lower()

    def clean(self):
        data = super().clean()
        if self.invitation is not None:
            data["account_type"] = UserType.ENTERPRISE if self.invitation.organization.kind == OrgKind.ENTERPRISE else UserType.INSTITUTION
            if data.get("mobile") and data["mobile"] != self.invitation.mobile:
                self.add_error("mobile", gettext("请使用收到邀请的手机号注册。"))
        elif data.get("account_type") in (UserType.ENTERPRISE, UserType.INSTITUTION):
            kind = OrgKind.ENTERPRISE if data["account_type"] == UserType.ENTERPRISE else OrgKind.INSTITUTION
            data["org_kind"] = kind
            self.clean_org(kind)
        candidate = User(username=data.get("username", ""), mobile=data.get("mobile", ""), first_name=data.get("name", ""), email=data.get("email", ""))
        self.check_passwords(candidate)
        if data.get("mobile") and User.objects.filter(mobile=data["mobile"]).exists():
            self.add_error("mobile", gettext("该手机号已注册，请直接登录或找回密码。"))
        return data


class CertificationForm(OrganizationFields):
    def clean(self):
        data = super().clean()
        kind = data.get("org_kind")
        if not kind:
            self.add_error("org_kind", gettext("请选择单位类型。"))
        else:
            self.clean_org(kind)
        return data


class PasswordResetForm(NewPasswordMixin):
    mobile = MobileField()
    code = CodeField()
    field_order = ["mobile", "code", "password1", "password2"]


class ProfileForm(forms.Form):
    name = forms.CharField(label=_("姓名"), max_length=50)
    email = forms.EmailField(label=_("电子邮箱"), required=False)


class ChangeMobileForm(forms.Form):
    mobile = MobileField(label=_("新手机号"))
    code = CodeField()


class InviteForm(forms.Form):
    mobile = MobileField(label=_("受邀同事的手机号"))


class DecisionForm(ConfirmedDecisionForm):
    decision = forms.ChoiceField(label=_("审核结论"), choices=[("approve", _("通过")), ("reject", _("不通过"))], widget=forms.RadioSelect)
    note = forms.CharField(label=_("审核意见（不通过时必填，将告知申请人）"), required=False, widget=forms.Textarea(attrs={"rows": 3}), max_length=1000)


class TokenForm(forms.Form):
    token = forms.CharField(label=_("动态验证码（身份验证器 App 中的 6 位数字）"), max_length=6, min_length=6, widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}))


class CancelAccountForm(forms.Form):
    password = forms.CharField(label=_("登录密码"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}))
    confirm = forms.BooleanField(label=_("我了解注销后账号不可恢复，个人信息将被删除或匿名化"), required=True, error_messages={"required": _("请确认您了解注销的后果。")})


class ConsentForm(forms.Form):
    agree = forms.BooleanField(label=_("我已阅读并同意更新后的个人信息保护政策"), required=True, error_messages={"required": _("请勾选同意，或选择注销账号。")})
