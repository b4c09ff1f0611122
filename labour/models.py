"""外派劳务备案: labour-dispatch filings by enterprises qualified for labour cooperation.

An enterprise holding a labour-cooperation qualification (对外劳务合作经营资格) files each
dispatch (which employer abroad, which country, how many workers) with its worker list,
imported from a spreadsheet. Its city bureau or the department reviews the filing.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Qualification(models.Model):
    """The enterprise's labour-cooperation licence; recorded by the department in admin."""

    organization = models.OneToOneField("accounts.Organization", verbose_name=_("企业"), on_delete=models.CASCADE, related_name="labour_qualification")
    certificate_no = models.CharField(_("资格证书编号"), max_length=50)
    valid_until = models.DateField(_("有效期至"))
    note = models.CharField(_("备注"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("对外劳务合作经营资格")
        verbose_name_plural = _("对外劳务合作经营资格")

    def __str__(self):
        return f"{self.organization} {self.certificate_no}"

    def is_valid_on(self, day) -> bool:
        return self.valid_until >= day


class State(models.TextChoices):
    DRAFT = "draft", _("草稿")
    SUBMITTED = "submitted", _("待审核")
    RETURNED = "returned", pgettext_lazy("filing state", "退回修改")
    APPROVED = "approved", _("已备案")
    REJECTED = "rejected", pgettext_lazy("filing state", "不予备案")


class DispatchFiling(models.Model):
    organization = models.ForeignKey("accounts.Organization", verbose_name=_("派出企业"), on_delete=models.PROTECT, related_name="dispatch_filings")
    jurisdiction = models.CharField(_("所属市州"), max_length=16, db_index=True)
    number = models.CharField(_("备案编号"), max_length=30, blank=True)
    country = models.ForeignKey("taxonomy.Country", verbose_name=_("派往国家(地区)"), on_delete=models.PROTECT)
    employer = models.CharField(_("境外雇主"), max_length=200)
    project_name = models.CharField(_("项目/岗位说明"), max_length=200)
    job_category = models.CharField(_("工种"), max_length=100)
    planned_workers = models.PositiveIntegerField(_("计划派出人数"))
    start_date = models.DateField(_("合同开始日期"))
    end_date = models.DateField(_("合同结束日期"))
    contact_name = models.CharField(_("联系人"), max_length=50)
    contact_phone = models.CharField(_("联系电话"), max_length=20)
    state = models.CharField(_("状态"), max_length=16, choices=State.choices, default=State.DRAFT, db_index=True)
    review_comment = models.TextField(_("审核意见"), blank=True)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("审核人"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("填报人"), null=True, on_delete=models.SET_NULL, related_name="+")
    submitted_at = models.DateTimeField(_("提交时间"), null=True, blank=True)
    reviewed_at = models.DateTimeField(_("审核时间"), null=True, blank=True)
    created_at = models.DateTimeField(_("创建时间"), default=timezone.now)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        verbose_name = _("外派劳务备案")
        verbose_name_plural = _("外派劳务备案")
        ordering = ["-updated_at", "-id"]

    def __str__(self):
        return f"{self.project_name}（{self.employer}）"

    @property
    def editable(self):
        return self.state in (State.DRAFT, State.RETURNED)


class Worker(models.Model):
    """One dispatched worker; the ID number is the natural key within a filing."""

    filing = models.ForeignKey(DispatchFiling, verbose_name=_("备案"), on_delete=models.CASCADE, related_name="workers")
    name = models.CharField(_("姓名"), max_length=50)
    gender = models.CharField(_("性别"), max_length=2)
    id_number = models.CharField(_("身份证号"), max_length=18)
    birth_date = models.DateField(_("出生日期"))
    passport_no = models.CharField(_("护照号"), max_length=12)
    job = models.CharField(_("岗位"), max_length=100, blank=True)
    phone = models.CharField(_("联系电话"), max_length=20, blank=True)

    class Meta:
        verbose_name = _("外派人员")
        verbose_name_plural = _("外派人员")
        ordering = ["id"]
        constraints = [models.UniqueConstraint(fields=["filing", "id_number"], name="labour_worker_unique_id_per_filing")]

    def __str__(self):
        return self.name


class WorkerImport(models.Model):
    """A checked worker-list upload waiting for the user's decision.

    When a file has errors nothing is imported; the valid rows wait here until the user
    chooses to import them (or uploads a corrected file). Rows are cleared once applied.
    """

    filing = models.ForeignKey(DispatchFiling, on_delete=models.CASCADE, related_name="imports")
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    file_name = models.CharField(max_length=200)
    valid_rows = models.JSONField(default=list)
    errors = models.JSONField(default=list)
    applied_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return self.file_name
