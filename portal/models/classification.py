"""How portal content is classified: the information class (who reviews it) and the kind of article.

The information class comes from SPEC §2: basic content is maintained by the department and the
operator, financial content by the bank, professional content by the operator; each class has its
own reviewers (``portal.permissions``). The article kind decides where an article shows up on a
country page (``portal.country_sections``) and how it is labelled in listings.
"""

from django.db import models


class InfoClass(models.TextChoices):
    BASIC = "basic", "基础类"
    FINANCIAL = "financial", "金融类"
    PROFESSIONAL = "professional", "专业类"


class ArticleKind(models.TextChoices):
    NEWS = "news", "新闻动态"
    NOTICE = "notice", "通知公告"
    POLICY = "policy", "政策法规"
    INTERPRETATION = "interpretation", "政策解读"
    REPORT = "report", "研究报告"
    RISK = "risk", "风险提示"
    CASE = "case", "经营案例"
    GUIDE = "guide", "指南"
    TRAVEL = "travel", "签证与领事"
    PROJECT = "project", "项目信息"
    EVENT = "event", "活动"
    SERVICE = "service", "服务介绍"
