"""In-site messages (站内信) and the records behind the other channels.

Every notification is first a ``Message`` in the recipient's inbox; e-mail, SMS and WeChat
copies are ``Delivery`` rows, one per (message, channel), so a retried job never sends twice.
"""

from django.conf import settings
from django.db import models


class Channel(models.TextChoices):
    INBOX = "inbox", "站内信"
    EMAIL = "email", "电子邮件"
    SMS = "sms", "短信"
    WECHAT = "wechat", "微信"


class Push(models.Model):
    """A notice composed by staff for a targeted audience, sent now or at a set time."""

    class Status(models.TextChoices):
        DRAFT = "draft", "草稿"
        SCHEDULED = "scheduled", "待发送"
        SENDING = "sending", "发送中"
        SENT = "sent", "已发送"

    title = models.CharField("标题", max_length=200)
    body = models.TextField("内容")
    url = models.CharField("链接", max_length=500, blank=True)
    channels = models.JSONField("发送渠道", default=list)
    audience = models.JSONField("受众条件", default=dict)
    status = models.CharField("状态", max_length=16, choices=Status.choices, default=Status.DRAFT, db_index=True)
    send_at = models.DateTimeField("计划发送时间", null=True, blank=True)
    sent_at = models.DateTimeField("发送时间", null=True, blank=True)
    recipient_count = models.PositiveIntegerField("收件人数", default=0)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="创建人", null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField("创建时间", auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "定向推送"
        verbose_name_plural = "定向推送"

    def __str__(self):
        return self.title


class Message(models.Model):
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="收件人", on_delete=models.CASCADE, related_name="messages")
    kind = models.CharField("类别", max_length=64, db_index=True)
    title = models.CharField("标题", max_length=200)
    body = models.TextField("内容", blank=True)
    url = models.CharField("链接", max_length=500, blank=True)
    push = models.ForeignKey(Push, verbose_name="定向推送", null=True, blank=True, on_delete=models.SET_NULL, related_name="messages")
    created_at = models.DateTimeField("时间", auto_now_add=True, db_index=True)
    read_at = models.DateTimeField("阅读时间", null=True, blank=True)
    archived_at = models.DateTimeField("归档时间", null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "站内信"
        verbose_name_plural = "站内信"
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
        PENDING = "pending", "待发送"
        DIGEST = "digest", "待汇总"
        SENDING = "sending", "发送中"
        SENT = "sent", "已发送"
        FAILED = "failed", "失败"
        SKIPPED = "skipped", "无联系方式"

    message = models.ForeignKey(Message, verbose_name="消息", on_delete=models.CASCADE, related_name="deliveries")
    channel = models.CharField("渠道", max_length=16, choices=Channel.choices)
    status = models.CharField("状态", max_length=16, choices=Status.choices, default=Status.PENDING, db_index=True)
    attempts = models.PositiveSmallIntegerField("尝试次数", default=0)
    error = models.TextField("错误", blank=True)
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    sent_at = models.DateTimeField("发送时间", null=True, blank=True)

    class Meta:
        verbose_name = "投递记录"
        verbose_name_plural = "投递记录"
        constraints = [models.UniqueConstraint(fields=["message", "channel"], name="notifications_one_delivery_per_channel")]

    def __str__(self):
        return f"{self.message_id}/{self.channel}: {self.status}"


class Digest(models.TextChoices):
    NONE = "none", "即时发送"
    DAILY = "daily", "每日汇总"
    WEEKLY = "weekly", "每周汇总"


class NotificationSettings(models.Model):
    """A user's channel choices per kind of notification, digest option and WeChat binding."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, verbose_name="用户", on_delete=models.CASCADE, related_name="notification_settings")
    channels_by_kind = models.JSONField("各类通知的渠道", default=dict, blank=True)
    email_digest = models.CharField("邮件汇总", max_length=8, choices=Digest.choices, default=Digest.NONE)
    last_digest_at = models.DateTimeField("上次汇总时间", null=True, blank=True)
    wechat_openid = models.CharField("微信 OpenID", max_length=64, blank=True)

    class Meta:
        verbose_name = "通知设置"
        verbose_name_plural = "通知设置"

    def __str__(self):
        return f"{self.user} 的通知设置"


class Topic(models.TextChoices):
    COLUMN = "column", "栏目"
    COUNTRY = "country", "国家"
    INDUSTRY = "industry", "行业"
    CITY = "city", "市州"


class Subscription(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="用户", on_delete=models.CASCADE, related_name="subscriptions")
    topic = models.CharField("主题类型", max_length=16, choices=Topic.choices)
    value = models.CharField("主题", max_length=64)
    created_at = models.DateTimeField("订阅时间", auto_now_add=True)

    class Meta:
        verbose_name = "订阅"
        verbose_name_plural = "订阅"
        constraints = [models.UniqueConstraint(fields=["user", "topic", "value"], name="notifications_unique_subscription")]
        indexes = [models.Index(fields=["topic", "value"])]

    def __str__(self):
        return f"{self.user} 订阅 {self.get_topic_display()} {self.value}"


class PageAnnouncement(models.Model):
    """Marks a portal page whose subscribers were notified, so re-publishing does not notify again."""

    page_id = models.PositiveIntegerField("页面", unique=True)
    recipient_count = models.PositiveIntegerField("通知人数", default=0)
    created_at = models.DateTimeField("时间", auto_now_add=True)

    def __str__(self):
        return f"页面 {self.page_id} 已通知 {self.recipient_count} 人"
