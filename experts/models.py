"""The expert pool (专业人才库): lawyers, tax and finance advisers, insurers, country specialists,
including the partner bank's overseas-branch advisers. A visitor can direct a consultation to
one of them (``consultation.Enquiry.expert``)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Field(models.TextChoices):
    LAW = "law", _("法律")
    TAX = "tax", _("税务")
    FINANCE = "finance", _("金融")
    INSURANCE = "insurance", _("保险")
    ACCOUNTING = "accounting", _("财务审计")
    COUNTRY = "country", _("国别研究")
    LABOUR = "labour", _("劳务与人力资源")
    ENGINEERING = "engineering", _("工程管理")


class Expertise(models.Model):
    code = models.CharField(_("代码"), max_length=16, primary_key=True, choices=Field.choices)

    class Meta:
        verbose_name = _("专业领域")
        verbose_name_plural = _("专业领域")

    def __str__(self):
        return self.get_code_display()


class Expert(models.Model):
    name = models.CharField(_("姓名"), max_length=50)
    title = models.CharField(_("职务/职称"), max_length=100)
    organization = models.CharField(_("所在机构"), max_length=200)
    bio = models.TextField(pgettext_lazy("biography", "简介"))
    fields = models.ManyToManyField(Expertise, verbose_name=_("专业领域"), related_name="experts")
    countries = models.ManyToManyField("taxonomy.Country", verbose_name=_("熟悉国家"), blank=True, related_name="experts")
    languages = models.CharField(_("工作语言"), max_length=100, help_text=_("用顿号分隔，如：英语、法语"))
    is_bank_adviser = models.BooleanField(_("银行海外分行顾问"), default=False, help_text=_("金融咨询由建行客户经理组受理"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("平台账号"), null=True, blank=True, on_delete=models.SET_NULL, related_name="expert_profiles",
        help_text=_("该专家答复咨询使用的账号；为空时由受理组分派"),
    )
    is_active = models.BooleanField(_("在库"), default=True)
    created_at = models.DateTimeField(_("入库时间"), auto_now_add=True)

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("专家")
        verbose_name_plural = _("专家")

    def __str__(self):
        return f"{self.name}（{self.organization}）"

    @property
    def language_list(self):
        return [x for x in self.languages.replace(",", "、").replace("，", "、").split("、") if x.strip()]
