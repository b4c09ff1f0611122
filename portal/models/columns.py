"""Columns (栏目): every top-level column and sub-column of SPEC §3 is a ColumnPage.

A column lists the published, unexpired articles of its whole subtree, newest first, ten to a
page, filterable by country and industry. Columns that front one of the platform's services
(项目管理服务系统, 统计服务, …) carry the service's address and show an entry button above the
articles about it.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from portal.models.cached import CachedPageMixin
from portal.models.classification import ArticleKind, InfoClass
from portal.models.workflow import InfoClassMixin


class ColumnPage(InfoClassMixin, CachedPageMixin, Page):
    intro = RichTextField(_("栏目说明"), blank=True, features=["bold", "italic", "link"])
    default_kind = models.CharField(_("默认文章类型"), max_length=20, choices=ArticleKind.choices, default=ArticleKind.NEWS)
    info_class = models.CharField(
        _("信息类别"), max_length=20, choices=InfoClass.choices, default=InfoClass.BASIC, help_text=_("新文章默认的信息类别，决定由谁审核")
    )
    filterable = models.BooleanField(_("可按国别和行业筛选"), default=True)
    service_url = models.CharField(_("服务入口地址"), max_length=200, blank=True, default="", help_text=_("站内服务的地址，如 /filings/"))
    service_label = models.CharField(_("入口按钮文字"), max_length=40, blank=True, default="")

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    settings_panels = [
        *Page.settings_panels,
        MultiFieldPanel(
            [FieldPanel("default_kind"), FieldPanel("info_class"), FieldPanel("filterable"), FieldPanel("service_url"), FieldPanel("service_label")],
            heading=_("栏目设置"),
        ),
    ]
    parent_page_types = ["portal.HomePage", "portal.ColumnPage"]
    subpage_types = ["portal.ColumnPage", "portal.ArticlePage"]
    page_description = _("栏目或子栏目：列出本栏目下的文章")

    class Meta:
        verbose_name = _("栏目")
        verbose_name_plural = _("栏目")

    def get_context(self, request, *args, **kwargs):
        from portal.selectors import column_context

        context = super().get_context(request, *args, **kwargs)
        context.update(column_context(self, request))
        return context
