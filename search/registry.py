"""Which kinds of content are searchable: each app registers its own.

A kind says what its publicly visible objects are and how one becomes an ``IndexDocument``::

    from search.registry import SearchKind, register

    register(SearchKind(
        name="faq", label="常见问题", model=Faq,
        queryset=lambda: Faq.objects.filter(published=True),
        document=faq_document,   # Faq -> search.documents.IndexDocument
    ))

Call it from the app's ``AppConfig.ready()``. The index follows the kind's objects from then on:
saving or deleting one re-indexes or removes it in a background task (``search.signals``), and
``manage.py rebuild_search_index`` reloads everything. Only objects in ``queryset()`` are ever
indexed, so that queryset is where "published, public, not expired" is decided.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.utils import translation


@dataclass(frozen=True)
class SearchKind:
    name: str
    label: str
    model: type[models.Model]
    queryset: Callable[[], models.QuerySet]
    document: Callable[[models.Model], "object"]
    # Related models whose changes should re-index the owner: {Model: function(instance) -> owners}.
    watch: tuple = ()

    def build(self, obj):
        """``document(obj)`` with the site's own language active, so the index holds the same
        (Chinese) words, such as other apps' kind labels, whatever the language of the request
        that saved ``obj``."""
        with translation.override(settings.LANGUAGE_CODE):
            return self.document(obj)

    def visible(self, pks) -> models.QuerySet:
        return self.queryset().filter(pk__in=list(pks))


_kinds: dict[str, SearchKind] = {}


def register(kind: SearchKind) -> SearchKind:
    if kind.name in _kinds and _kinds[kind.name].model is not kind.model:
        raise ValueError(f"search kind {kind.name!r} is already registered for {_kinds[kind.name].model.__name__}")
    _kinds[kind.name] = kind
    return kind


def unregister(name: str) -> None:
    _kinds.pop(name, None)


def get(name: str) -> SearchKind:
    return _kinds[name]


def all_kinds() -> list[SearchKind]:
    return list(_kinds.values())


def labels() -> dict[str, str]:
    return {k.name: k.label for k in _kinds.values()}


def kind_for_model(model) -> SearchKind | None:
    for kind in _kinds.values():
        if issubclass(model, kind.model):
            return kind
    return None


def kind_for(obj) -> SearchKind | None:
    """The kind of ``obj``; a plain Wagtail ``Page`` is looked up by its specific class."""
    kind = kind_for_model(type(obj))
    if kind is None and hasattr(obj, "specific_class") and obj.specific_class is not None:
        kind = kind_for_model(obj.specific_class)
    return kind
