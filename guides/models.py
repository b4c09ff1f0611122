"""Service guides as rows the department and the operator keep current in the admin.

Regulations, offices and required materials change; a guide is therefore content (片段 → 办事指南),
searchable like every other public kind. Which online forms a guide ends in is code (URL names in
``guides.content``), looked up by the guide's slug. A material marked ``required_for_filing`` is
one the project-filing form asks for and checks before a filing can be submitted.
"""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable


class ServiceGuide(ClusterableModel):
    slug = models.SlugField(_("标识"), max_length=40, unique=True, help_text=_("网址中的名称，如 investment；创建后不要修改"))
    title = models.CharField(_("标题"), max_length=80)
    summary = models.TextField(_("简介"))
    regulations = models.TextField(_("办理依据"), help_text=_("每行一项法规或文件，含书名号"))
    who = models.TextField(_("适用对象"))
    office = models.CharField(_("受理部门"), max_length=200)
    duration = models.CharField(_("办理时限"), max_length=200)
    consult_category = models.CharField(_("咨询分类"), max_length=30, blank=True, help_text=_("“有疑问？在线咨询”预选的咨询分类"))
    order = models.PositiveSmallIntegerField(_("排序"), default=0)
    live = models.BooleanField(_("公开"), default=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    panels = [
        MultiFieldPanel([FieldPanel("title"), FieldPanel("slug"), FieldPanel("summary"), FieldPanel("order"), FieldPanel("live")], heading=_("基本信息")),
        FieldPanel("regulations"),
        FieldPanel("who"),
        InlinePanel("steps", label=_("办理步骤"), min_num=1),
        InlinePanel("materials", label=_("所需材料")),
        MultiFieldPanel([FieldPanel("office"), FieldPanel("duration"), FieldPanel("consult_category")], heading=_("办理信息")),
    ]

    class Meta:
        verbose_name = _("办事指南")
        verbose_name_plural = _("办事指南")
        ordering = ["order", "id"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("guides:detail", args=[self.slug])

    @property
    def regulation_list(self) -> list[str]:
        return [line.strip() for line in self.regulations.splitlines() if line.strip()]


class GuideStep(Orderable):
    guide = ParentalKey(ServiceGuide, on_delete=models.CASCADE, related_name="steps")
    title = models.CharField(_("步骤"), max_length=40)
    text = models.TextField(_("说明"))

    panels = [FieldPanel("title"), FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = _("办理步骤")


class GuideMaterial(Orderable):
    guide = ParentalKey(ServiceGuide, on_delete=models.CASCADE, related_name="materials")
    name = models.CharField(_("材料名称"), max_length=120)
    note = models.CharField(_("说明"), max_length=200, blank=True)
    required_for_filing = models.BooleanField(
        _("备案必交"), default=False, help_text=_("勾选后，项目备案表单列出这项材料，未上传不能提交")
    )

    panels = [FieldPanel("name"), FieldPanel("note"), FieldPanel("required_for_filing")]

    class Meta(Orderable.Meta):
        verbose_name = _("所需材料")

    def __str__(self):
        return self.name
