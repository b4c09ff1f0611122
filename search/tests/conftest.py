"""Fixtures for the search tests: the portal's column tree, and a way to put documents in the index."""

from datetime import date

import pytest

from search import index
from search.documents import IndexDocument
from search.synonyms import synonyms_changed


@pytest.fixture(autouse=True)
def _fresh_synonyms(db):
    synonyms_changed()  # every test reads the synonym table of its own database
    yield
    synonyms_changed()


@pytest.fixture(autouse=True)
def _empty_index(db):
    """Every test starts from an empty index: content created with the database (the service
    guides, made from guides/content.py after migrating) is indexed too, and would otherwise be
    found by the tests' searches and counted in the statistics."""
    index.clear()


@pytest.fixture
def column(db):
    from portal.models import ColumnPage

    return lambda slug: ColumnPage.objects.get(slug=slug)


@pytest.fixture
def add_docs(db):
    """``add_docs(("id", "title", "body"), ..., kind="article", **fields)`` → index those documents."""

    def add(*items, **fields):
        docs = []
        for item in items:
            object_id, title, body = item[:3]
            values = {"kind": "article", "url": f"/t/{object_id}/", "date": date(2025, 1, 1), **fields, **(item[3] if len(item) > 3 else {})}
            docs.append(IndexDocument(object_id=object_id, title=title, body=body, **values))
        index.upsert(docs)
        return docs

    return add
