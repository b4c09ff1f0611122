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
from django.utils.translation import gettext_lazy as _

from taxonomy.cities import Jurisdiction


class Kind(models.TextChoices):
    CONFERENCE = "conference", _("会议论坛")
    FAIR = "fair", _("展会博览")
    TRAINING = "training", _("培训")
    MATCHMAKING = "matchmaking", _("对接洽谈")
    ROADSHOW = "roadshow", _("路演推介")
    WEBINAR = "webinar", _("线上直播")


class Status(models.TextChoices):
    DRAFT = "draft", _("草稿")
    IN_REVIEW = "in_review", _("待审核")
    PUBLISHED = "published", _("已发布")
    CANCELLED = "cancelled", _("已取消")


class RegistrationStatus(models.TextChoices):
    PENDING = "pending", _("待审核")
    CONFIRMED = "confirmed", _("报名成功")
    WAITLISTED = "waitlisted", _("候补中")
    REJECTED = "rejected", _("未通过")
    CANCELLED = "cancelled", _("已取消")


# Registration statuses that hold (or wait for) a seat.
ACTIVE_STATUSES = (RegistrationStatus.PENDING, RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED)


class AskedField(models.TextChoices):
    """Optional questions an organiser may ask each registrant (name and mobile are always asked)."""

    TITLE = "title", _("职务")
    EMAIL = "email", _("电子邮箱")
    COUNTRIES = "countries", _("关注的国家(地区)")
    NEEDS = "needs", _("对接需求")
    DIETARY = "dietary", _("饮食禁忌")


def new_code():
    # 8 characters from an alphabet without look-alikes (0/O, 1/I/L): easy to read out at the door.
    alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
    return "".join(secrets.choice(alphabet) for _ in range(8))


class Event(models.Model):
    title = models.CharField(_("活动名称"), max_length=200)
    summary = models.CharField(_("简介"), max_length=300)
    body = models.TextField(_("详细介绍"), blank=True, help_text=_("可使用基本 HTML，保存时自动清理不安全内容"))
    agenda = models.TextField(_("议程"), blank=True, help_text=_("每行一项，如“09:00 开幕致辞”"))
    kind = models.CharField(_("活动类型"), max_length=16, choices=Kind.choices, db_index=True)
    status = models.CharField(_("状态"), max_length=16, choices=Status.choices, default=Status.DRAFT, db_index=True)

    organizer_org = models.ForeignKey("accounts.Organization", verbose_name=_("主办机构"), null=True, blank=True,
                                      on_delete=models.PROTECT, related_name="organized_events",
                                      help_text=_("由认证服务机构主办时填写；留空表示由平台/商务部门主办"))
    organizer_name = models.CharField(_("主办单位(显示)"), max_length=200)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("创建人"), null=True, on_delete=models.SET_NULL, related_name="+")

    city = models.CharField(_("所属市州"), max_length=16, choices=Jurisdiction.choices, default=Jurisdiction.PROVINCE, db_index=True)
    overseas_location = models.CharField(_("境外举办地"), max_length=200, blank=True)
    countries = models.ManyToManyField("taxonomy.Country", verbose_name=_("相关国家(地区)"), blank=True, related_name="events")
    industries = models.ManyToManyField("taxonomy.Industry", verbose_name=_("相关行业"), blank=True, related_name="events")
    sino_africa = models.BooleanField(_("中非经贸活动"), default=False, db_index=True)

    starts_at = models.DateTimeField(_("开始时间"), db_index=True)
    ends_at = models.DateTimeField(_("结束时间"), db_index=True)
    venue = models.CharField(_("举办地点"), max_length=300, blank=True)
    online_url = models.URLField(_("线上参与链接"), blank=True)
    contact_name = models.CharField(_("联系人"), max_length=50, blank=True)
    contact_phone = models.CharField(_("联系电话"), max_length=30, blank=True)
    contact_email = models.EmailField(_("联系邮箱"), blank=True)

    capacity = models.PositiveIntegerField(_("名额(人)"), null=True, blank=True, help_text=_("留空表示不限"))
    max_attendees_per_registration = models.PositiveSmallIntegerField(_("每单位最多参会人数"), default=5)
    registration_opens_at = models.DateTimeField(_("报名开始"), null=True, blank=True)
    registration_closes_at = models.DateTimeField(_("报名截止"), null=True, blank=True)
    needs_approval = models.BooleanField(_("报名需审核"), default=False)
    asked_fields = models.JSONField(_("报名需填写"), default=list, blank=True)

    review_comment = models.TextField(_("审核意见"), blank=True)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("审核人"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    published_at = models.DateTimeField(_("发布时间"), null=True, blank=True)
    recap = models.TextField(_("活动回顾"), blank=True, help_text=_("活动结束后填写，可使用基本 HTML"))
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        ordering = ["starts_at", "id"]
        indexes = [models.Index(fields=["status", "ends_at"], name="event_status_end")]
        permissions = [
            ("review_event", _("可审核活动")),
            ("manage_all_events", _("可管理全部活动")),
            ("view_registrant_mobile", _("可查看报名人完整手机号")),
        ]
        verbose_name = _("活动")
        verbose_name_plural = _("活动")

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
    event = models.ForeignKey(Event, verbose_name=_("活动"), on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("报名人"), on_delete=models.CASCADE, related_name="event_registrations")
    organization = models.ForeignKey("accounts.Organization", verbose_name=_("报名单位"), null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="event_registrations")
    status = models.CharField(_("状态"), max_length=16, choices=RegistrationStatus.choices, db_index=True)
    position = models.PositiveIntegerField(_("候补序号"), null=True, blank=True)
    note = models.TextField(_("备注"), blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("审核人"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    decision_comment = models.CharField(_("审核意见"), max_length=300, blank=True)
    reminded_at = models.DateTimeField(_("已提醒时间"), null=True, blank=True)
    created_at = models.DateTimeField(_("报名时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            # One live registration per user per event; cancelled ones are kept as history.
            models.UniqueConstraint(fields=["event", "user"], condition=models.Q(status__in=["pending", "confirmed", "waitlisted"]),
                                    name="events_one_active_registration"),
        ]
        verbose_name = _("活动报名")
        verbose_name_plural = _("活动报名")

    def __str__(self):
        return f"{self.event} · {self.user}"

    @property
    def seats(self):
        return self.attendees.count()


class Attendee(models.Model):
    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="attendees")
    name = models.CharField(_("姓名"), max_length=50)
    mobile = models.CharField(_("手机号"), max_length=11)
    answers = models.JSONField(_("其他信息"), default=dict, blank=True)
    code = models.CharField(_("入场码"), max_length=8, unique=True, default=new_code)
    checked_in_at = models.DateTimeField(_("签到时间"), null=True, blank=True)
    checked_in_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["id"]
        verbose_name = _("参会人")
        verbose_name_plural = _("参会人")

    def __str__(self):
        return self.name
