"""The nine sections of a country page (SPEC §5) and which tagged articles fill each of them.

One query fetches the newest visible articles tagged with the country; each goes to the section
of its kind (financial-class articles to 金融服务 whatever their kind). A second query fetches the
attachments of the guides so they can be read online or downloaded from the page. Sections also
show what other apps hold about the country (``country_registry``: events, open listings).
"""

from django.db.models import Prefetch, prefetch_related_objects
from django.utils.translation import gettext_lazy as _

from portal import country_registry
from portal.models import ArticleAttachment, ArticleKind, InfoClass
from portal.selectors import LIST_FIELDS, newest, visible_articles

PER_SECTION = 6
FETCH_LIMIT = 150

SECTIONS = [
    ("overview", _("国别概况"), []),
    ("market", _("市场动态"), [ArticleKind.NEWS, ArticleKind.REPORT]),
    ("environment", _("营商环境"), [ArticleKind.RISK, ArticleKind.CASE]),
    ("policy", _("政策法规"), [ArticleKind.POLICY, ArticleKind.INTERPRETATION, ArticleKind.NOTICE]),
    ("guide", _("国别指南"), [ArticleKind.GUIDE]),
    ("projects", _("项目招商"), [ArticleKind.PROJECT]),
    ("events", _("活动展会"), [ArticleKind.EVENT]),
    ("finance", _("金融服务"), []),
    ("travel", _("商旅服务"), [ArticleKind.TRAVEL, ArticleKind.SERVICE]),
]
# Where "更多" leads: the column holding that kind of content, filtered by the country.
MORE_IN_COLUMN = {
    "market": "/news/industry/",
    "environment": "/news/risk-alerts/",
    "policy": "/news/government/",
    "guide": "/news/outbound-guides/",
    "projects": "/matching/projects/",
    "events": "/matching/events/",
    "finance": "/professional/finance/",
    "travel": "/news/outbound-guides/",
}
SECTION_OF_KIND = {kind: key for key, _title, kinds in SECTIONS for kind in kinds}


def section_of(article) -> str:
    if article.info_class == InfoClass.FINANCIAL:
        return "finance"
    return SECTION_OF_KIND.get(article.kind, "market")


def build_sections(country_page):
    """Context for a country page: the sections with their articles, and the current risk alerts."""
    articles = list(
        newest(visible_articles().filter(countries=country_page.country_id).only(*LIST_FIELDS))[:FETCH_LIMIT]
    )
    guides = [a for a in articles if a.kind == ArticleKind.GUIDE or a.info_class == InfoClass.FINANCIAL]
    prefetch_related_objects(guides, Prefetch("attachments", queryset=ArticleAttachment.objects.select_related("document")))
    filled = {key: [] for key, _title, _kinds in SECTIONS}
    counts = {key: 0 for key, _title, _kinds in SECTIONS}
    for article in articles:
        key = section_of(article)
        counts[key] += 1
        if len(filled[key]) < PER_SECTION:
            filled[key].append(article)
    code = country_page.country_id
    texts = {
        "overview": True,
        "environment": bool(country_page.business_environment),
        "policy": bool(country_page.policy_summary),
        "guide": bool(country_page.guide_document_id),
        "finance": bool(country_page.finance_overview or country_page.tax_treaty or country_page.tax_guide_document_id),
        "travel": bool(country_page.travel_services),
    }
    # What other apps hold about the country (upcoming events, open listings): country_registry.
    gathered = {key: country_registry.items_for(key, code, PER_SECTION) for key, _title, _kinds in SECTIONS}
    sections = [
        {
            "key": key,
            "title": title,
            "articles": filled[key],
            "items": gathered[key][0],
            "total": counts[key] + gathered[key][1],
            "has_text": texts.get(key, False),
            "more_url": f"{MORE_IN_COLUMN[key]}?country={code}" if key in MORE_IN_COLUMN else "",
        }
        for key, title, _kinds in SECTIONS
    ]
    return {
        "sections": sections,
        "risk_alerts": [a for a in articles if a.kind == ArticleKind.RISK][:3],
        "tagged_total": len(articles),
    }
