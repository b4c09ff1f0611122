"""In-site messages (站内信) and the records behind the other channels.

Every notification is first a ``Message`` in the recipient's inbox; e-mail, SMS and WeChat
copies are ``Delivery`` rows, one per (message, channel), so a retried job never sends twice.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    INBOX = "inbox", _("站内信")
    EMAIL = "email", _("电子邮件")
    SMS = "sms", _("短信")
    WECHAT = "wechat", _("微信")


class Push(models.Model):
    """A notice composed by staff for a targeted audience, sent now or at a set time."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("草稿")
        SCHEDULED = "scheduled", pgettext_lazy("push status", "待发送")
        SENDING = "sending", _("发送中")
        SENT = "sent", _("已发送")

    title = models.CharField(_("标题"), max_length=200)
    body = models.TextField(_("内容"))
    url = models.CharField(_("链接"), max_length=500, blank=True)
    channels = models.JSONField(_("发送渠道"), default=list)
    audience = models.JSONField(_("受众条件"), default=dict)
    status = models.CharField(_("状态"), max_length=16, choices=Status.choices, default=Status.DRAFT, db_index=True)
    send_at = models.DateTimeField(_("计划发送时间"), null=True, blank=True)
    sent_at = models.DateTimeField(_("发送时间"), null=True, blank=True)
    recipient_count = models.PositiveIntegerField(_("收件人数"), default=0)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("创建人"), null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("定向推送")
        verbose_name_plural = _("定向推送")

    def __str__(self):
        return self.title


class Message(models.Model):
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("收件人"), on_delete=models.CASCADE, related_name="messages")
    kind = models.CharField(_("类别"), max_length=64, db_index=True)
    title = models.CharField(_("标题"), max_length=200)
    body = models.TextField(_("内容"), blank=True)
    url = models.CharField(_("链接"), max_length=500, blank=True)
    push = models.ForeignKey(Push, verbose_name=_("定向推送"), null=True, blank=True, on_delete=models.SET_NULL, related_name="messages")
    created_at = models.DateTimeField(_("时间"), auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(_("阅读时间"), null=True, blank=True)
    archived_at = models.DateTimeField(_("归档时间"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("站内信")
        verbose_name_plural = _("站内信")
        indexes = [models.Index(fields=["recipient", "read_at"])]

    def __str__(self):
        return self.title

    @property
    def kind_label(self) -> str:
        """The kind's Chinese name, for templates: the code itself is never shown."""
        from notifications.kinds import kind_label  # kinds imports Channel from this module

        return kind_label(self.kind)


class Delivery(models.Model):
    """One copy of a message sent through one external channel."""

    class Status(models.TextChoices):
        PENDING = "pending", _("待发送")
        DIGEST = "digest", _("待汇总")
        SENDING = "sending", _("发送中")
        SENT = "sent", _("已发送")
        FAILED = "failed", _("失败")
        SKIPPED = "skipped", _("无联系方式")

    message = models.ForeignKey(Message, verbose_name=pgettext_lazy("the message a delivery copies", "消息"), on_delete=models.CASCADE, related_name="deliveries")
    channel = models.CharField(_("渠道"), max_length=16, choices=Channel.choices)
    status = models.CharField(_("状态"), max_length=16, choices=Status.choices, default=Status.PENDING, db_index=True)
    attempts = models.PositiveSmallIntegerField(_("尝试次数"), default=0)
    error = models.TextField(_("错误"), blank=True)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    sent_at = models.DateTimeField(_("发送时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("投递记录")
        verbose_name_plural = _("投递记录")
        constraints = [models.UniqueConstraint(fields=["message", "channel"], name="notifications_one_delivery_per_channel")]

    def __str__(self):
        return f"{self.message_id}/{self.channel}: {self.status}"


class Digest(models.TextChoices):
    NONE = "none", _("即时发送")
    DAILY = "daily", _("每日汇总")
    WEEKLY = "weekly", _("每周汇总")


class NotificationSettings(models.Model):
    """A user's channel choices per kind of notification, digest option and WeChat binding."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, verbose_name=_("用户"), on_delete=models.CASCADE, related_name="notification_settings")
    channels_by_kind = models.JSONField(_("各类通知的渠道"), default=dict, blank=True)
    email_digest = models.CharField(_("邮件汇总"), max_length=8, choices=Digest.choices, default=Digest.NONE)
    last_digest_at = models.DateTimeField(_("上次汇总时间"), null=True, blank=True)
    wechat_openid = models.CharField(_("微信 OpenID"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("通知设置")
        verbose_name_plural = _("通知设置")

    def __str__(self):
        return gettext("%(user)s 的通知设置") % {"user": self.user}


class Topic(models.TextChoices):
    COLUMN = "column", _("栏目")
    COUNTRY = "country", _("国家")
    INDUSTRY = "industry", _("行业")
    CITY = "city", _("市州")


class Subscription(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("用户"), on_delete=models.CASCADE, related_name="subscriptions")
    topic = models.CharField(_("主题类型"), max_length=16, choices=Topic.choices)
    value = models.CharField(_("主题"), max_length=64)
    created_at = models.DateTimeField(_("订阅时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("订阅")
        verbose_name_plural = _("订阅")
        constraints = [models.UniqueConstraint(fields=["user", "topic", "value"], name="notifications_unique_subscription")]
        indexes = [models.Index(fields=["topic", "value"])]

    def __str__(self):
        return gettext("%(user)s 订阅 %(topic)s %(value)s") % {"user": self.user, "topic": self.get_topic_display(), "value": self.value}


class PageAnnouncement(models.Model):
    """Marks a portal page whose subscribers were notified, so re-publishing does not notify again."""

    page_id = models.PositiveIntegerField(_("页面"), unique=True)
    recipient_count = models.PositiveIntegerField(_("通知人数"), default=0)
    created_at = models.DateTimeField(_("时间"), auto_now_add=True)

    def __str__(self):
        return gettext("页面 %(page)s 已通知 %(n)s 人") % {"page": self.page_id, "n": self.recipient_count}
