"""Search in the Wagtail admin: the synonym table (a snippet) and the search report.

Operators with the synonym permissions edit groups under 片段 → 同义词与缩写; every change is
audited and makes every process reload the groups. The report (报告 → 站内搜索) lists queries
that found nothing and the most popular ones; it needs ``sitesearch.view_querylog``.
"""

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from audit.services import log
from search import selectors
from search.models import Synonym
from search.synonyms import synonyms_changed

REPORT_PERMISSION = "sitesearch.view_querylog"


class SynonymViewSet(SnippetViewSet):
    model = Synonym
    icon = "list-ul"
    menu_label = _("同义词与缩写")
    list_display = ["__str__", "kind", "is_active", "updated_at"]
    list_filter = ["kind", "is_active"]
    search_fields = ["terms", "note"]
    ordering = ["kind", "id"]


register_snippet(SynonymViewSet)


def _synonym_changed(action):
    def after(request, instance):
        if isinstance(instance, Synonym):
            synonyms_changed()
            log(f"search.synonym_{action}", actor=request.user, request=request, target=instance, detail={"terms": instance.terms})

    return after


hooks.register("after_create_snippet", _synonym_changed("created"))
hooks.register("after_edit_snippet", _synonym_changed("changed"))


@hooks.register("after_delete_snippet")
def _synonyms_deleted(request, instances):
    if any(isinstance(i, Synonym) for i in instances):
        synonyms_changed()
        for instance in instances:
            log("search.synonym_deleted", actor=request.user, request=request, detail={"terms": instance.terms})


def search_report(request):
    """Operators: queries that found nothing (most frequent first) and popular queries."""
    if not request.user.has_perm(REPORT_PERMISSION):
        raise PermissionDenied
    try:
        days = max(1, min(365, int(request.GET.get("days", 30))))
    except ValueError:
        days = 30
    context = {
        "days": days,
        "misses": list(selectors.no_result_queries(days=days)),
        "popular": selectors.popular_query_counts(days=days),
        "synonyms_url": reverse("wagtailsnippets_sitesearch_synonym:list"),
    }
    return TemplateResponse(request, "search/admin/report.html", context)


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(REPORT_PERMISSION)


@hooks.register("register_admin_urls")
def register_search_admin_urls():
    urls = [path("report/", search_report, name="report")]
    return [path("search-report/", include((urls, "search_admin"), namespace="search_admin"))]


@hooks.register("register_reports_menu_item")
def register_search_report_menu_item():
    return ReportMenuItem(_("站内搜索：无结果与热门查询"), reverse("search_admin:report"), icon_name="search", order=60)
