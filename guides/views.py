"""Service guides: an index and one page per business kind, each ending in its online forms."""

from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from guides.content import BY_SLUG, GUIDES


def resolve_forms(guide) -> list[dict]:
    """``[{label, url}]``; ``url`` is None when that form is not installed on this site."""
    links = []
    for link in guide.forms:
        try:
            url = reverse(link.url_name, args=link.args)
        except NoReverseMatch:
            url = None
        links.append({"label": link.label, "url": url})
    return links


def index(request):
    return TemplateResponse(request, "guides/index.html", {"guides": GUIDES})


def detail(request, slug):
    guide = BY_SLUG.get(slug)
    if guide is None:
        raise Http404(_("没有这份办事指南"))
    try:
        consult = reverse("consultation:ask") + (f"?category={guide.consult_category}" if guide.consult_category else "")
    except NoReverseMatch:
        consult = None
    return TemplateResponse(request, "guides/detail.html", {"guide": guide, "forms": resolve_forms(guide), "consult_url": consult, "others": GUIDES})
