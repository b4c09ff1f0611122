"""Service guides: an index and one page per business kind, each ending in its online forms."""

from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from guides.content import BY_SLUG
from guides.selectors import live_guides


def resolve_forms(slug) -> list[dict]:
    """``[{label, url}]`` of the online forms the guide ``slug`` ends in; ``url`` is None when
    that form is not installed on this site."""
    links = []
    for link in BY_SLUG[slug].forms if slug in BY_SLUG else []:
        try:
            url = reverse(link.url_name, args=link.args)
        except NoReverseMatch:
            url = None
        links.append({"label": link.label, "url": url})
    return links


def index(request):
    return TemplateResponse(request, "guides/index.html", {"guides": live_guides()})


def detail(request, slug):
    guide = live_guides().prefetch_related("steps", "materials").filter(slug=slug).first()
    if guide is None:
        raise Http404(_("没有这份办事指南"))
    try:
        consult = reverse("consultation:ask") + (f"?category={guide.consult_category}" if guide.consult_category else "")
    except NoReverseMatch:
        consult = None
    context = {"guide": guide, "forms": resolve_forms(slug), "consult_url": consult, "others": live_guides().exclude(pk=guide.pk)}
    return TemplateResponse(request, "guides/detail.html", context)
