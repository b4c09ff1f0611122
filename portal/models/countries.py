"""Country information (国别信息): an index, one page per continent, one page per country.

A country page has the nine sections of SPEC §5. Editors keep the country's facts and the texts
that do not change often (business environment, finance, travel services); every other section
fills itself from articles tagged with the country (``portal.country_sections``).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from portal.models.cached import CachedPageMixin
from portal.models.classification import InfoClass
from portal.models.workflow import InfoClassMixin
from taxonomy.models import Continent
from taxonomy.selectors import country_search_terms
from taxonomy.widgets import SearchableSelect

TEXT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class CountryIndexPage(InfoClassMixin, CachedPageMixin, Page):
    intro = RichTextField(_("说明"), blank=True, features=["bold", "italic", "link"])
    info_class = InfoClass.BASIC

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["portal.ContinentPage"]
    max_count = 1

    class Meta:
        verbose_name = _("国别信息首页")

    def get_context(self, request, *args, **kwargs):
        from portal.selectors import countries_by_continent

        context = super().get_context(request, *args, **kwargs)
        context["continents"] = countries_by_continent(self)
        return context


class ContinentPage(InfoClassMixin, CachedPageMixin, Page):
    continent = models.CharField(_("大洲"), max_length=16, choices=Continent.choices, unique=True)
    intro = RichTextField(_("说明"), blank=True, features=["bold", "italic", "link"])
    info_class = InfoClass.BASIC

    content_panels = [*Page.content_panels, FieldPanel("continent"), FieldPanel("intro")]
    parent_page_types = ["portal.CountryIndexPage"]
    subpage_types = ["portal.CountryPage"]

    class Meta:
        verbose_name = _("大洲")
        verbose_name_plural = _("大洲")

    def get_context(self, request, *args, **kwargs):
        from portal.selectors import countries_of_continent

        context = super().get_context(request, *args, **kwargs)
        context["country_pages"] = countries_of_continent(self)
        return context


class CountryPage(InfoClassMixin, CachedPageMixin, Page):
    country = models.OneToOneField("taxonomy.Country", on_delete=models.PROTECT, related_name="portal_page", verbose_name=_("国家(地区)"))
    info_class = InfoClass.BASIC

    # 国别概况
    overview = RichTextField(_("国别概况"), blank=True, features=TEXT_FEATURES)
    capital = models.CharField(_("首都"), max_length=60, blank=True, default="")
    population = models.CharField(_("人口"), max_length=60, blank=True, default="")
    area = models.CharField(_("面积"), max_length=60, blank=True, default="")
    gdp = models.CharField(_("国内生产总值"), max_length=80, blank=True, default="")
    currency = models.CharField(_("货币"), max_length=60, blank=True, default="")
    languages = models.CharField(_("官方语言"), max_length=80, blank=True, default="")
    time_zone = models.CharField(_("时区"), max_length=40, blank=True, default="")
    hunan_ties = models.TextField(_("与湖南的经贸往来"), blank=True, default="")
    # 营商环境
    business_environment = RichTextField(_("营商环境"), blank=True, features=TEXT_FEATURES)
    # 政策法规 (editors' summary; the tagged policies are listed below it)
    policy_summary = RichTextField(_("政策法规概要"), blank=True, features=TEXT_FEATURES)
    # 国别指南
    guide_document = models.ForeignKey(
        "wagtaildocs.Document", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("国别(地区)指南 PDF")
    )
    # 金融服务
    finance_overview = RichTextField(_("外汇与金融概况"), blank=True, features=TEXT_FEATURES)
    tax_treaty = models.CharField(_("避免双重征税协定"), max_length=120, blank=True, default="")
    tax_guide_document = models.ForeignKey(
        "wagtaildocs.Document", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("投资税收指南 PDF")
    )
    # 商旅服务
    travel_services = RichTextField(_("商旅服务"), blank=True, features=TEXT_FEATURES, help_text=_("使领馆与经商处、华人社团、政府机构、商会与中资企业、出行提示"))

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("country", widget=SearchableSelect(search_terms=country_search_terms)),
                FieldRowPanel([FieldPanel("capital"), FieldPanel("population"), FieldPanel("area")]),
                FieldRowPanel([FieldPanel("gdp"), FieldPanel("currency")]),
                FieldRowPanel([FieldPanel("languages"), FieldPanel("time_zone")]),
                FieldPanel("overview"),
                FieldPanel("hunan_ties"),
            ],
            heading=_("国别概况"),
        ),
        FieldPanel("business_environment"),
        FieldPanel("policy_summary"),
        FieldPanel("guide_document"),
        MultiFieldPanel([FieldPanel("finance_overview"), FieldPanel("tax_treaty"), FieldPanel("tax_guide_document")], heading=_("金融服务")),
        FieldPanel("travel_services"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("overview"),
        index.SearchField("business_environment"),
        index.SearchField("finance_overview"),
        index.FilterField("country_id"),
    ]
    parent_page_types = ["portal.ContinentPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("国别页面")
        verbose_name_plural = _("国别页面")

    @property
    def has_facts(self) -> bool:
        return bool(self.capital or self.population or self.overview)

    def get_context(self, request, *args, **kwargs):
        from portal.country_sections import build_sections

        context = super().get_context(request, *args, **kwargs)
        context.update(build_sections(self))
        return context
