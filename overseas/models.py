"""境外机构管理: Hunan's overseas chambers, representative offices and economic-cooperation zones.

The live record (``OverseasInstitution``) is what the public sees. Its own account never edits
it directly: it proposes an ``InstitutionChange`` (the full set of fields), which goes live only
when a reviewer approves it. A proposal without an institution creates one on approval.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    CHAMBER = "chamber", _("境外湖南商(协)会")
    OFFICE = "office", _("驻外经贸代表处")
    ZONE = "zone", _("境外经贸合作区")


class OverseasInstitution(models.Model):
    owner = models.ForeignKey("accounts.Organization", verbose_name=_("维护账号所属机构"), on_delete=models.PROTECT, related_name="overseas_institutions")
    kind = models.CharField(_("类别"), max_length=16, choices=Kind.choices, db_index=True)
    name = models.CharField(_("名称"), max_length=200)
    country = models.ForeignKey("taxonomy.Country", verbose_name=_("所在国家(地区)"), on_delete=models.PROTECT)
    city_name = models.CharField(_("所在城市"), max_length=100)
    address = models.CharField(_("地址"), max_length=300, blank=True)
    latitude = models.DecimalField(_("纬度"), max_digits=8, decimal_places=5, validators=[MinValueValidator(-90), MaxValueValidator(90)])
    longitude = models.DecimalField(_("经度"), max_digits=8, decimal_places=5, validators=[MinValueValidator(-180), MaxValueValidator(180)])
    founded_year = models.PositiveSmallIntegerField(_("成立年份"), null=True, blank=True)
    description = models.TextField(_("简介"))
    services = models.TextField(_("可提供的服务"), blank=True)
    contact_person = models.CharField(_("联系人"), max_length=50, blank=True)
    contact_phone = models.CharField(_("联系电话"), max_length=40, blank=True)
    email = models.EmailField(_("电子邮箱"), blank=True)
    website = models.URLField(_("网站"), blank=True)
    published = models.BooleanField(_("公开展示"), default=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        verbose_name = _("境外机构")
        verbose_name_plural = _("境外机构")
        ordering = ["kind", "name"]

    def __str__(self):
        return self.name


EDITABLE_FIELDS = ["kind", "name", "country", "city_name", "address", "latitude", "longitude", "founded_year", "description", "services",
                   "contact_person", "contact_phone", "email", "website"]


class ChangeState(models.TextChoices):
    PENDING = "pending", _("待审核")
    APPROVED = "approved", _("已生效")
    REJECTED = "rejected", _("未通过")


class InstitutionChange(models.Model):
    institution = models.ForeignKey(OverseasInstitution, verbose_name=_("机构"), null=True, blank=True, on_delete=models.CASCADE, related_name="changes")
    organization = models.ForeignKey("accounts.Organization", verbose_name=_("提交机构"), on_delete=models.CASCADE, related_name="+")
    data = models.JSONField(_("拟更新内容"))
    state = models.CharField(_("状态"), max_length=16, choices=ChangeState.choices, default=ChangeState.PENDING, db_index=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("提交人"), null=True, on_delete=models.SET_NULL, related_name="+")
    submitted_at = models.DateTimeField(_("提交时间"), default=timezone.now)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("审核人"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    reviewed_at = models.DateTimeField(_("审核时间"), null=True, blank=True)
    comment = models.TextField(_("审核意见"), blank=True)

    class Meta:
        verbose_name = _("境外机构信息变更")
        verbose_name_plural = _("境外机构信息变更")
        ordering = ["-submitted_at"]

    def __str__(self):
        return self.data.get("name", "")
