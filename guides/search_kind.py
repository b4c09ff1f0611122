"""Service guides in site search: a guide is found by its title, the regulations it cites, its
steps and the materials it asks for (someone who types 资金来源说明 or 境外投资 finds the guide)."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from search.documents import IndexDocument
from search.registry import SearchKind, register


def guide_document(guide) -> IndexDocument:
    steps = [f"{s.title} {s.text}" for s in guide.steps.all()]
    materials = [f"{m.name} {m.note}".strip() for m in guide.materials.all()]
    return IndexDocument(
        kind="guide",
        object_id=str(guide.pk),
        title=guide.title,
        url=guide.get_absolute_url(),
        date=timezone.localdate(guide.updated_at) if guide.updated_at else timezone.localdate(),
        body="\n".join([guide.summary, guide.who, *steps, *materials]),
        column=gettext_noop("办事指南"),
        extra=" ".join([*guide.regulation_list, guide.office]),
    )


def _guide_of_part(part):
    return [part.guide]


def register_guides():
    from guides.models import GuideMaterial, GuideStep, ServiceGuide
    from guides.selectors import live_guides

    register(SearchKind(
        name="guide", label=_("办事指南"), model=ServiceGuide,
        queryset=lambda: live_guides().prefetch_related("steps", "materials"),
        document=guide_document,
        watch=((GuideStep, _guide_of_part), (GuideMaterial, _guide_of_part)),
    ))
