"""Self-registration of individuals, enterprises and service institutions."""

from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.models import OrgKind, User, UserType
from accounts.privacy import record_consent
from accounts.services.certification import OrganizationDetails, submit_certification
from audit.services import log

EMAIL_SALT = "accounts.email-verification"


@dataclass
class NewAccount:
    account_type: str  # UserType value: individual / enterprise / institution
    username: str
    name: str
    mobile: str
    password: str
    email: str = ""


@transaction.atomic
def register(account: NewAccount, *, policy, organization: OrganizationDetails | None = None, invitation=None, request=None) -> User:
    """Create the account (mobile already verified by SMS), record privacy consent and, for an
    enterprise or institution, its organisation with a pending certification request.

    With ``invitation`` the new user joins the inviting organisation as a member instead.
    """
    user = User(
        username=account.username,
        first_name=account.name,
        mobile=account.mobile,
        email=account.email,
        user_type=account.account_type,
    )
    user.set_password(account.password)
    user.save()
    record_consent(user, policy, request)
    log("account.register", actor=user, request=request, target=user, detail={"type": account.account_type})
    if invitation is not None:
        from accounts.services.membership import accept_invitation

        accept_invitation(invitation, user, request=request)
    elif organization is not None and account.account_type in (UserType.ENTERPRISE, UserType.INSTITUTION):
        submit_certification(user, organization, request=request)
    if account.email:
        send_email_verification(user, request=request)
    return user


def account_type_for(kind: str) -> str:
    return UserType.ENTERPRISE if kind == OrgKind.ENTERPRISE else UserType.INSTITUTION


def email_token(user) -> str:
    return signing.dumps({"u": user.pk, "e": user.email}, salt=EMAIL_SALT)


def send_email_verification(user, *, request=None):
    """E-mail a link that confirms ``user.email`` (valid ``EMAIL_VERIFY_MAX_AGE_DAYS`` days)."""
    path = reverse("accounts:verify_email", args=[email_token(user)])
    link = request.build_absolute_uri(path) if request is not None else f"{settings.SITE_URL}{path}"
    days = settings.EMAIL_VERIFY_MAX_AGE_DAYS
    body = ngettext(
        "%(name)s，您好：\n\n请点击以下链接验证您在湘企出海+平台登记的电子邮箱（%(days)s 天内有效）：\n%(link)s\n\n如非本人操作，请忽略本邮件。",
        "%(name)s，您好：\n\n请点击以下链接验证您在湘企出海+平台登记的电子邮箱（%(days)s 天内有效）：\n%(link)s\n\n如非本人操作，请忽略本邮件。",
        days,
    ) % {"name": user.display_name, "days": days, "link": link}
    send_mail(_("【湘企出海+】请验证您的电子邮箱"), body, None, [user.email])


def confirm_email(token: str, *, request=None) -> User | None:
    """The user whose e-mail the link confirms (now marked verified), or None if invalid/expired."""
    try:
        data = signing.loads(token, salt=EMAIL_SALT, max_age=settings.EMAIL_VERIFY_MAX_AGE_DAYS * 86400)
    except signing.BadSignature:
        return None
    user = User.objects.filter(pk=data.get("u"), email=data.get("e"), is_active=True).first()
    if user is None or not user.email:
        return None
    if not user.email_verified:
        user.email_verified = True
        user.save(update_fields=["email_verified"])
        log("account.email_verified", actor=user, request=request, target=user)
    return user


