"""SMS through the pluggable sender of the accounts app (``settings.SMS_BACKEND``)."""

from django.conf import settings
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from notifications.channels import NoAddress

MAX_LENGTH = 70  # one SMS segment of Chinese text


def backend():
    return import_string(settings.SMS_BACKEND)()


def send_text(mobile: str, text: str):
    """Send ``text`` to ``mobile`` with whatever sender is configured."""
    return backend().send(mobile, text)


def text_for(message) -> str:
    if message.body:
        text = _("【湘企出海+】%(title)s：%(body)s") % {"title": message.title, "body": message.body}
    else:
        text = _("【湘企出海+】%(title)s") % {"title": message.title}
    if len(text) > MAX_LENGTH:
        text = text[: MAX_LENGTH - 1] + "…"
    return text


def send(message):
    mobile = message.recipient.mobile
    if not mobile:
        raise NoAddress(_("未绑定手机号"))
    send_text(mobile, text_for(message))
