"""Deploy checks (``manage.py check --deploy``) for the accounts settings."""

from django.conf import settings
from django.core.checks import Error, Tags, register
from django.utils.translation import gettext as _


@register(Tags.security, deploy=True)
def accounts_deploy_checks(app_configs, **kwargs):
    errors = []
    if getattr(settings, "OIDC_KEY_IS_DEV_DEFAULT", False):
        errors.append(Error(_("OIDC 签名密钥使用的是开发环境自动生成的密钥。"), hint=_("生产环境请设置 OIDC_RSA_PRIVATE_KEY 或 OIDC_RSA_PRIVATE_KEY_FILE。"), id="accounts.E001"))
    if not settings.STAFF_REQUIRE_2FA:
        errors.append(Error(_("工作人员双因素认证已关闭（STAFF_REQUIRE_2FA=False）。"), hint=_("等保三级要求工作人员启用双因素认证。"), id="accounts.E002"))
    if settings.SMS_BACKEND == "accounts.sms.ConsoleOutboxBackend":
        errors.append(Error(_("短信仍使用开发用的控制台发件箱。"), hint=_("设置 SMS_BACKEND 为 accounts.sms.AliyunSmsBackend 或 accounts.sms.TencentSmsBackend。"), id="accounts.E003"))
    return errors
