"""A user's personal data across the platform: what they can download, and what cancellation erases.

Each app that keeps personal data about users registers an exporter (returning a
JSON-serialisable dict) and an eraser (deleting or anonymising that data) here, in its
``AppConfig.ready()``::

    from accounts import personal_data
    personal_data.register("notifications", export=export_fn, erase=erase_fn)

The accounts app registers its own records and those of the apps that exist alongside it.
"""

from collections.abc import Callable

_REGISTRY: dict[str, tuple[Callable | None, Callable | None]] = {}


def register(name: str, *, export: Callable | None = None, erase: Callable | None = None):
    _REGISTRY[name] = (export, erase)


def export(user) -> dict:
    data = {}
    for name, (exporter, _) in _REGISTRY.items():
        if exporter is not None:
            data[name] = exporter(user)
    return data


def erase(user):
    for _, (_, eraser) in _REGISTRY.items():
        if eraser is not None:
            eraser(user)


def _iso(value):
    return value.isoformat() if value else None


def export_accounts(user) -> dict:
    org = user.organization
    return {
        "profile": {
            "username": user.username,
            "name": user.first_name,
            "mobile": user.mobile,
            "email": user.email,
            "email_verified": user.email_verified,
            "user_type": user.get_user_type_display(),
            "date_joined": _iso(user.date_joined),
            "last_login": _iso(user.last_login),
            "password_changed_at": _iso(user.password_changed_at),
        },
        "organization": {
            "name": org.name,
            "credit_code": org.credit_code,
            "role": user.get_org_role_display(),
            "status": org.get_status_display(),
        }
        if org
        else None,
        "privacy_consents": [
            {"version": c.policy.version, "accepted_at": _iso(c.accepted_at), "ip_address": c.ip_address}
            for c in user.privacy_consents.select_related("policy")
        ],
        "sessions": [
            {"started": _iso(s.created_at), "last_seen": _iso(s.last_seen_at), "ip_address": s.ip_address, "browser": s.user_agent}
            for s in user.tracked_sessions.all()
        ],
    }


def erase_accounts(user):
    from django_otp.plugins.otp_totp.models import TOTPDevice
    from oauth2_provider.models import AccessToken, Grant, IDToken, RefreshToken

    from accounts.models import Invitation, PasswordHistory, SmsCode, SmsOutbox, UserSession

    PasswordHistory.objects.filter(user=user).delete()
    UserSession.objects.filter(user=user).delete()
    TOTPDevice.objects.filter(user=user).delete()
    user.privacy_consents.update(ip_address=None)
    for model in (RefreshToken, AccessToken, IDToken, Grant):
        model.objects.filter(user=user).delete()
    if user.mobile:
        SmsCode.objects.filter(mobile=user.mobile).delete()
        SmsOutbox.objects.filter(mobile=user.mobile).delete()
        Invitation.objects.filter(mobile=user.mobile).delete()


def export_audit(user) -> list:
    from audit.models import AuditEntry

    rows = AuditEntry.objects.filter(actor_id=user.pk).order_by("-id")[:500]
    return [{"time": _iso(e.created_at), "action": e.action, "ip_address": e.ip_address, "outcome": e.outcome} for e in rows]


def export_notifications(user) -> list:
    from notifications.models import Message

    return [{"time": _iso(m.created_at), "title": m.title, "body": m.body} for m in Message.objects.filter(recipient=user).order_by("-id")[:1000]]


def erase_notifications(user):
    from notifications.models import Message

    Message.objects.filter(recipient=user).delete()


register("accounts", export=export_accounts, erase=erase_accounts)
register("security_log", export=export_audit)
register("notifications", export=export_notifications, erase=erase_notifications)
