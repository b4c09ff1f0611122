"""对外援助: aid projects and aid trainees, kept by the department from spreadsheet imports.

Each record has a natural key (a project's code; a trainee's course code + passport number),
so importing the same spreadsheet again updates the records instead of duplicating them.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from taxonomy.cities import Jurisdiction


class AidKind(models.TextChoices):
    HRD = "hrd", _("援外人力资源开发合作项目")
    TURNKEY = "turnkey", _("援外成套项目")
    TECHNICAL = "technical", _("援外技术合作项目")
    CONSULTING = "consulting", _("对外援助项目咨询服务")
    GOODS = "goods", _("援外物资项目(紧急人道主义援助)")
    LOANS = "loans", _("“两优”贷款")
    DEBT = "debt", _("债务减免")
    VOLUNTEERS = "volunteers", _("援外志愿者")


class AidProject(models.Model):
    code = models.CharField(_("项目编号"), max_length=40, unique=True)
    name = models.CharField(_("项目名称"), max_length=200)
    kind = models.CharField(_("援助方式"), max_length=16, choices=AidKind.choices, db_index=True)
    country = models.ForeignKey("taxonomy.Country", verbose_name=_("受援国"), on_delete=models.PROTECT)
    year = models.PositiveSmallIntegerField(_("年度"), db_index=True)
    city = models.CharField(_("实施单位所在市州"), max_length=16, choices=Jurisdiction.choices, db_index=True)
    implementer = models.CharField(_("实施单位"), max_length=200)
    amount_wan = models.DecimalField(_("金额(万元)"), max_digits=14, decimal_places=2, null=True, blank=True)
    status = models.CharField(_("进展"), max_length=50, blank=True)
    summary = models.TextField(_("简介"), blank=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        verbose_name = _("援外项目")
        verbose_name_plural = _("援外项目")
        ordering = ["-year", "code"]

    def __str__(self):
        return self.name


class AidTrainee(models.Model):
    """A foreign official or technician trained in Hunan under an aid programme (personal data)."""

    course_code = models.CharField(_("培训班编号"), max_length=40)
    course_name = models.CharField(_("培训班名称"), max_length=200)
    passport_no = models.CharField(_("护照号"), max_length=20)
    name = models.CharField(_("姓名"), max_length=100)
    gender = models.CharField(_("性别"), max_length=2, blank=True)
    country = models.ForeignKey("taxonomy.Country", verbose_name=_("国籍"), on_delete=models.PROTECT)
    kind = models.CharField(_("援助方式"), max_length=16, choices=AidKind.choices, default=AidKind.HRD, db_index=True)
    year = models.PositiveSmallIntegerField(_("年度"), db_index=True)
    city = models.CharField(_("承办单位所在市州"), max_length=16, choices=Jurisdiction.choices, db_index=True)
    organiser = models.CharField(_("承办单位"), max_length=200)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        verbose_name = _("援外培训学员")
        verbose_name_plural = _("援外培训学员")
        ordering = ["-year", "course_code", "id"]
        constraints = [models.UniqueConstraint(fields=["course_code", "passport_no"], name="aid_trainee_natural_key")]

    def __str__(self):
        return f"{self.course_code} {self.passport_no}"


class ImportRun(models.Model):
    """One spreadsheet import and its outcome (the per-row report is kept for reference)."""

    dataset = models.CharField(_("数据集"), max_length=16, choices=[("projects", _("援外项目")), ("trainees", _("援外培训学员"))])
    file_name = models.CharField(_("文件名"), max_length=200)
    created = models.PositiveIntegerField(_("新增"), default=0)
    updated = models.PositiveIntegerField(_("更新"), default=0)
    unchanged = models.PositiveIntegerField(_("无变化"), default=0)
    errors = models.JSONField(_("错误行"), default=list)
    applied = models.BooleanField(_("已导入"), default=False)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("操作人"), null=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(_("时间"), default=timezone.now)

    class Meta:
        verbose_name = _("导入记录")
        verbose_name_plural = _("导入记录")
        ordering = ["-at"]

    def __str__(self):
        return self.file_name
