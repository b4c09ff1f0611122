"""Data calls (数据/资料报送): a form the department or a city bureau publishes to a set of
enterprises, and each organisation's one submission.

Field definitions reuse Wagtail's form builder (``wagtail.contrib.forms.AbstractFormField`` and
``FormBuilder``) but hang off a plain clusterable model instead of a form *page*: a data call is
private to its audience, has one editable submission per organisation and a deadline, none of
which a public form page offers. See docs/datacalls.md.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.contrib.forms.models import FORM_FIELD_CHOICES, AbstractFormField

from taxonomy.cities import City
from uploads.storage import RandomName, private_storage

FIELD_TYPES = [
    ("singleline", _("单行文本")),
    ("multiline", _("多行文本")),
    ("number", _("数字")),
    ("date", _("日期")),
    ("dropdown", _("单选（下拉）")),
    ("radio", _("单选（按钮）")),
    ("checkboxes", _("多选")),
    ("file", _("文件上传")),
]
NUMERIC_TYPES = {"number"}
CHOICE_TYPES = {"dropdown", "radio", "checkboxes"}
assert {code for code, _label in FIELD_TYPES} - {"file"} <= {code for code, _label in FORM_FIELD_CHOICES}


class Audience(models.TextChoices):
    ALL = "all", _("全部已认证企业")
    CITY = "city", _("按市州")
    INDUSTRY = "industry", _("按行业")
    FILING_KIND = "filing_kind", _("按备案业务类型")
    LIST = "list", _("指定企业名单")


class CallStatus(models.TextChoices):
    DRAFT = "draft", _("草稿")
    PUBLISHED = "published", _("已发布")
    CLOSED = "closed", _("已结束")


class DataCall(ClusterableModel):
    title = models.CharField(_("报送名称"), max_length=200)
    instructions = models.TextField(_("填报说明"), blank=True)
    owner_city = models.CharField(_("发布单位"), max_length=16, choices=City.choices, blank=True,
                                  help_text=_("空＝省商务厅发布；填写市州＝该市州商务局发布，只面向本市州企业"))
    audience = models.CharField(_("报送对象"), max_length=16, choices=Audience.choices, default=Audience.ALL)
    audience_cities = models.JSONField(_("对象市州"), default=list, blank=True)
    audience_industries = models.ManyToManyField("taxonomy.Industry", verbose_name=_("对象行业"), blank=True)
    audience_filing_kinds = models.JSONField(_("对象备案类型"), default=list, blank=True)
    audience_orgs = models.ManyToManyField("accounts.Organization", verbose_name=_("指定企业"), blank=True, related_name="+")
    opens_at = models.DateTimeField(_("开始时间"), default=timezone.now)
    closes_at = models.DateTimeField(_("截止时间"))
    accept_late = models.BooleanField(_("截止后允许补报"), default=True, help_text=_("补报的记录标记为“逾期提交”"))
    remind_days = models.PositiveSmallIntegerField(_("截止前几天提醒"), default=3)
    status = models.CharField(_("状态"), max_length=16, choices=CallStatus.choices, default=CallStatus.DRAFT, db_index=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("创建人"), null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    published_at = models.DateTimeField(_("发布时间"), null=True, blank=True)

    class Meta:
        verbose_name = pgettext_lazy("singular", "数据报送")
        verbose_name_plural = _("数据报送")
        ordering = ["-closes_at", "-id"]

    def __str__(self):
        return self.title

    @property
    def publisher(self) -> str:
        """The publishing authority, in the active language (the city's name stays Chinese: reference data)."""
        return gettext("%(city)s商务局") % {"city": self.get_owner_city_display()} if self.owner_city else gettext("省商务厅")

    def is_open(self, now=None) -> bool:
        now = now or timezone.now()
        return self.status == CallStatus.PUBLISHED and self.opens_at <= now < self.closes_at

    def is_past_deadline(self, now=None) -> bool:
        return (now or timezone.now()) >= self.closes_at


class DataCallField(AbstractFormField):
    """One question of a call; Wagtail's form-field model plus a file type and file rules."""

    call = ParentalKey(DataCall, on_delete=models.CASCADE, related_name="form_fields")
    field_type = models.CharField(_("题型"), max_length=16, choices=FIELD_TYPES)
    file_extensions = models.CharField(_("允许的文件类型"), max_length=100, blank=True, default="pdf,docx,xlsx,jpg,png",
                                       help_text=_("仅文件上传题：逗号分隔的扩展名"))
    max_file_mb = models.PositiveSmallIntegerField(_("文件大小上限（MB）"), default=10)

    class Meta(AbstractFormField.Meta):
        verbose_name = _("报送字段")
        verbose_name_plural = _("报送字段")

    def get_field_clean_name(self):
        # Chinese labels would give unreadable slugs; a stable random key keeps stored answers
        # valid when the label is later corrected.
        return f"q_{uuid.uuid4().hex[:10]}"

    def choice_list(self) -> list[str]:
        from wagtail.contrib.forms.forms import _split_by_newline_or_comma

        return [c for c in _split_by_newline_or_comma(self.choices) if c] if self.choices.strip() else []

    def extension_list(self) -> list[str]:
        return [e.strip().lower().lstrip(".") for e in self.file_extensions.replace("，", ",").split(",") if e.strip()]


class SubmissionStatus(models.TextChoices):
    DRAFT = "draft", _("已暂存")
    SUBMITTED = "submitted", _("已提交")


class Submission(models.Model):
    call = models.ForeignKey(DataCall, verbose_name=pgettext_lazy("singular", "数据报送"), on_delete=models.CASCADE, related_name="submissions")
    organization = models.ForeignKey("accounts.Organization", verbose_name=_("填报单位"), on_delete=models.CASCADE, related_name="datacall_submissions")
    data = models.JSONField(_("填报内容"), default=dict, blank=True)
    status = models.CharField(_("状态"), max_length=16, choices=SubmissionStatus.choices, default=SubmissionStatus.DRAFT)
    late = models.BooleanField(_("逾期提交"), default=False)
    locked = models.BooleanField(_("已锁定"), default=False)
    submitted_at = models.DateTimeField(_("提交时间"), null=True, blank=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("提交人"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        verbose_name = _("报送记录")
        verbose_name_plural = _("报送记录")
        constraints = [models.UniqueConstraint(fields=["call", "organization"], name="datacalls_one_submission_per_org")]

    def __str__(self):
        return f"{self.call} — {self.organization}"


def upload_to(instance, filename):
    """The public path files had before private storage; kept only because migration 0001 names it."""
    return f"datacalls/{instance.submission.call_id}/{uuid.uuid4().hex}/{filename}"


class SubmissionFile(models.Model):
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="files")
    field_name = models.CharField(_("字段"), max_length=255)
    file = models.FileField(_("文件"), storage=private_storage, upload_to=RandomName("datacalls"), max_length=300)
    original_name = models.CharField(_("原文件名"), max_length=255)
    size = models.PositiveIntegerField(_("大小（字节）"), default=0)
    uploaded_at = models.DateTimeField(_("上传时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("报送附件")
        verbose_name_plural = _("报送附件")

    def __str__(self):
        return self.original_name


class Reminder(models.Model):
    """One reminder sent to one organisation about one call, so the periodic job never repeats it."""

    class Kind(models.TextChoices):
        DUE_SOON = "due_soon", _("截止前提醒")
        OVERDUE = "overdue", _("逾期未报提醒")

    call = models.ForeignKey(DataCall, on_delete=models.CASCADE, related_name="reminders")
    organization = models.ForeignKey("accounts.Organization", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["call", "organization", "kind"], name="datacalls_one_reminder_per_kind")]

    def __str__(self):
        return f"{self.get_kind_display()}：{self.organization_id}"
