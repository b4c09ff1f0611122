"""Articles: news, notices, policies, interpretations, reports, risk alerts, cases, guides, events.

An article is publicly visible when it is live, not behind a view restriction and not expired
(``ArticlePage.objects.visible()``). Expiry is by date: an article whose ``expires_at`` has passed
leaves listings, feeds, country pages and search at once; the periodic job
``portal.tasks.expire_articles`` also sets the ``content_expired`` flag so the search index and the
operators' archive report see it, and whoever opens it directly sees an "已过期" banner.
"""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from portal.forms import ArticlePageForm
from portal.models.cached import CachedPageMixin
from portal.models.classification import ArticleKind, InfoClass
from portal.models.workflow import InfoClassMixin
from taxonomy.cities import City
from taxonomy.selectors import country_search_terms
from taxonomy.widgets import SearchableSelectMultiple

BODY_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "hr", "link", "document-link", "blockquote"]


class ArticlePageQuerySet(PageQuerySet):
    def unexpired(self, today=None):
        today = today or timezone.localdate()
        return self.filter(content_expired=False).filter(Q(expires_at__isnull=True) | Q(expires_at__gte=today))

    def past_expiry(self, today=None):
        today = today or timezone.localdate()
        return self.filter(Q(content_expired=True) | Q(expires_at__lt=today))

    def visible(self):
        """Articles anyone may see in listings, feeds and search: live, public and unexpired."""
        return self.live().public().unexpired()


ArticlePageManager = PageManager.from_queryset(ArticlePageQuerySet)


class ArticleTag(TaggedItemBase):
    content_object = ParentalKey("portal.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items")


class ArticlePage(InfoClassMixin, CachedPageMixin, Page):
    kind = models.CharField(_("文章类型"), max_length=20, choices=ArticleKind.choices, default=ArticleKind.NEWS, db_index=True)
    info_class = models.CharField(_("信息类别"), max_length=20, choices=InfoClass.choices, default=InfoClass.BASIC, db_index=True)
    summary = models.TextField(_("摘要"), max_length=400, blank=True, default="")
    body = RichTextField(_("正文"), blank=True, features=BODY_FEATURES)
    date = models.DateField(_("发布日期"), default=timezone.localdate, db_index=True)
    source = models.CharField(_("来源/发布机关"), max_length=120, blank=True, default="")
    doc_number = models.CharField(_("文号"), max_length=80, blank=True, default="", help_text=_("政策文件的发文字号，如 湘商发〔2024〕12号"))
    effective_date = models.DateField(_("施行日期"), null=True, blank=True)
    expires_at = models.DateField(_("有效期至"), null=True, blank=True, help_text=_("过了这一天，文章自动退出列表和搜索并提示已过期"))
    content_expired = models.BooleanField(_("已过期"), default=False, db_index=True, editable=False)
    archived_at = models.DateTimeField(_("归档时间"), null=True, blank=True, editable=False)
    city = models.CharField(_("所属市州"), max_length=20, choices=City.choices, blank=True, default="", editable=False, db_index=True)
    external_id = models.CharField(_("外部编号"), max_length=64, unique=True, null=True, blank=True, editable=False)
    import_hash = models.CharField(_("导入内容摘要"), max_length=32, blank=True, default="", editable=False)
    countries = ParentalManyToManyField("taxonomy.Country", blank=True, related_name="articles", verbose_name=_("国家(地区)"))
    industries = ParentalManyToManyField("taxonomy.Industry", blank=True, related_name="articles", verbose_name=_("行业"))
    tags = ClusterTaggableManager(_("标签"), through=ArticleTag, blank=True)

    objects = ArticlePageManager()
    base_form_class = ArticlePageForm

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("body"),
        InlinePanel("attachments", label=_("附件"), heading=_("附件（PDF 可在线阅读和下载）")),
    ]
    promote_panels = [*Page.promote_panels]
    settings_panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kind"), FieldPanel("info_class")]),
                FieldRowPanel([FieldPanel("date"), FieldPanel("source")]),
                FieldRowPanel([FieldPanel("doc_number"), FieldPanel("effective_date")]),
                FieldPanel("expires_at"),
            ],
            heading=_("文章属性"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("countries", widget=SearchableSelectMultiple(search_terms=country_search_terms)),
                FieldPanel("industries", widget=SearchableSelectMultiple),
                FieldPanel("tags"),
            ],
            heading=_("国别、行业与标签"),
        ),
        *Page.settings_panels,
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("kind"),
        index.FilterField("info_class"),
        index.FilterField("date"),
        index.FilterField("content_expired"),
        index.FilterField("expires_at"),
        index.FilterField("city"),
    ]
    parent_page_types = ["portal.ColumnPage", "portal.CityZonePage"]
    subpage_types = []
    page_description = _("新闻、通知、政策、解读、报告、风险提示、案例、指南或活动")

    class Meta:
        verbose_name = _("文章")
        verbose_name_plural = _("文章")
        indexes = [models.Index(fields=["-date", "-page_ptr"], name="portal_article_date_idx")]

    def __str__(self):
        return self.title

    @property
    def is_expired(self) -> bool:
        return self.content_expired or (self.expires_at is not None and self.expires_at < timezone.localdate())

    def review_class(self):
        # City-zone content is the city bureau's own: its editors publish it without a review step.
        return None if self.city else self.info_class

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["attachments"] = list(self.attachments.select_related("document"))
        context["article_countries"] = list(self.countries.select_related("portal_page"))
        context["article_industries"] = list(self.industries.all())
        context["article_tags"] = list(self.tags.all())
        return context


class ArticleAttachment(Orderable):
    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey("wagtaildocs.Document", on_delete=models.CASCADE, related_name="+", verbose_name=_("文件"))
    title = models.CharField(_("显示名称"), max_length=120, blank=True, default="")

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("附件")
        verbose_name_plural = _("附件")

    @property
    def display_title(self):
        return self.title or self.document.title

    @property
    def is_pdf(self):
        return self.document.file_extension.lower() == "pdf"
