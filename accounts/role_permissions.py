"""Which model permissions each role's group holds — the data behind the Django and Wagtail admins.

``ROLE_PERMISSIONS`` maps a role code (``accounts.roles``) to ``"app_label.codename"``
strings. Other apps add theirs in ``<app>/permissions.py`` with a dict of the same shape
named ``ROLE_PERMISSIONS``; ``collect()`` merges them. ``ensure_groups()`` grants what is
listed (``manage.py sync_roles --prune`` also removes what is not).

The three security roles are kept apart (MLPS level 3, 三员分立):

* system administrator — user accounts and site settings; no audit log, no role assignment;
* security administrator — roles (groups), permissions, 2FA devices, lockouts, privacy
  policy and OIDC clients; no user account details, no audit log; the three roles themselves
  only through a request another security administrator approves;
* audit administrator — reads and exports the audit log; nothing else.

A permission only these roles are given is their *duty*: ``accounts.separation`` keeps it out
of other groups and of users' own permissions.
"""

from functools import cache
from importlib import import_module

from django.apps import apps
from django.conf import settings

from accounts.roles import (
    AUDIT_ADMIN,
    BANK_ADVISER,
    BANK_EDITOR,
    BANK_REVIEWER,
    CITY_BUREAU_ROLES,
    DEPT_ADMIN,
    DEPT_REVIEWER,
    OPERATOR,
    OPERATOR_REVIEWER,
    SECURITY_ADMIN,
    SYSTEM_ADMIN,
)

ADMIN_ACCESS = ["wagtailadmin.access_admin"]
MEDIA_EDITING = [
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
]
CERTIFICATION_REVIEW = ["accounts.review_certification", "accounts.view_certificationrequest", "accounts.view_organization"]

ROLE_PERMISSIONS: dict[str, list[str]] = {
    DEPT_ADMIN.code: [*ADMIN_ACCESS, *MEDIA_EDITING, "accounts.view_organization"],
    DEPT_REVIEWER.code: [*ADMIN_ACCESS, *MEDIA_EDITING, "accounts.view_organization"],
    BANK_EDITOR.code: [*ADMIN_ACCESS, *MEDIA_EDITING],
    BANK_REVIEWER.code: [*ADMIN_ACCESS, *MEDIA_EDITING],
    BANK_ADVISER.code: [*ADMIN_ACCESS],
    OPERATOR.code: [*ADMIN_ACCESS, *MEDIA_EDITING, *CERTIFICATION_REVIEW],
    OPERATOR_REVIEWER.code: [*ADMIN_ACCESS, *MEDIA_EDITING, *CERTIFICATION_REVIEW],
    **{role.code: [*ADMIN_ACCESS, *MEDIA_EDITING, *CERTIFICATION_REVIEW] for role in CITY_BUREAU_ROLES},
    SYSTEM_ADMIN.code: [
        *ADMIN_ACCESS,
        "accounts.manage_accounts",
        "accounts.view_user",
        "accounts.add_user",
        "accounts.change_user",
        "accounts.view_contact_details",
        "accounts.view_organization",
        "accounts.change_organization",
        "accounts.view_usersession",
        "wagtailcore.view_site",
        "wagtailcore.add_site",
        "wagtailcore.change_site",
        "wagtailredirects.view_redirect",
        "wagtailredirects.add_redirect",
        "wagtailredirects.change_redirect",
        "wagtailredirects.delete_redirect",
        "taxonomy.view_country",
        "taxonomy.change_country",
        "taxonomy.view_industry",
        "taxonomy.change_industry",
    ],
    SECURITY_ADMIN.code: [
        *ADMIN_ACCESS,
        "accounts.assign_roles",
        "accounts.view_user",
        "accounts.change_user",
        "accounts.view_rolegrantrequest",
        "accounts.add_rolegrantrequest",
        "accounts.approve_rolegrantrequest",
        "auth.view_group",
        "auth.add_group",
        "auth.change_group",
        "auth.delete_group",
        "auth.view_permission",
        "otp_totp.view_totpdevice",
        "otp_totp.delete_totpdevice",
        "accounts.view_loginthrottle",
        "accounts.delete_loginthrottle",
        "accounts.view_privacypolicy",
        "accounts.add_privacypolicy",
        "accounts.change_privacypolicy",
        "accounts.view_privacyconsent",
        "oauth2_provider.view_application",
        "oauth2_provider.add_application",
        "oauth2_provider.change_application",
        "oauth2_provider.delete_application",
        "accounts.view_clientpolicy",
        "accounts.add_clientpolicy",
        "accounts.change_clientpolicy",
        "accounts.delete_clientpolicy",
    ],
    AUDIT_ADMIN.code: ["audit.view_auditentry", "audit.export_auditentry"],
}


@cache
def collect() -> dict[str, list[str]]:
    """``ROLE_PERMISSIONS`` merged with every platform app's ``permissions.ROLE_PERMISSIONS``."""
    merged = {code: list(perms) for code, perms in ROLE_PERMISSIONS.items()}
    platform_apps = set(getattr(settings, "PLATFORM_APPS", []))
    for config in apps.get_app_configs():
        if config.name == "accounts" or config.name not in platform_apps:
            continue
        try:
            module = import_module(f"{config.name}.permissions")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.permissions":
                raise
            continue
        for code, perms in getattr(module, "ROLE_PERMISSIONS", {}).items():
            merged.setdefault(code, [])
            merged[code] += [p for p in perms if p not in merged[code]]
    return merged
