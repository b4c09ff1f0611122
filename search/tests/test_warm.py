"""manage.py warm_search_index: reading the index into memory after a restart."""

from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection

from search.backends import backend_for


def warm(**options) -> str:
    out = StringIO()
    call_command("warm_search_index", stdout=out, **options)
    return out.getvalue()


def test_an_empty_index_needs_no_warming(db):
    assert "索引是空的" in warm()


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the embedded database's answer")
def test_sqlite_needs_no_warming(add_docs):
    add_docs(("1", "签证", ""))
    assert "sqlite 无需预热" in warm()


def test_bad_options_are_refused_with_a_clear_message(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="不能为负数"):
        warm(months=-1)
    with pytest.raises(CommandError, match="最多 1200"):
        warm(months=100_000)
    with pytest.raises(CommandError, match="没有这个数据库别名：nope"):
        warm(database="nope")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_prewarm is PostgreSQL's")
def test_postgres_warming_reads_the_match_structures_and_the_recent_documents(add_docs):
    add_docs(*[(f"n{i}", f"签证{i}", "材料" * 200, {"date": date(2025, 12, 1 + i)}) for i in range(20)])
    add_docs(*[(f"o{i}", f"护照{i}", "材料" * 200, {"date": date(2020, 1, 1 + i)}) for i in range(20)])
    backend = backend_for(connection)
    structures = backend.warm(connection, date(2099, 1, 1))  # no document that recent: structures only
    assert structures > 0
    recent = backend.warm(connection, date(2025, 1, 1))
    everything = backend.warm(connection, date(2000, 1, 1))
    assert structures < recent < everything  # the old documents' pages are read only when asked for
    assert "已预热" in warm(months=12)


def test_a_failure_names_what_to_do():
    from search.management.commands.warm_search_index import _hint

    assert "CREATE EXTENSION pg_prewarm" in _hint(Exception('permission denied to create extension "pg_prewarm"'))
    assert "manage.py migrate" in _hint(Exception('relation "sitesearch_match" does not exist'))
    assert _hint(Exception("connection refused")) == ""
