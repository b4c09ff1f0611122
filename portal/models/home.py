"""The home page: banner, quick entries to the services, the newest of every column."""

from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.url_routing import RouteResult

from portal.models.cached import CachedPageMixin


class HomePage(CachedPageMixin, Page):
    """The site's root. Everything on it is read from the tree by ``portal.selectors.home_blocks``."""

    intro = RichTextField(_("导语"), blank=True, features=["bold", "italic", "link"])
    banner_title = models.CharField(_("横幅标题"), max_length=60, blank=True, default="")
    banner_text = models.CharField(_("横幅说明"), max_length=160, blank=True, default="")

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel([FieldPanel("banner_title"), FieldPanel("banner_text")], heading=_("首页横幅")),
        FieldPanel("intro"),
    ]
    max_count = 1
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("首页")

    def route(self, request, path_components):
        """Find the page for a path in two queries instead of two per level.

        Wagtail walks the tree one level at a time (a query for the child and one for its specific
        object). None of the portal's page types routes on its own, so the page is the one whose
        ``url_path`` is this page's plus the path; Wagtail's walk stays the fallback for a page
        type that overrides ``route`` and for paths that match no page (404).
        """
        if not path_components:
            return super().route(request, path_components)
        url_path = self.url_path + "/".join(path_components) + "/"
        found = (
            Page.objects.filter(slug=path_components[-1], depth=self.depth + len(path_components), url_path=url_path)
            .only("id", "content_type_id", "live")
            .first()
        )
        if found is None or found.specific_class is None or found.specific_class.route is not Page.route:
            return super().route(request, path_components)
        if not found.live:
            raise Http404
        return RouteResult(found.specific)

    def get_context(self, request, *args, **kwargs):
        from portal.selectors import home_blocks

        context = super().get_context(request, *args, **kwargs)
        context.update(home_blocks(self))
        return context
