"""Reads of the expert pool, with the public filters."""

from django.db.models import Q

from experts.models import Expert


def experts(*, field="", country="", language="", q=""):
    """Active experts matching every filter given."""
    qs = Expert.objects.filter(is_active=True).prefetch_related("fields", "countries")
    if field:
        qs = qs.filter(fields__code=field)
    if country:
        qs = qs.filter(countries__code=country)
    if language:
        qs = qs.filter(languages__contains=language)
    if q:
        qs = qs.filter(Q(name__contains=q) | Q(organization__contains=q) | Q(bio__contains=q) | Q(title__contains=q))
    return qs.distinct()
