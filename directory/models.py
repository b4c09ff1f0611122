"""湘企名录: the public profiles of certified outward-going enterprises.

A profile belongs to one ``accounts.Organization`` (an enterprise) and is edited by that
organisation's admin members. Contact details are shown field by field, as the enterprise
chose (``Visibility``). ``search_text`` holds the segmented words of the profile, rebuilt
by ``directory.services`` on every save, so Chinese search matches words, not just bytes.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class Visibility(models.TextChoices):
    PUBLIC = "public", _("公开")
    CERTIFIED = "certified", _("仅认证企业/机构用户可见")
    HIDDEN = "hidden", _("不公开")


class EmployeeBand(models.TextChoices):
    MICRO = "lt50", _("50人以下")
    SMALL = "50_299", _("50–299人")
    MEDIUM = "300_999", _("300–999人")
    LARGE = "1000_plus", _("1000人及以上")


# contact field → its visibility field, in display order
CONTACT_FIELDS = {
    "contact_name": "contact_name_visibility",
    "phone": "phone_visibility",
    "email": "email_visibility",
    "address": "address_visibility",
}


class EnterpriseProfile(models.Model):
    organization = models.OneToOneField(
        "accounts.Organization", verbose_name=_("企业"), on_delete=models.CASCADE, related_name="directory_profile", limit_choices_to={"kind": "enterprise"}
    )
    summary = models.CharField(_("一句话介绍"), max_length=120)
    description = models.TextField(_("企业简介"), blank=True)
    business = models.TextField(_("主营业务与产品服务"), blank=True)
    countries = models.ManyToManyField("taxonomy.Country", verbose_name=_("业务所在国家(地区)"), blank=True, related_name="+")
    founded_year = models.PositiveSmallIntegerField(_("成立年份"), null=True, blank=True, validators=[MinValueValidator(1900), MaxValueValidator(2100)])
    employees = models.CharField(_("员工规模"), max_length=16, choices=EmployeeBand.choices, blank=True)
    website = models.URLField(_("网站"), blank=True)
    contact_name = models.CharField(_("联系人"), max_length=50, blank=True)
    contact_name_visibility = models.CharField(_("联系人可见范围"), max_length=16, choices=Visibility.choices, default=Visibility.CERTIFIED)
    phone = models.CharField(_("联系电话"), max_length=30, blank=True)
    phone_visibility = models.CharField(_("电话可见范围"), max_length=16, choices=Visibility.choices, default=Visibility.HIDDEN)
    email = models.EmailField(_("电子邮箱"), blank=True)
    email_visibility = models.CharField(_("邮箱可见范围"), max_length=16, choices=Visibility.choices, default=Visibility.HIDDEN)
    address = models.CharField(_("地址"), max_length=200, blank=True)
    address_visibility = models.CharField(_("地址可见范围"), max_length=16, choices=Visibility.choices, default=Visibility.PUBLIC)
    listed = models.BooleanField(_("在名录中公开展示"), default=True)
    search_text = models.TextField(_("检索词"), blank=True, editable=False)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        verbose_name = _("企业名录资料")
        verbose_name_plural = _("企业名录资料")
        ordering = ["organization__name"]

    def __str__(self):
        return self.organization.name


class EnterpriseCase(models.Model):
    """A project the enterprise has done abroad (典型案例)."""

    profile = models.ForeignKey(EnterpriseProfile, verbose_name=_("企业"), on_delete=models.CASCADE, related_name="cases")
    title = models.CharField(_("项目名称"), max_length=120)
    country = models.ForeignKey("taxonomy.Country", verbose_name=_("国家(地区)"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    year = models.PositiveSmallIntegerField(_("年份"), null=True, blank=True, validators=[MinValueValidator(1950), MaxValueValidator(2100)])
    description = models.TextField(_("项目简介"), blank=True)
    order = models.PositiveSmallIntegerField(_("排序"), default=0)

    class Meta:
        verbose_name = _("典型案例")
        verbose_name_plural = _("典型案例")
        ordering = ["order", "-year", "id"]

    def __str__(self):
        return self.title
