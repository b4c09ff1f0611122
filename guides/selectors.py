"""Which guides the public sees, and the guide a project filing follows."""

from guides.models import GuideMaterial, ServiceGuide

# The guide whose materials each kind of project filing asks for (filings.models.Kind values).
GUIDE_FOR_FILING_KIND = {"investment": "investment", "contracting": "contracting", "labour": "labour"}


def live_guides():
    return ServiceGuide.objects.filter(live=True)


def guide_for_filing_kind(kind: str) -> ServiceGuide | None:
    slug = GUIDE_FOR_FILING_KIND.get(kind)
    return live_guides().filter(slug=slug).first() if slug else None


def required_materials(kind: str) -> list[GuideMaterial]:
    """The materials a filing of ``kind`` must carry before it is submitted, in the guide's order."""
    guide = guide_for_filing_kind(kind)
    return list(guide.materials.filter(required_for_filing=True).order_by("sort_order")) if guide else []
