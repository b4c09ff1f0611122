"""Service guides in the Wagtail admin (片段 → 办事指南): the department and the operator keep the
regulations, steps, offices and required materials current. Wagtail's own log records each edit."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from guides.models import ServiceGuide


class ServiceGuideViewSet(SnippetViewSet):
    model = ServiceGuide
    icon = "help"
    menu_label = _("办事指南")
    list_display = ["title", "slug", "live", "updated_at"]
    list_filter = ["live"]
    search_fields = ["title", "summary"]
    ordering = ["order", "id"]


register_snippet(ServiceGuideViewSet)
