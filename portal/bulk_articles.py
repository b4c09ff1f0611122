"""Publish many articles at once: the legacy import (11,196 articles) and the demo content.

Creating Wagtail pages one by one (``add_child`` + revision + publish) costs dozens of queries
each. Here new articles are written in batches: their tree paths are computed per column, the
``wagtailcore_page`` rows are bulk-inserted, then one insert per ``portal_articlepage`` row and
bulk inserts for countries, industries, tags and attachments. Articles carrying an external id
that is already present are updated only when their content changed (a hash of the row), so
running the same import twice changes nothing.

Afterwards the articles are added to Wagtail's search index in bulk and ``articles_published`` is
sent for the search app; Wagtail's per-page ``page_published`` signal is deliberately not sent
(subscribers are not notified about thousands of legacy articles).
"""

import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from taggit.models import Tag
from wagtail.models import Page

from portal.models import ArticleAttachment, ArticlePage, ArticleTag
from portal.signals import articles_published
from portal.tree import ALPHABET, STEPLEN, _step

ARTICLE_FIELDS = ["kind", "info_class", "summary", "body", "date", "source", "doc_number", "effective_date", "expires_at", "city", "external_id", "import_hash"]


@dataclass
class ArticleData:
    external_id: str
    title: str
    parent: Page
    kind: str
    info_class: str
    date: date
    body: str = ""
    summary: str = ""
    source: str = ""
    doc_number: str = ""
    effective_date: date | None = None
    expires_at: date | None = None
    city: str = ""
    countries: list[str] = field(default_factory=list)
    industries: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    attachments: list = field(default_factory=list)  # Wagtail Document objects

    def content_hash(self) -> str:
        payload = [
            self.title, self.parent.pk, self.kind, self.info_class, str(self.date), self.body, self.summary, self.source,
            self.doc_number, str(self.effective_date), str(self.expires_at), self.city, sorted(self.countries),
            sorted(self.industries), sorted(self.tags), [d.pk for d in self.attachments],
        ]
        return hashlib.sha256(json.dumps(payload, ensure_ascii=False).encode()).hexdigest()[:32]


@dataclass
class Outcome:
    created: list[int] = field(default_factory=list)
    updated: list[int] = field(default_factory=list)
    unchanged: int = 0


class _PathAllocator:
    """Hands out the next free tree paths and slugs under each parent."""

    def __init__(self):
        self.next_step = {}
        self.slugs = {}

    def _load(self, parent):
        children = Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
        last = children.order_by("-path").values_list("path", flat=True).first()
        self.next_step[parent.pk] = int(last[-STEPLEN:], len(ALPHABET)) + 1 if last else 1
        self.slugs[parent.pk] = set(children.values_list("slug", flat=True))

    def take(self, parent, wanted_slug):
        if parent.pk not in self.next_step:
            self._load(parent)
        step = self.next_step[parent.pk]
        self.next_step[parent.pk] = step + 1
        slug, n = wanted_slug, 1
        while slug in self.slugs[parent.pk]:
            n += 1
            slug = f"{wanted_slug}-{n}"
        self.slugs[parent.pk].add(slug)
        return parent.path + _step(step), slug


def _slug_for(item: ArticleData) -> str:
    return slugify(item.external_id)[:70] or "article"


def _insert_new(items, allocator, content_type, now):
    pages = []
    for item in items:
        path, slug = allocator.take(item.parent, _slug_for(item))
        pages.append(
            Page(
                title=item.title, draft_title=item.title, slug=slug, path=path, depth=item.parent.depth + 1, numchild=0,
                url_path=f"{item.parent.url_path}{slug}/", content_type=content_type, locale_id=item.parent.locale_id,
                live=True, has_unpublished_changes=False, first_published_at=now, last_published_at=now,
                latest_revision_created_at=now, search_description=item.summary[:255],
            )
        )
    Page.objects.bulk_create(pages)
    for page, item in zip(pages, items, strict=True):
        article = ArticlePage(page_ptr_id=page.pk, **{f: _value(item, f) for f in ARTICLE_FIELDS})
        article.save_base(raw=True, force_insert=True)
    counts = defaultdict(int)
    for item in items:
        counts[item.parent.pk] += 1
    for parent_pk, n in counts.items():
        parent = next(i.parent for i in items if i.parent.pk == parent_pk)
        Page.objects.filter(pk=parent_pk).update(numchild=parent.numchild + n)
        parent.numchild += n
    return [p.pk for p in pages]


