"""The guides a new site starts with, created from ``guides.content`` after migrating (post_migrate).

Only guides whose slug is missing are created, so what the department has edited in the admin is
never overwritten; a guide it deleted on purpose comes back only if its slug is missing, which is
why guides are switched off (``live``) rather than deleted.
"""

from django.db import transaction

from guides.content import GUIDES, REQUIRED_FOR_FILING
from guides.models import GuideMaterial, GuideStep, ServiceGuide


@transaction.atomic
def ensure_guides() -> int:
    """Create the missing guides; returns how many were created."""
    have = set(ServiceGuide.objects.values_list("slug", flat=True))
    created = 0
    for order, guide in enumerate(GUIDES, start=1):
        if guide.slug in have:
            continue
        row = ServiceGuide.objects.create(
            slug=guide.slug, title=guide.title, summary=guide.summary, regulations="\n".join(guide.regulations),
            who=guide.who, office=guide.office, duration=guide.duration, consult_category=guide.consult_category, order=order * 10,
        )
        GuideStep.objects.bulk_create([GuideStep(guide=row, sort_order=i, title=t, text=body) for i, (t, body) in enumerate(guide.steps)])
        required = set(REQUIRED_FOR_FILING.get(guide.slug, []))
        GuideMaterial.objects.bulk_create([
            GuideMaterial(guide=row, sort_order=i, name=name, required_for_filing=name in required) for i, name in enumerate(guide.documents)
        ])
        created += 1
    return created


def ensure_guides_after_migrate(sender, using="default", **kwargs):
    """post_migrate (and a test flush): put back the missing guides, once the table exists."""
    from django.db import connections

    if ServiceGuide._meta.db_table in connections[using].introspection.table_names():
        ensure_guides()
