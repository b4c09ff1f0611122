"""The default scorecard the department starts a year from, and copying a scorecard to a new year.

Four dimensions as the evaluation asks — 基本情况, 经营情况, 财务状况, 信用记录 — with weights
summing to 100. The department adjusts indicators and weights per year in admin.
"""

from decimal import Decimal

from django.db import transaction

from rating.models import ComputedSource, Dimension, Indicator, IndicatorKind

S, R, C = IndicatorKind.SELF_NUMERIC, IndicatorKind.REVIEWER, IndicatorKind.COMPUTED

# (dimension, [(name, kind, weight, unit, zero_at, full_at, source, guidance)])
DEFAULT = [
    ("基本情况", [
        ("在建及运营的境外项目数", S, 8, "个", 0, 5, "", "截至上年末在境外实施或运营的投资、承包项目个数。"),
        ("境外员工本地化率", S, 7, "%", 0, 80, "", "境外机构中当地员工占员工总数的比例。"),
        ("湘企名录资料完整度", C, 5, "%", 0, 100, ComputedSource.PROFILE_COMPLETENESS, "按企业在湘企名录中填写资料的完整程度自动计算。"),
    ]),
    ("经营情况", [
        ("上年境外营业收入", S, 12, "万美元", 0, 5000, "", "境外子公司、项目的营业收入合计。"),
        ("境外营业收入增长率", S, 8, "%", -20, 30, "", "与前一年相比的增长率，下降填负数。"),
        ("境外经营与合规管理", R, 10, "", None, None, "", "评审依据企业提交的合规制度、风险防控和属地化经营材料打分。"),
    ]),
    ("财务状况", [
        ("资产负债率", S, 10, "%", 90, 40, "", "上年末合并报表口径；越低得分越高，40% 及以下得满分。"),
        ("净利润率", S, 10, "%", 0, 15, "", "上年净利润 ÷ 营业收入。"),
        ("审计与财务规范", R, 5, "", None, None, "", "评审依据审计报告意见类型和财务制度打分。"),
    ]),
    ("信用记录", [
        ("纳税信用与守信情况", R, 15, "", None, None, "", "评审参考纳税信用等级、银行信用和合同履约情况打分。"),
        ("平台认证年限", C, 5, "年", 0, 3, ComputedSource.YEARS_REGISTERED, "自企业在平台通过认证起计算。"),
        ("失信与行政处罚记录", R, 5, "", None, None, "", "无失信被执行和重大行政处罚记录得满分。"),
    ]),
]  # fmt: skip


def _dec(x):
    return None if x is None else Decimal(x)


@transaction.atomic
def install_default(cycle) -> int:
    """Give ``cycle`` the default scorecard if it has none; returns the number of indicators created."""
    if Dimension.objects.filter(cycle=cycle).exists():
        return 0
    created = 0
    for order, (dimension_name, indicators) in enumerate(DEFAULT, start=1):
        dimension = Dimension.objects.create(cycle=cycle, name=dimension_name, order=order)
        for i, (name, kind, weight, unit, zero_at, full_at, source, guidance) in enumerate(indicators, start=1):
            Indicator.objects.create(
                dimension=dimension, name=name, kind=kind, weight=Decimal(weight), unit=unit, zero_at=_dec(zero_at), full_at=_dec(full_at),
                source=source, guidance=guidance, order=i,
            )  # fmt: skip
            created += 1
    return created


@transaction.atomic
def copy_scorecard(source_cycle, target_cycle) -> int:
    """Copy every dimension and indicator of ``source_cycle`` to an empty ``target_cycle``."""
    if Dimension.objects.filter(cycle=target_cycle).exists():
        return 0
    created = 0
    for dimension in source_cycle.dimensions.prefetch_related("indicators"):
        copy = Dimension.objects.create(cycle=target_cycle, name=dimension.name, order=dimension.order)
        for ind in dimension.indicators.all():
            ind.pk, ind.dimension = None, copy
            ind.save()
            created += 1
    return created