def _value(item, name):
    if name == "import_hash":
        return item.content_hash()
    return getattr(item, name)


def _update_existing(pairs):
    ids = []
    for article_id, item in pairs:
        Page.objects.filter(pk=article_id).update(title=item.title, draft_title=item.title, search_description=item.summary[:255], last_published_at=timezone.now())
        ArticlePage.objects.filter(pk=article_id).update(**{f: _value(item, f) for f in ARTICLE_FIELDS if f != "external_id"})
        ids.append(article_id)
    through = [ArticlePage.countries.through, ArticlePage.industries.through]
    for model in through:
        model.objects.filter(articlepage_id__in=ids).delete()
    ArticleTag.objects.filter(content_object_id__in=ids).delete()
    ArticleAttachment.objects.filter(page_id__in=ids).delete()
    moved = [(article_id, item) for article_id, item in pairs if not ArticlePage.objects.filter(pk=article_id, path__startswith=item.parent.path, depth=item.parent.depth + 1).exists()]
    for article_id, item in moved:
        ArticlePage.objects.get(pk=article_id).move(item.parent, pos="last-child")
    return ids


def _write_relations(pairs):
    country_through = ArticlePage.countries.through
    industry_through = ArticlePage.industries.through
    tag_names = {t for _, item in pairs for t in item.tags}
    existing = {t.name: t for t in Tag.objects.filter(name__in=tag_names)}
    missing = [Tag(name=n, slug=slugify(n, allow_unicode=True)[:100] or n) for n in sorted(tag_names - existing.keys())]
    for tag in missing:
        tag.save()
        existing[tag.name] = tag
    country_through.objects.bulk_create([country_through(articlepage_id=pk, country_id=c) for pk, item in pairs for c in dict.fromkeys(item.countries)])
    industry_through.objects.bulk_create([industry_through(articlepage_id=pk, industry_id=i) for pk, item in pairs for i in dict.fromkeys(item.industries)])
    ArticleTag.objects.bulk_create([ArticleTag(content_object_id=pk, tag=existing[t]) for pk, item in pairs for t in dict.fromkeys(item.tags)])
    ArticleAttachment.objects.bulk_create(
        [ArticleAttachment(page_id=pk, document=doc, sort_order=n) for pk, item in pairs for n, doc in enumerate(item.attachments)]
    )


def _index(ids):
    from wagtail.search.backends import get_search_backends

    if not ids:
        return
    for backend in get_search_backends(with_auto_update=True):
        backend.add_bulk(ArticlePage, list(ArticlePage.objects.filter(pk__in=ids)))


def save_articles(items: list[ArticleData], *, batch_size=500, progress=None) -> Outcome:
    """Create or update ``items`` as published articles, matched on ``external_id``."""
    outcome = Outcome()
    allocator = _PathAllocator()
    content_type = ContentType.objects.get_for_model(ArticlePage)
    now = timezone.now()
    for start in range(0, len(items), batch_size):
        batch = items[start : start + batch_size]
        with transaction.atomic():
            known = dict(ArticlePage.objects.filter(external_id__in=[i.external_id for i in batch]).values_list("external_id", "pk"))
            hashes = dict(ArticlePage.objects.filter(pk__in=known.values()).values_list("pk", "import_hash"))
            new = [i for i in batch if i.external_id not in known]
            changed = [(known[i.external_id], i) for i in batch if i.external_id in known and hashes[known[i.external_id]] != i.content_hash()]
            outcome.unchanged += len(batch) - len(new) - len(changed)
            created = _insert_new(new, allocator, content_type, now) if new else []
            updated = _update_existing(changed) if changed else []
            _write_relations(list(zip(created, new, strict=True)) + list(zip(updated, [i for _, i in changed], strict=True)))
            outcome.created += created
            outcome.updated += updated
            _index(created + updated)
        if progress:
            progress(len(batch))
    if outcome.created or outcome.updated:
        articles_published.send(sender=ArticlePage, page_ids=outcome.created + outcome.updated)
    return outcome
