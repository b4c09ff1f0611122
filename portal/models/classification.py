"""How portal content is classified: the information class (who reviews it) and the kind of article.

The information class comes from SPEC §2: basic content is maintained by the department and the
operator, financial content by the bank, professional content by the operator; each class has its
own reviewers (``portal.permissions``). The article kind decides where an article shows up on a
country page (``portal.country_sections``) and how it is labelled in listings.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class InfoClass(models.TextChoices):
    BASIC = "basic", _("基础类")
    FINANCIAL = "financial", _("金融类")
    PROFESSIONAL = "professional", _("专业类")


class ArticleKind(models.TextChoices):
    NEWS = "news", pgettext_lazy("article kind", "新闻动态")
    NOTICE = "notice", pgettext_lazy("article kind", "通知公告")
    POLICY = "policy", pgettext_lazy("article kind", "政策法规")
    INTERPRETATION = "interpretation", pgettext_lazy("article kind", "政策解读")
    REPORT = "report", pgettext_lazy("article kind", "研究报告")
    RISK = "risk", pgettext_lazy("article kind", "风险提示")
    CASE = "case", pgettext_lazy("article kind", "经营案例")
    GUIDE = "guide", pgettext_lazy("article kind", "指南")
    TRAVEL = "travel", pgettext_lazy("article kind", "签证与领事")
    PROJECT = "project", pgettext_lazy("article kind", "项目信息")
    EVENT = "event", pgettext_lazy("article kind", "活动")
    SERVICE = "service", pgettext_lazy("article kind", "服务介绍")
