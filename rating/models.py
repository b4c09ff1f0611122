"""优质企业年度评价: the department's yearly rating of outward-going enterprises.

A ``RatingCycle`` is one year's evaluation. Its scorecard (``Dimension`` → ``Indicator``) is
data the department edits in admin, per cycle, so a later change of the scorecard does not
rewrite an earlier year's published results. Each enterprise has one ``Submission`` per cycle
with one ``Answer`` per indicator: the value it reported, the automatic score, and the
reviewer's final score and comment. Arithmetic lives in ``rating.scoring``.
"""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _


class CycleStatus(models.TextChoices):
    DRAFT = "draft", _("筹备中")
    OPEN = "open", pgettext_lazy("评价年度状态", "填报中")
    REVIEWING = "reviewing", _("评审中")
    PUBLISHED = "published", _("已公布")


class RatingCycle(models.Model):
    year = models.PositiveSmallIntegerField(_("评价年度"), unique=True, validators=[MinValueValidator(2000), MaxValueValidator(2100)])
    title = models.CharField(_("名称"), max_length=100)
    description = models.TextField(_("评价说明"), blank=True)
    opens_on = models.DateField(_("填报开始日期"))
    closes_on = models.DateField(_("填报截止日期"))
    status = models.CharField(_("状态"), max_length=16, choices=CycleStatus.choices, default=CycleStatus.DRAFT, db_index=True)
    grade_a_min = models.DecimalField(_("A级最低分"), max_digits=5, decimal_places=2, default=Decimal("85"))
    grade_b_min = models.DecimalField(_("B级最低分"), max_digits=5, decimal_places=2, default=Decimal("70"))
    grade_c_min = models.DecimalField(_("C级最低分"), max_digits=5, decimal_places=2, default=Decimal("60"))
    published_at = models.DateTimeField(_("公布时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("评价年度")
        verbose_name_plural = _("评价年度")
        ordering = ["-year"]

    def __str__(self):
        return self.title or gettext("%(year)s年度") % {"year": self.year}

    def clean(self):
        if self.opens_on and self.closes_on and self.closes_on < self.opens_on:
            raise ValidationError({"closes_on": gettext("截止日期不能早于开始日期。")})
        if not (Decimal(100) >= self.grade_a_min > self.grade_b_min > self.grade_c_min >= 0):
            raise ValidationError(gettext("等级分数线须满足 100 ≥ A > B > C ≥ 0。"))

    @property
    def is_published(self):
        return self.status == CycleStatus.PUBLISHED


class Dimension(models.Model):
    """One of the four dimensions: 基本情况, 经营情况, 财务状况, 信用记录."""

    cycle = models.ForeignKey(RatingCycle, verbose_name=_("评价年度"), on_delete=models.CASCADE, related_name="dimensions")
    name = models.CharField(_("维度"), max_length=50)
    order = models.PositiveSmallIntegerField(_("排序"), default=0)

    class Meta:
        verbose_name = _("评价维度")
        verbose_name_plural = _("评价维度")
        ordering = ["cycle", "order", "id"]
        constraints = [models.UniqueConstraint(fields=["cycle", "name"], name="rating_dimension_unique_name")]

    def __str__(self):
        return f"{self.cycle.year} · {self.name}"


class IndicatorKind(models.TextChoices):
    SELF_NUMERIC = "self_numeric", _("企业填报数值")
    REVIEWER = "reviewer", _("评审打分")
    COMPUTED = "computed", _("平台数据计算")


class ComputedSource(models.TextChoices):
    PROFILE_COMPLETENESS = "profile_completeness", _("湘企名录资料完整度（%）")
    YEARS_REGISTERED = "years_on_platform", _("平台注册年限（年）")


class Indicator(models.Model):
    """A scored item. Numeric and computed values become a score linearly between
    ``zero_at`` (0 points) and ``full_at`` (full points); ``zero_at > full_at`` means
    "lower is better" (e.g. a debt ratio)."""

    dimension = models.ForeignKey(Dimension, verbose_name=_("维度"), on_delete=models.CASCADE, related_name="indicators")
    name = models.CharField(_("指标"), max_length=100)
    guidance = models.TextField(_("填报/评分说明"), blank=True)
    kind = models.CharField(_("类型"), max_length=16, choices=IndicatorKind.choices)
    unit = models.CharField(_("单位"), max_length=20, blank=True)
    weight = models.DecimalField(_("权重"), max_digits=5, decimal_places=2, validators=[MinValueValidator(Decimal("0.01"))])
    max_score = models.DecimalField(_("满分"), max_digits=5, decimal_places=2, default=Decimal("100"), validators=[MinValueValidator(Decimal("1"))])
    zero_at = models.DecimalField(_("零分对应数值"), max_digits=14, decimal_places=2, null=True, blank=True)
    full_at = models.DecimalField(_("满分对应数值"), max_digits=14, decimal_places=2, null=True, blank=True)
    source = models.CharField(_("计算来源"), max_length=32, choices=ComputedSource.choices, blank=True)
    order = models.PositiveSmallIntegerField(_("排序"), default=0)

    class Meta:
        verbose_name = _("评价指标")
        verbose_name_plural = _("评价指标")
        ordering = ["dimension__order", "order", "id"]

    def __str__(self):
        return gettext("%(name)s（权重%(weight)s）") % {"name": self.name, "weight": self.weight}

    def clean(self):
        scaled = self.kind in (IndicatorKind.SELF_NUMERIC, IndicatorKind.COMPUTED)
        if scaled and (self.zero_at is None or self.full_at is None):
            raise ValidationError(gettext("数值类与计算类指标须填写零分和满分对应数值。"))
        if scaled and self.zero_at == self.full_at:
            raise ValidationError({"full_at": gettext("满分对应数值不能等于零分对应数值。")})
        if self.kind == IndicatorKind.COMPUTED and not self.source:
            raise ValidationError({"source": gettext("计算类指标须选择计算来源。")})


class SubmissionState(models.TextChoices):
    DRAFT = "draft", _("草稿")
    SUBMITTED = "submitted", _("待评审")
    RETURNED = "returned", _("退回修改")
    SCORED = "scored", _("已评分")


class Submission(models.Model):
    cycle = models.ForeignKey(RatingCycle, verbose_name=_("评价年度"), on_delete=models.PROTECT, related_name="submissions")
    organization = models.ForeignKey("accounts.Organization", verbose_name=_("企业"), on_delete=models.PROTECT, related_name="rating_submissions")
    state = models.CharField(_("状态"), max_length=16, choices=SubmissionState.choices, default=SubmissionState.DRAFT, db_index=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("填报人"), null=True, on_delete=models.SET_NULL, related_name="+")
    submitted_at = models.DateTimeField(_("提交时间"), null=True, blank=True)
    return_comment = models.TextField(_("退回意见"), blank=True)
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("评审人"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    scored_at = models.DateTimeField(_("评分时间"), null=True, blank=True)
    total_score = models.DecimalField(_("综合得分"), max_digits=5, decimal_places=2, null=True, blank=True)
    grade = models.CharField(_("等级"), max_length=1, blank=True, db_index=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        verbose_name = _("企业评价申报")
        verbose_name_plural = _("企业评价申报")
        ordering = ["-cycle__year", "-total_score", "organization__name"]
        constraints = [models.UniqueConstraint(fields=["cycle", "organization"], name="rating_one_submission_per_cycle")]

    def __str__(self):
        return f"{self.organization} · {self.cycle.year}"


class Answer(models.Model):
    submission = models.ForeignKey(Submission, verbose_name=_("申报"), on_delete=models.CASCADE, related_name="answers")
    indicator = models.ForeignKey(Indicator, verbose_name=_("指标"), on_delete=models.PROTECT, related_name="answers")
    value = models.DecimalField(_("填报数值"), max_digits=14, decimal_places=2, null=True, blank=True)
    note = models.TextField(_("说明/佐证"), blank=True)
    auto_score = models.DecimalField(_("自动得分"), max_digits=5, decimal_places=2, null=True, blank=True)
    score = models.DecimalField(_("评审得分"), max_digits=5, decimal_places=2, null=True, blank=True)
    comment = models.TextField(_("评审意见"), blank=True)

    class Meta:
        verbose_name = _("指标填报")
        verbose_name_plural = _("指标填报")
        constraints = [models.UniqueConstraint(fields=["submission", "indicator"], name="rating_one_answer_per_indicator")]

    def __str__(self):
        return f"{self.submission} · {self.indicator.name}"
