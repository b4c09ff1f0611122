"""City zones (市州专区): one sub-site per Hunan city, run by that city's commerce bureau.

Each zone is a CityZonePage with its articles (city news, notices, events) as children and its
own home showing them together with the city's certified enterprises. The bureau's group has page
permissions on its own zone only (``portal.permissions``).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from portal.models.cached import CachedPageMixin
from portal.models.classification import InfoClass
from portal.models.workflow import InfoClassMixin
from taxonomy.cities import SHORT_NAMES, City


class CityZoneIndexPage(InfoClassMixin, CachedPageMixin, Page):
    intro = RichTextField(_("说明"), blank=True, features=["bold", "italic", "link"])
    info_class = InfoClass.BASIC

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["portal.CityZonePage"]
    max_count = 1

    class Meta:
        verbose_name = _("市州专区首页")

    def get_context(self, request, *args, **kwargs):
        from portal.selectors import city_zone_overview

        context = super().get_context(request, *args, **kwargs)
        context["zones"] = city_zone_overview(self)
        return context


class CityZonePage(InfoClassMixin, CachedPageMixin, Page):
    city = models.CharField(_("市州"), max_length=20, choices=City.choices, unique=True)
    intro = RichTextField(_("专区介绍"), blank=True, features=["bold", "italic", "link", "ol", "ul"])
    bureau_name = models.CharField(_("主管单位"), max_length=60, blank=True, default="")
    address = models.CharField(_("办公地址"), max_length=120, blank=True, default="")
    phone = models.CharField(_("咨询电话"), max_length=40, blank=True, default="")
    highlights = models.TextField(_("开放型经济亮点"), blank=True, default="", help_text=_("每行一条"))
    info_class = InfoClass.BASIC

    content_panels = [
        *Page.content_panels,
        FieldPanel("city"),
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("bureau_name"), FieldRowPanel([FieldPanel("address"), FieldPanel("phone")])], heading=_("联系方式")),
        FieldPanel("highlights"),
    ]
    parent_page_types = ["portal.CityZoneIndexPage"]
    subpage_types = ["portal.ArticlePage"]

    class Meta:
        verbose_name = _("市州专区")
        verbose_name_plural = _("市州专区")

    def review_class(self):
        return None  # the bureau publishes its own zone

    @property
    def short_name(self):
        return SHORT_NAMES[City(self.city)]

    @property
    def highlight_lines(self):
        return [line.strip() for line in self.highlights.splitlines() if line.strip()]

    def get_context(self, request, *args, **kwargs):
        from portal.selectors import city_zone_context

        context = super().get_context(request, *args, **kwargs)
        context.update(city_zone_context(self, request))
        return context
