"""Overseas project filings (项目管理服务系统): what an enterprise reports and what happens to it.

A ``Filing`` is one project of one of three kinds. Its ``state`` moves only through the
transitions listed in ``filings/workflow.py``; every move is a ``FilingEvent`` row (who,
when, from, to, comment). Change and progress reports against a filed project are
``FilingReport`` rows. ``jurisdiction`` and ``ownership`` are copied from the enterprise
when the filing is created, so queues and statistics neither join nor drift when an
enterprise later moves city.
"""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from accounts.models import Ownership
from taxonomy.cities import Jurisdiction
from uploads.storage import RandomName, private_storage


class Kind(models.TextChoices):
    INVESTMENT = "investment", _("境外投资")
    CONTRACTING = "contracting", _("对外承包工程")
    LABOUR = "labour", _("对外劳务合作")


class InvestmentMode(models.TextChoices):
    NEW = "new", _("新设")
    MERGER = "ma", _("并购")


class State(models.TextChoices):
    DRAFT = "draft", _("草稿")
    SUBMITTED = "submitted", _("已提交")
    CITY_REVIEW = "city_review", _("市州初审中")
    PROVINCIAL_REVIEW = "provincial_review", _("省厅审核中")
    FILED = "filed", _("已备案")
    RETURNED = "returned", pgettext_lazy("filing state", "退回修改")
    REJECTED = "rejected", pgettext_lazy("filing state", "不予备案")
    WITHDRAWN = "withdrawn", _("已撤回")
    CANCELLED = "cancelled", _("已注销")


class FinancingSource(models.TextChoices):
    OWN_FUNDS = "own_funds", _("自有资金")
    BANK_LOAN = "bank_loan", _("银行贷款")
    EQUITY = "equity", _("股权融资")
    POLICY_FINANCE = "policy_finance", _("政策性金融")
    OTHER = "other", _("其他")


CURRENCIES = [
    ("USD", _("美元")),
    ("CNY", _("人民币")),
    ("EUR", _("欧元")),
    ("HKD", _("港币")),
    ("JPY", _("日元")),
    ("GBP", _("英镑")),
    ("SGD", _("新加坡元")),
    ("AUD", _("澳元")),
]


class ExchangeRate(models.Model):
    """US dollars per one unit of ``currency`` from ``valid_from`` on; maintained by the department."""

    currency = models.CharField(_("币种"), max_length=3, choices=CURRENCIES)
    usd_per_unit = models.DecimalField(_("折合美元"), max_digits=14, decimal_places=8)
    valid_from = models.DateField(_("生效日期"))

    class Meta:
        ordering = ["currency", "-valid_from"]
        constraints = [models.UniqueConstraint(fields=["currency", "valid_from"], name="filings_rate_unique_per_day")]
        verbose_name = _("汇率")
        verbose_name_plural = _("汇率")

    def __str__(self):
        return gettext("1 %(currency)s = %(rate)s USD（%(date)s 起）") % {"currency": self.currency, "rate": self.usd_per_unit, "date": self.valid_from}


