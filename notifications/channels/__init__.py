"""Senders for the external channels. Each exposes ``send(message)`` and raises on failure.

``NoAddress`` means the recipient has no address for that channel (no e-mail, no mobile,
WeChat not bound): the delivery is recorded as skipped, not retried.
"""

from notifications.models import Channel


class NoAddress(Exception):
    pass


def sender_for(channel: str):
    from notifications.channels import email, sms, wechat

    return {Channel.EMAIL: email.send, Channel.SMS: sms.send, Channel.WECHAT: wechat.send}[channel]
