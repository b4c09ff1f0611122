"""境外经贸合作园区年度考核: each overseas zone reports its year; reviewers score it on a scorecard.

The scorecard is data (``Indicator`` rows with weights, edited by the department in admin);
a score keeps a copy of the indicator's name and weight at the time of scoring so changing
the scorecard later does not rewrite published results.
"""

from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext, gettext_noop, pgettext_lazy
from django.utils.translation import gettext_lazy as _


class Indicator(models.Model):
    name = models.CharField(_("指标"), max_length=100)
    description = models.TextField(_("评分说明"), blank=True)
    weight = models.PositiveSmallIntegerField(_("权重"), validators=[MinValueValidator(1), MaxValueValidator(100)])
    order = models.PositiveSmallIntegerField(_("排序"), default=0)
    active = models.BooleanField(_("启用"), default=True)

    class Meta:
        verbose_name = _("考核指标")
        verbose_name_plural = _("考核指标")
        ordering = ["order", "id"]

    def __str__(self):
        return f"{self.name}（{self.weight}）"


class State(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("考核材料状态", "填报中")
    SUBMITTED = "submitted", _("待评分")
    SCORED = "scored", _("已评分")
    PUBLISHED = "published", _("已公布")


# The grade is stored as its Chinese word (gettext_noop); pages show it translated (ZoneReport.grade_label).
GRADES = [(Decimal(90), gettext_noop("优秀")), (Decimal(75), gettext_noop("良好")), (Decimal(60), gettext_noop("合格")), (Decimal(0), gettext_noop("不合格"))]


def grade_for(total: Decimal) -> str:
    return next(label for floor, label in GRADES if total >= floor)


def weighted_total(pairs) -> Decimal:
    """Σ(score × weight) / Σ weight, to two decimals; ``pairs`` are ``(score, weight)``."""
    pairs = list(pairs)
    weights = sum(w for _, w in pairs)
    if not weights:
        return Decimal("0.00")
    total = sum(Decimal(s) * w for s, w in pairs) / weights
    return total.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


class ZoneReport(models.Model):
    zone = models.ForeignKey("accounts.Organization", verbose_name=_("园区"), on_delete=models.PROTECT, related_name="zone_reports")
    year = models.PositiveSmallIntegerField(_("考核年度"))
    enterprises = models.PositiveIntegerField(_("入区企业(家)"), default=0)
    chinese_enterprises = models.PositiveIntegerField(_("其中中资企业(家)"), default=0)
    investment_usd_wan = models.DecimalField(_("累计投资(万美元)"), max_digits=14, decimal_places=2, default=0)
    output_usd_wan = models.DecimalField(_("本年产值(万美元)"), max_digits=14, decimal_places=2, default=0)
    tax_usd_wan = models.DecimalField(_("本年上缴东道国税费(万美元)"), max_digits=14, decimal_places=2, default=0)
    local_jobs = models.PositiveIntegerField(_("带动当地就业(人)"), default=0)
    summary = models.TextField(_("年度工作总结"), blank=True)
    state = models.CharField(_("状态"), max_length=16, choices=State.choices, default=State.DRAFT, db_index=True)
    return_comment = models.TextField(_("退回意见"), blank=True)
    total_score = models.DecimalField(_("综合得分"), max_digits=5, decimal_places=2, null=True, blank=True)
    grade = models.CharField(_("等级"), max_length=8, blank=True)
    submitted_at = models.DateTimeField(_("提交时间"), null=True, blank=True)
    scored_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("评分人"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    scored_at = models.DateTimeField(_("评分时间"), null=True, blank=True)
    published_at = models.DateTimeField(_("公布时间"), null=True, blank=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        verbose_name = _("园区年度考核")
        verbose_name_plural = _("园区年度考核")
        ordering = ["-year", "-total_score", "zone__name"]
        constraints = [models.UniqueConstraint(fields=["zone", "year"], name="zones_one_report_per_year")]

    def __str__(self):
        return f"{self.zone} {self.year}"

    @property
    def grade_label(self) -> str:
        """The stored grade in the page's language."""
        return gettext(self.grade) if self.grade else ""


class Score(models.Model):
    report = models.ForeignKey(ZoneReport, on_delete=models.CASCADE, related_name="scores")
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="+")
    indicator_name = models.CharField(_("指标"), max_length=100)
    weight = models.PositiveSmallIntegerField(_("权重"))
    score = models.DecimalField(_("得分(0–100)"), max_digits=5, decimal_places=2, validators=[MinValueValidator(0), MaxValueValidator(100)])
    comment = models.CharField(_("评语"), max_length=300, blank=True)

    class Meta:
        ordering = ["indicator__order", "indicator_id"]
        verbose_name = _("指标得分")
        verbose_name_plural = _("指标得分")
        constraints = [models.UniqueConstraint(fields=["report", "indicator"], name="zones_one_score_per_indicator")]

    def __str__(self):
        return f"{self.indicator_name} {self.score}"