class Filing(models.Model):
    organization = models.ForeignKey("accounts.Organization", verbose_name=_("申报企业"), on_delete=models.PROTECT, related_name="filings")
    kind = models.CharField(_("项目类型"), max_length=16, choices=Kind.choices, db_index=True)
    state = models.CharField(_("状态"), max_length=20, choices=State.choices, default=State.DRAFT, db_index=True)
    number = models.CharField(_("备案编号"), max_length=32, blank=True, db_index=True)
    jurisdiction = models.CharField(_("所属市州"), max_length=16, choices=Jurisdiction.choices, db_index=True)
    ownership = models.CharField(_("企业性质"), max_length=16, choices=Ownership.choices, blank=True)

    project_name = models.CharField(_("项目名称"), max_length=200)
    country = models.ForeignKey("taxonomy.Country", verbose_name=_("东道国(地区)"), on_delete=models.PROTECT)
    industry = models.ForeignKey("taxonomy.Industry", verbose_name=_("所属行业(GB/T 4754)"), on_delete=models.PROTECT)
    investment_mode = models.CharField(_("投资方式"), max_length=8, choices=InvestmentMode.choices, blank=True)
    chinese_party = models.CharField(_("中方主体"), max_length=200)
    foreign_party = models.CharField(_("外方主体"), max_length=200, blank=True)
    amount = models.DecimalField(_("金额"), max_digits=18, decimal_places=2)
    currency = models.CharField(_("币种"), max_length=3, choices=CURRENCIES, default="USD")
    amount_usd = models.DecimalField(_("折合美元"), max_digits=18, decimal_places=2, default=Decimal("0"))
    start_date = models.DateField(_("开始日期"))
    end_date = models.DateField(_("预计结束日期"), null=True, blank=True)
    financing_sources = models.JSONField(_("资金来源"), default=list, blank=True)
    workers_sent = models.PositiveIntegerField(_("派出人数"), null=True, blank=True)
    description = models.TextField(_("项目简介"), blank=True)

    contact_name = models.CharField(_("联系人"), max_length=50)
    contact_phone = models.CharField(_("联系电话"), max_length=20)
    contact_id_number = models.CharField(_("联系人身份证号"), max_length=18, blank=True)

    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("填报人"), null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)
    state_changed_at = models.DateTimeField(_("进入当前状态时间"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("首次提交时间"), null=True, blank=True)
    filed_at = models.DateTimeField(_("备案时间"), null=True, blank=True, db_index=True)

    class Meta:
        ordering = ["-updated_at", "-id"]
        indexes = [
            models.Index(fields=["state", "jurisdiction"], name="filing_state_city"),
            models.Index(fields=["state", "filed_at"], name="filing_state_filed"),
            models.Index(fields=["updated_at"], name="filing_updated"),
        ]
        constraints = [models.UniqueConstraint(fields=["number"], condition=~models.Q(number=""), name="filing_number_unique")]
        permissions = [("view_personal_data", _("可查看备案中未脱敏的个人信息"))]
        verbose_name = _("项目备案")
        verbose_name_plural = _("项目备案")

    def __str__(self):
        return f"{self.get_kind_display()}·{self.project_name}"

    @property
    def is_province_level(self):
        return self.jurisdiction == Jurisdiction.PROVINCE

    @property
    def financing_labels(self):
        labels = dict(FinancingSource.choices)
        return [labels.get(code, code) for code in self.financing_sources]


def attachment_path(instance, filename):
    """The public path attachments had before private storage; kept only because migration 0001 names it."""
    return f"filings/{instance.filing_id}/{filename}"


class FilingAttachment(models.Model):
    filing = models.ForeignKey(Filing, verbose_name=_("备案"), on_delete=models.CASCADE, related_name="attachments")
    label = models.CharField(_("材料名称"), max_length=100)
    file = models.FileField(_("文件"), storage=private_storage, upload_to=RandomName("filings"), max_length=200)
    original_name = models.CharField(_("原文件名"), max_length=200)
    size = models.PositiveIntegerField(_("大小(字节)"))
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    uploaded_at = models.DateTimeField(_("上传时间"), auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at", "id"]
        verbose_name = _("备案附件")
        verbose_name_plural = _("备案附件")

    def __str__(self):
        return self.label


class FilingEvent(models.Model):
    """One transition of a filing: the audit trail the enterprise and reviewers both see."""

    filing = models.ForeignKey(Filing, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(_("操作"), max_length=32)
    from_state = models.CharField(_("原状态"), max_length=20, choices=State.choices)
    to_state = models.CharField(_("新状态"), max_length=20, choices=State.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("操作人"), null=True, on_delete=models.SET_NULL, related_name="+")
    comment = models.TextField(_("意见"), blank=True)
    created_at = models.DateTimeField(_("时间"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("备案流转记录")
        verbose_name_plural = _("备案流转记录")

    def __str__(self):
        return f"{self.filing_id} {self.action}"


class ReportKind(models.TextChoices):
    CHANGE = "change", _("变更报告")
    PROGRESS = "progress", _("进展报告")


class ReportState(models.TextChoices):
    SUBMITTED = "submitted", _("待确认")
    ACCEPTED = "accepted", _("已确认")
    RETURNED = "returned", _("已退回")


class FilingReport(models.Model):
    """A change report (new amount or end date, applied when the department accepts it) or a periodic progress report."""

    filing = models.ForeignKey(Filing, on_delete=models.CASCADE, related_name="reports")
    kind = models.CharField(_("报告类型"), max_length=16, choices=ReportKind.choices)
    state = models.CharField(_("状态"), max_length=16, choices=ReportState.choices, default=ReportState.SUBMITTED)
    period = models.CharField(_("报告期"), max_length=20, blank=True, help_text=_("进展报告填写，如 2026年上半年"))
    summary = models.TextField(_("情况说明"))
    new_amount = models.DecimalField(_("变更后金额"), max_digits=18, decimal_places=2, null=True, blank=True)
    new_end_date = models.DateField(_("变更后结束日期"), null=True, blank=True)
    invested_usd = models.DecimalField(_("累计实际投资/完成额(美元)"), max_digits=18, decimal_places=2, null=True, blank=True)
    workers_on_site = models.PositiveIntegerField(_("在外人数"), null=True, blank=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    submitted_at = models.DateTimeField(_("提交时间"), auto_now_add=True)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    reviewed_at = models.DateTimeField(_("确认时间"), null=True, blank=True)
    review_comment = models.TextField(_("确认意见"), blank=True)

    class Meta:
        ordering = ["-submitted_at", "-id"]
        verbose_name = _("变更/进展报告")
        verbose_name_plural = _("变更/进展报告")

    def __str__(self):
        return f"{self.get_kind_display()}·{self.filing.project_name}"
