"""Events (活动) and registrations (活动报名).

An ``Event`` moves draft → in review → published (→ cancelled); the allowed moves are listed in
``events/workflow.py``. A ``Registration`` is one user's sign-up — for an enterprise, on behalf of
its organisation with named ``Attendee`` rows. Each attendee carries its own entry code (入场码),
used for check-in and printed in the attendee handbook. ``position`` orders the waiting list.
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone

from taxonomy.cities import Jurisdiction


class Kind(models.TextChoices):
    CONFERENCE = "conference", "会议论坛"
    FAIR = "fair", "展会博览"
    TRAINING = "training", "培训"
    MATCHMAKING = "matchmaking", "对接洽谈"
    ROADSHOW = "roadshow", "路演推介"
    WEBINAR = "webinar", "线上直播"


class Status(models.TextChoices):
    DRAFT = "draft", "草稿"
    IN_REVIEW = "in_review", "待审核"
    PUBLISHED = "published", "已发布"
    CANCELLED = "cancelled", "已取消"


class RegistrationStatus(models.TextChoices):
    PENDING = "pending", "待审核"
    CONFIRMED = "confirmed", "报名成功"
    WAITLISTED = "waitlisted", "候补中"
    REJECTED = "rejected", "未通过"
    CANCELLED = "cancelled", "已取消"


# Registration statuses that hold (or wait for) a seat.
ACTIVE_STATUSES = (RegistrationStatus.PENDING, RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED)


class AskedField(models.TextChoices):
    """Optional questions an organiser may ask each registrant (name and mobile are always asked)."""

    TITLE = "title", "职务"
    EMAIL = "email", "电子邮箱"
    COUNTRIES = "countries", "关注的国家(地区)"
    NEEDS = "needs", "对接需求"
    DIETARY = "dietary", "饮食禁忌"


def new_code():
    # 8 characters from an alphabet without look-alikes (0/O, 1/I/L): easy to read out at the door.
    alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
    return "".join(secrets.choice(alphabet) for _ in range(8))


class Event(models.Model):
    title = models.CharField("活动名称", max_length=200)
    summary = models.CharField("简介", max_length=300)
    body = models.TextField("详细介绍", blank=True, help_text="可使用基本 HTML，保存时自动清理不安全内容")
    agenda = models.TextField("议程", blank=True, help_text="每行一项，如“09:00 开幕致辞”")
    kind = models.CharField("活动类型", max_length=16, choices=Kind.choices, db_index=True)
    status = models.CharField("状态", max_length=16, choices=Status.choices, default=Status.DRAFT, db_index=True)

    organizer_org = models.ForeignKey("accounts.Organization", verbose_name="主办机构", null=True, blank=True,
                                      on_delete=models.PROTECT, related_name="organized_events",
                                      help_text="由认证服务机构主办时填写；留空表示由平台/商务部门主办")
    organizer_name = models.CharField("主办单位(显示)", max_length=200)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="创建人", null=True, on_delete=models.SET_NULL, related_name="+")

    city = models.CharField("所属市州", max_length=16, choices=Jurisdiction.choices, default=Jurisdiction.PROVINCE, db_index=True)
    overseas_location = models.CharField("境外举办地", max_length=200, blank=True)
    countries = models.ManyToManyField("taxonomy.Country", verbose_name="相关国家(地区)", blank=True, related_name="events")
    industries = models.ManyToManyField("taxonomy.Industry", verbose_name="相关行业", blank=True, related_name="events")
    sino_africa = models.BooleanField("中非经贸活动", default=False, db_index=True)

    starts_at = models.DateTimeField("开始时间", db_index=True)
    ends_at = models.DateTimeField("结束时间", db_index=True)
    venue = models.CharField("举办地点", max_length=300, blank=True)
    online_url = models.URLField("线上参与链接", blank=True)
    contact_name = models.CharField("联系人", max_length=50, blank=True)
    contact_phone = models.CharField("联系电话", max_length=30, blank=True)
    contact_email = models.EmailField("联系邮箱", blank=True)

    capacity = models.PositiveIntegerField("名额(人)", null=True, blank=True, help_text="留空表示不限")
    max_attendees_per_registration = models.PositiveSmallIntegerField("每单位最多参会人数", default=5)
    registration_opens_at = models.DateTimeField("报名开始", null=True, blank=True)
    registration_closes_at = models.DateTimeField("报名截止", null=True, blank=True)
    needs_approval = models.BooleanField("报名需审核", default=False)
    asked_fields = models.JSONField("报名需填写", default=list, blank=True)

    review_comment = models.TextField("审核意见", blank=True)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="审核人", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    published_at = models.DateTimeField("发布时间", null=True, blank=True)
    recap = models.TextField("活动回顾", blank=True, help_text="活动结束后填写，可使用基本 HTML")
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    class Meta:
        ordering = ["starts_at", "id"]
        indexes = [models.Index(fields=["status", "ends_at"], name="event_status_end")]
        permissions = [
            ("review_event", "可审核活动"),
            ("manage_all_events", "可管理全部活动"),
            ("view_registrant_mobile", "可查看报名人完整手机号"),
        ]
        verbose_name = "活动"
        verbose_name_plural = "活动"

    def __str__(self):
        return self.title

    @property
    def is_past(self):
        return self.ends_at < timezone.now()

    @property
    def place(self):
        if self.overseas_location:
            return self.overseas_location
        return self.get_city_display()

    @property
    def asked_field_labels(self):
        labels = dict(AskedField.choices)
        return [(code, labels[code]) for code in self.asked_fields if code in labels]


class Registration(models.Model):
    event = models.ForeignKey(Event, verbose_name="活动", on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="报名人", on_delete=models.CASCADE, related_name="event_registrations")
    organization = models.ForeignKey("accounts.Organization", verbose_name="报名单位", null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="event_registrations")
    status = models.CharField("状态", max_length=16, choices=RegistrationStatus.choices, db_index=True)
    position = models.PositiveIntegerField("候补序号", null=True, blank=True)
    note = models.TextField("备注", blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="审核人", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    decision_comment = models.CharField("审核意见", max_length=300, blank=True)
    reminded_at = models.DateTimeField("已提醒时间", null=True, blank=True)
    created_at = models.DateTimeField("报名时间", auto_now_add=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            # One live registration per user per event; cancelled ones are kept as history.
            models.UniqueConstraint(fields=["event", "user"], condition=models.Q(status__in=["pending", "confirmed", "waitlisted"]),
                                    name="events_one_active_registration"),
        ]
        verbose_name = "活动报名"
        verbose_name_plural = "活动报名"

    def __str__(self):
        return f"{self.event} · {self.user}"

    @property
    def seats(self):
        return self.attendees.count()


class Attendee(models.Model):
    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="attendees")
    name = models.CharField("姓名", max_length=50)
    mobile = models.CharField("手机号", max_length=11)
    answers = models.JSONField("其他信息", default=dict, blank=True)
    code = models.CharField("入场码", max_length=8, unique=True, default=new_code)
    checked_in_at = models.DateTimeField("签到时间", null=True, blank=True)
    checked_in_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["id"]
        verbose_name = "参会人"
        verbose_name_plural = "参会人"

    def __str__(self):
        return self.name
