"""The home page: banner, quick entries to the services, the newest of every column."""

from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from portal.models.cached import CachedPageMixin


class HomePage(CachedPageMixin, Page):
    """The site's root. Everything on it is read from the tree by ``portal.selectors.home_blocks``."""

    intro = RichTextField("导语", blank=True, features=["bold", "italic", "link"])
    banner_title = models.CharField("横幅标题", max_length=60, blank=True, default="")
    banner_text = models.CharField("横幅说明", max_length=160, blank=True, default="")

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel([FieldPanel("banner_title"), FieldPanel("banner_text")], heading="首页横幅"),
        FieldPanel("intro"),
    ]
    max_count = 1
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = "首页"

    def get_context(self, request, *args, **kwargs):
        from portal.selectors import home_blocks

        context = super().get_context(request, *args, **kwargs)
        context.update(home_blocks(self))
        return context
