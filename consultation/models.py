"""Enquiries (咨询) tracked from capture to reply, offline follow-up and evaluation.

Everything that happens to an enquiry is an ``Event`` on its timeline: replies (public or
private), internal notes, reassignments, the asker's follow-up questions, offline follow-up,
reminders, escalations and the rating.
"""

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models

from taxonomy.cities import City
from uploads.storage import RandomName, private_storage


class Category(models.TextChoices):
    INVESTMENT = "investment", "对外投资综合咨询"
    CONTRACTING = "contracting", "承包工程综合咨询"
    LABOUR = "labour", "对外劳务综合咨询"
    FINANCE = "finance", "金融服务咨询"
    POLICY = "policy", "政策法律财务咨询"
    SUGGESTION = "suggestion", "意见建议"


class Status(models.TextChoices):
    OPEN = "open", "待答复"
    ANSWERED = "answered", "已答复"
    CLOSED = "closed", "已办结"


class Enquiry(models.Model):
    asker = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="提问人", null=True, blank=True, on_delete=models.SET_NULL, related_name="enquiries")
    asker_name = models.CharField("称呼", max_length=50)
    mobile = models.CharField("手机号", max_length=11, blank=True)
    category = models.CharField("类别", max_length=16, choices=Category.choices, db_index=True)
    city = models.CharField("相关市州", max_length=16, choices=City.choices, blank=True, db_index=True)
    country = models.ForeignKey("taxonomy.Country", verbose_name="相关国家", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    page = models.ForeignKey("wagtailcore.Page", verbose_name="相关页面", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    expert = models.ForeignKey("experts.Expert", verbose_name="指定专家", null=True, blank=True, on_delete=models.SET_NULL, related_name="enquiries")
    subject = models.CharField("标题", max_length=120)
    body = models.TextField("问题描述")
    group = models.ForeignKey(Group, verbose_name="受理组", on_delete=models.PROTECT, related_name="enquiries")
    assignee = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="承办人", null=True, blank=True, on_delete=models.SET_NULL, related_name="assigned_enquiries")
    status = models.CharField("状态", max_length=16, choices=Status.choices, default=Status.OPEN, db_index=True)
    created_at = models.DateTimeField("提问时间", db_index=True)
    due_at = models.DateTimeField("答复期限", db_index=True)
    first_response_at = models.DateTimeField("首次答复时间", null=True, blank=True)
    answered_at = models.DateTimeField("最近答复时间", null=True, blank=True)
    reminded_at = models.DateTimeField("提醒时间", null=True, blank=True)
    escalated_at = models.DateTimeField("督办时间", null=True, blank=True)
    closed_at = models.DateTimeField("办结时间", null=True, blank=True)
    rating = models.PositiveSmallIntegerField("满意度", null=True, blank=True)
    rating_comment = models.CharField("评价", max_length=500, blank=True)
    in_faq = models.BooleanField("已公开至常见问题", default=False, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "咨询"
        verbose_name_plural = "咨询"
        indexes = [models.Index(fields=["group", "status", "due_at"])]

    def __str__(self):
        return f"#{self.pk} {self.subject}"

    @property
    def answered_on_time(self):
        return self.first_response_at is not None and self.first_response_at <= self.due_at


class Event(models.Model):
    class Kind(models.TextChoices):
        ASKED = "asked", "提出咨询"
        ROUTED = "routed", "分派受理组"
        REASSIGNED = "reassigned", "改派"
        REPLY = "reply", "答复"
        NOTE = "note", "内部备注"
        FOLLOW_UP_QUESTION = "follow_up_question", "追问"
        OFFLINE = "offline", "线下跟进"
        REMINDER = "reminder", "到期提醒"
        ESCALATED = "escalated", "超期督办"
        RATED = "rated", "评价"
        CLOSED = "closed", "办结"

    class Offline(models.TextChoices):
        MEETING = "meeting", "约见面谈"
        CALL = "call", "电话回访"
        BANK_REFERRAL = "bank_referral", "转介银行网点"
        INSTITUTION_REFERRAL = "institution_referral", "转介服务机构"

    enquiry = models.ForeignKey(Enquiry, verbose_name="咨询", on_delete=models.CASCADE, related_name="events")
    kind = models.CharField("类型", max_length=24, choices=Kind.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="操作人", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    body = models.TextField("内容", blank=True)
    is_public = models.BooleanField("公开答复", default=False)
    offline_kind = models.CharField("跟进方式", max_length=24, choices=Offline.choices, blank=True)
    counterpart = models.CharField("对接网点/机构", max_length=200, blank=True)
    outcome = models.TextField("跟进结果", blank=True)
    created_at = models.DateTimeField("时间", db_index=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = "办理记录"
        verbose_name_plural = "办理记录"

    def __str__(self):
        return f"{self.get_kind_display()} #{self.enquiry_id}"

    @property
    def internal(self):
        """Seen by staff only: notes, routing, reminders, escalations, offline follow-up."""
        return self.kind in {self.Kind.NOTE, self.Kind.ROUTED, self.Kind.REASSIGNED, self.Kind.REMINDER, self.Kind.ESCALATED, self.Kind.OFFLINE}


def attachment_path(instance, filename):
    """The public path attachments had before private storage; kept only because migration 0001 names it."""
    return f"consultation/{instance.enquiry_id}/{filename}"


class Attachment(models.Model):
    enquiry = models.ForeignKey(Enquiry, verbose_name="咨询", on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField("附件", storage=private_storage, upload_to=RandomName("consultation"), max_length=200)
    name = models.CharField("文件名", max_length=200)
    size = models.PositiveIntegerField("大小")

    class Meta:
        verbose_name = "附件"
        verbose_name_plural = "附件"

    def __str__(self):
        return self.name


class CategoryPolicy(models.Model):
    """Per-category response deadline; categories without a row use the settings' defaults."""

    category = models.CharField("类别", max_length=16, choices=Category.choices, unique=True)
    due_working_days = models.PositiveSmallIntegerField("答复期限（工作日）")
    remind_working_days = models.PositiveSmallIntegerField("提前提醒（工作日）", default=1)

    class Meta:
        verbose_name = "答复时限"
        verbose_name_plural = "答复时限"

    def __str__(self):
        return f"{self.get_category_display()}: {self.due_working_days} 个工作日"


class RoutingRule(models.Model):
    """Overrides the built-in routing: enquiries of ``category`` (and ``city`` if set) go to ``group``."""

    category = models.CharField("类别", max_length=16, choices=Category.choices)
    city = models.CharField("市州", max_length=16, choices=City.choices, blank=True)
    group = models.ForeignKey(Group, verbose_name="受理组", on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = "分派规则"
        verbose_name_plural = "分派规则"
        constraints = [models.UniqueConstraint(fields=["category", "city"], name="consultation_one_rule_per_category_city")]

    def __str__(self):
        return f"{self.get_category_display()} {self.get_city_display() or '全部市州'} → {self.group}"


class TeamLead(models.Model):
    """The lead of a responsible group: receives escalations of its overdue enquiries and may reassign."""

    group = models.OneToOneField(Group, verbose_name="受理组", on_delete=models.CASCADE, related_name="consultation_lead")
    lead = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="负责人", on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = "受理组负责人"
        verbose_name_plural = "受理组负责人"

    def __str__(self):
        return f"{self.group} 负责人 {self.lead}"

