"""A throw-away index in its own database, for the evaluation harness and the benchmark.

``isolated_index()`` adds a database alias pointing at a new SQLite file or a new PostgreSQL
database on the same server as the site's, creates the index tables there with the same schema
code the migrations use, yields the alias, and removes everything afterwards. The live index is
never touched; the site's synonym table is still read from the site's database.
"""

import contextlib
import os
import tempfile
import uuid

from django.db import connections
from django.utils.translation import gettext as _

from search.backends import backend_for
from search.models import SearchDocument, SearchTerm


def create_schema(alias: str, *, baseline: bool = False) -> None:
    connection = connections[alias]
    with connection.schema_editor() as editor:
        editor.create_model(SearchDocument)
        editor.create_model(SearchTerm)
    backend = backend_for(connection)
    backend.install(connection)
    if baseline:
        backend.baseline_install(connection)


def _server_database(settings: dict, name: str, action: str) -> bool:
    """Create or drop database ``name``; with action "exists", whether it is there."""
    import psycopg

    params = {"dbname": "postgres", "user": settings.get("USER") or None, "password": settings.get("PASSWORD") or None}
    params.update(host=settings.get("HOST") or None, port=settings.get("PORT") or None)
    with psycopg.connect(**{k: v for k, v in params.items() if v}, autocommit=True) as conn:
        if action == "exists":
            return conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone() is not None
        if action == "create":
            conn.execute(f'CREATE DATABASE "{name}"')
        else:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    return True


@contextlib.contextmanager
def isolated_index(vendor: str | None = None, *, name: str | None = None, keep: bool = False, baseline: bool = False, reuse: bool = False):
    """Yield the alias of a fresh, empty index database (``vendor``: "sqlite" or "postgresql").

    ``reuse`` (PostgreSQL, with ``name``): if that database is already there — kept by an earlier
    run — use it as it is, without emptying it or creating the schema.
    """
    default = connections.settings["default"]
    vendor = vendor or connections["default"].vendor
    alias = f"search_isolated_{uuid.uuid4().hex[:8]}"
    settings = {**default, "TEST": {**default.get("TEST", {})}, "OPTIONS": {**default.get("OPTIONS", {})}}
    cleanup = None
    if vendor == "sqlite":
        reuse = False
        fd, path = tempfile.mkstemp(prefix="xqch_search_", suffix=".sqlite3")
        os.close(fd)
        settings.update(ENGINE="django.db.backends.sqlite3", NAME=path, OPTIONS={})
        cleanup = lambda: os.path.exists(path) and os.remove(path)  # noqa: E731
    elif vendor == "postgresql":
        if connections["default"].vendor != "postgresql":
            raise RuntimeError(_("需要 PostgreSQL：请用 DATABASE_URL=postgres://… 运行"))
        name = name or f"xqch_search_tmp_{uuid.uuid4().hex[:8]}"
        reuse = reuse and _server_database(default, name, "exists")
        if not reuse:
            _server_database(default, name, "drop")
            _server_database(default, name, "create")
        settings.update(NAME=name)
        cleanup = lambda: _server_database(default, name, "drop")  # noqa: E731
    else:
        raise ValueError(_("不支持的数据库类型：%(vendor)s") % {"vendor": vendor})
    settings["CONN_MAX_AGE"] = 0
    settings["ATOMIC_REQUESTS"] = False
    # A dynamically created connection: registered for this thread only, not in DATABASES, so
    # Django's test isolation (which guards the configured aliases) lets the harness use it.
    connections.settings[alias] = settings
    try:
        connection = connections.create_connection(alias)
    finally:
        del connections.settings[alias]
    connections[alias] = connection
    try:
        if not reuse:
            create_schema(alias, baseline=baseline)
        yield alias
    finally:
        connection.close()
        del connections[alias]
        if not keep:
            cleanup()
