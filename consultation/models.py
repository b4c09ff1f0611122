"""Enquiries (咨询) tracked from capture to reply, offline follow-up and evaluation.

Everything that happens to an enquiry is an ``Event`` on its timeline: replies (public or
private), internal notes, reassignments, the asker's follow-up questions, offline follow-up,
reminders, escalations and the rating.
"""

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext, ngettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from taxonomy.cities import City
from uploads.storage import RandomName, private_storage


class Category(models.TextChoices):
    INVESTMENT = "investment", _("对外投资综合咨询")
    CONTRACTING = "contracting", _("承包工程综合咨询")
    LABOUR = "labour", _("对外劳务综合咨询")
    FINANCE = "finance", _("金融服务咨询")
    POLICY = "policy", _("政策法律财务咨询")
    SUGGESTION = "suggestion", _("意见建议")


class Status(models.TextChoices):
    OPEN = "open", _("待答复")
    ANSWERED = "answered", _("已答复")
    CLOSED = "closed", _("已办结")


class Enquiry(models.Model):
    asker = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("提问人"), null=True, blank=True, on_delete=models.SET_NULL, related_name="enquiries")
    asker_name = models.CharField(_("称呼"), max_length=50)
    mobile = models.CharField(_("手机号"), max_length=11, blank=True)
    category = models.CharField(_("类别"), max_length=16, choices=Category.choices, db_index=True)
    city = models.CharField(_("相关市州"), max_length=16, choices=City.choices, blank=True, db_index=True)
    country = models.ForeignKey("taxonomy.Country", verbose_name=_("相关国家"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    page = models.ForeignKey("wagtailcore.Page", verbose_name=_("相关页面"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    expert = models.ForeignKey("experts.Expert", verbose_name=_("指定专家"), null=True, blank=True, on_delete=models.SET_NULL, related_name="enquiries")
    subject = models.CharField(_("标题"), max_length=120)
    body = models.TextField(_("问题描述"))
    group = models.ForeignKey(Group, verbose_name=_("受理组"), on_delete=models.PROTECT, related_name="enquiries")
    assignee = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("承办人"), null=True, blank=True, on_delete=models.SET_NULL, related_name="assigned_enquiries")
    status = models.CharField(_("状态"), max_length=16, choices=Status.choices, default=Status.OPEN, db_index=True)
    created_at = models.DateTimeField(_("提问时间"), db_index=True)
    due_at = models.DateTimeField(_("答复期限"), db_index=True)
    first_response_at = models.DateTimeField(_("首次答复时间"), null=True, blank=True)
    answered_at = models.DateTimeField(_("最近答复时间"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("提醒时间"), null=True, blank=True)
    escalated_at = models.DateTimeField(_("督办时间"), null=True, blank=True)
    closed_at = models.DateTimeField(_("办结时间"), null=True, blank=True)
    rating = models.PositiveSmallIntegerField(_("满意度"), null=True, blank=True)
    rating_comment = models.CharField(_("评价"), max_length=500, blank=True)
    in_faq = models.BooleanField(_("已公开至常见问题"), default=False, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = pgettext_lazy("one enquiry", "咨询")
        verbose_name_plural = _("咨询")
        indexes = [models.Index(fields=["group", "status", "due_at"])]

    def __str__(self):
        return f"#{self.pk} {self.subject}"

    @property
    def answered_on_time(self):
        return self.first_response_at is not None and self.first_response_at <= self.due_at


class Event(models.Model):
    class Kind(models.TextChoices):
        ASKED = "asked", _("提出咨询")
        ROUTED = "routed", _("分派受理组")
        REASSIGNED = "reassigned", pgettext_lazy("enquiry event", "改派")
        REPLY = "reply", _("答复")
        NOTE = "note", _("内部备注")
        FOLLOW_UP_QUESTION = "follow_up_question", _("追问")
        OFFLINE = "offline", _("线下跟进")
        REMINDER = "reminder", _("到期提醒")
        ESCALATED = "escalated", _("超期督办")
        RATED = "rated", pgettext_lazy("enquiry event", "评价")
        CLOSED = "closed", pgettext_lazy("enquiry event", "办结")

    class Offline(models.TextChoices):
        MEETING = "meeting", _("约见面谈")
        CALL = "call", _("电话回访")
        BANK_REFERRAL = "bank_referral", _("转介银行网点")
        INSTITUTION_REFERRAL = "institution_referral", _("转介服务机构")

    enquiry = models.ForeignKey(Enquiry, verbose_name=pgettext_lazy("one enquiry", "咨询"), on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("类型"), max_length=24, choices=Kind.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("操作人"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    body = models.TextField(_("内容"), blank=True)
    is_public = models.BooleanField(_("公开答复"), default=False)
    offline_kind = models.CharField(_("跟进方式"), max_length=24, choices=Offline.choices, blank=True)
    counterpart = models.CharField(_("对接网点/机构"), max_length=200, blank=True)
    outcome = models.TextField(_("跟进结果"), blank=True)
    created_at = models.DateTimeField(_("时间"), db_index=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("办理记录")
        verbose_name_plural = _("办理记录")

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
    enquiry = models.ForeignKey(Enquiry, verbose_name=pgettext_lazy("one enquiry", "咨询"), on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("附件"), storage=private_storage, upload_to=RandomName("consultation"), max_length=200)
    name = models.CharField(_("文件名"), max_length=200)
    size = models.PositiveIntegerField(_("大小"))

    class Meta:
        verbose_name = _("附件")
        verbose_name_plural = _("附件")

    def __str__(self):
        return self.name


class CategoryPolicy(models.Model):
    """Per-category response deadline; categories without a row use the settings' defaults."""

    category = models.CharField(_("类别"), max_length=16, choices=Category.choices, unique=True)
    due_working_days = models.PositiveSmallIntegerField(_("答复期限（工作日）"))
    remind_working_days = models.PositiveSmallIntegerField(_("提前提醒（工作日）"), default=1)

    class Meta:
        verbose_name = _("答复时限")
        verbose_name_plural = _("答复时限")

    def __str__(self):
        return ngettext("%(category)s: %(n)s 个工作日", "%(category)s: %(n)s 个工作日", self.due_working_days) % {"category": self.get_category_display(), "n": self.due_working_days}


class RoutingRule(models.Model):
    """Overrides the built-in routing: enquiries of ``category`` (and ``city`` if set) go to ``group``."""

    category = models.CharField(_("类别"), max_length=16, choices=Category.choices)
    city = models.CharField(_("市州"), max_length=16, choices=City.choices, blank=True)
    group = models.ForeignKey(Group, verbose_name=_("受理组"), on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("分派规则")
        verbose_name_plural = _("分派规则")
        constraints = [models.UniqueConstraint(fields=["category", "city"], name="consultation_one_rule_per_category_city")]

    def __str__(self):
        return f"{self.get_category_display()} {self.get_city_display() or gettext('全部市州')} → {self.group}"


class TeamLead(models.Model):
    """The lead of a responsible group: receives escalations of its overdue enquiries and may reassign."""

    group = models.OneToOneField(Group, verbose_name=_("受理组"), on_delete=models.CASCADE, related_name="consultation_lead")
    lead = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("负责人"), on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("受理组负责人")
        verbose_name_plural = _("受理组负责人")

    def __str__(self):
        return gettext("%(group)s 负责人 %(lead)s") % {"group": self.group, "lead": self.lead}

