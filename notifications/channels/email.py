"""E-mail: HTML and plain text from templates, Chinese subject line, through Django's mailers."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from notifications.channels import NoAddress

SUBJECT_PREFIX = gettext_lazy("【湘企出海+】")


def absolute(url: str) -> str:
    if not url or url.startswith(("http://", "https://")):
        return url
    return settings.SITE_URL.rstrip("/") + url


def send_email(to: str, subject: str, template: str, context: dict):
    """Render ``<template>.txt`` and ``<template>.html`` and send them as one message."""
    context = {**context, "site_url": settings.SITE_URL}
    mail = EmailMultiAlternatives(
        subject=f"{SUBJECT_PREFIX}{subject}",
        body=render_to_string(f"{template}.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to],
    )
    mail.attach_alternative(render_to_string(f"{template}.html", context), "text/html")
    mail.send()


def send(message):
    address = message.recipient.email
    if not address:
        raise NoAddress(_("未填写电子邮箱"))
    context = {"message": message, "link": absolute(message.url), "user": message.recipient}
    send_email(address, message.title, "notifications/email/message", context)


def send_digest(user, messages):
    context = {"messages": [(m, absolute(m.url)) for m in messages], "user": user}
    subject = ngettext("您有 %(n)s 条新通知", "您有 %(n)s 条新通知", len(messages)) % {"n": len(messages)}
    send_email(user.email, subject, "notifications/email/digest", context)
