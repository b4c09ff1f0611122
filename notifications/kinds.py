"""The kinds of notification users choose channels for, with their default channels.

A kind is a dotted code (``consultation.reply``); preferences are kept per group — the part
before the first dot — so a new kind inside a known group follows the user's choice at once.
"""

from notifications.models import Channel

INBOX, EMAIL, SMS, WECHAT = Channel.INBOX, Channel.EMAIL, Channel.SMS, Channel.WECHAT

# group code → (label, default channels)
GROUPS = {
    "consultation": ("咨询答复与进度", [INBOX, EMAIL, SMS]),
    "consultation_staff": ("咨询办理提醒（工作人员）", [INBOX, EMAIL]),
    "push": ("政策通知与定向推送", [INBOX, EMAIL]),
    "portal": ("订阅栏目、国家、行业、市州的新内容", [INBOX, EMAIL]),
    "filing": ("备案与报送进度", [INBOX, EMAIL]),
    "account": ("账号与认证", [INBOX, EMAIL]),
}
OTHER = ("其他通知", [INBOX, EMAIL])


def group_of(kind: str) -> str:
    return kind.split(".", 1)[0]


def default_channels(kind: str) -> list[str]:
    return list(GROUPS.get(group_of(kind), OTHER)[1])


def label_of(kind: str) -> str:
    return GROUPS.get(group_of(kind), OTHER)[0]
