"""The search behind Wagtail's admin (pages, images, documents, choosers): Wagtail's database
backend, with quotation marks escaped on SQLite.

Wagtail's SQLite backend puts each word of a query in an FTS5 string ("word") without doubling
a quotation mark inside it, so a query such as ``"`` or ``"肯尼亚`` is an FTS5 syntax error and
the admin page a server error (wagtail/wagtail#13227, still open). Doubling it is how FTS5
writes a literal quotation mark; the tokenizer then drops it like any other punctuation. The
PostgreSQL backend passes words as bound lexemes and needs nothing.

The site's own search (``search.engine``) does not use this: it has its own index.
"""

from functools import cache

from wagtail.search.backends.database import SearchBackend as database_backend
from wagtail.search.query import Phrase, PlainText


def fts5_literal(text: str) -> str:
    """``text`` as it may stand between FTS5's double quotes."""
    return text.replace('"', '""')


@cache
def escaping_sqlite_backend():
    """The SQLite backend class with escaping compilers.

    Built on first use: Wagtail's SQLite module defines models that exist only on SQLite, so it
    must not be imported when the database is PostgreSQL.
    """
    from wagtail.search.backends.database.sqlite.sqlite import SQLiteAutocompleteQueryCompiler, SQLiteSearchBackend, SQLiteSearchQueryCompiler

    class Escaping:
        def build_search_query_content(self, query, config=None):
            # And/Or/AndNot come back through here for each part, so every word is escaped once.
            if isinstance(query, PlainText):
                query = PlainText(fts5_literal(query.query_string), operator=query.operator, boost=query.boost)
            elif isinstance(query, Phrase):
                query = Phrase(fts5_literal(query.query_string))
            return super().build_search_query_content(query, config=config)

    class EscapingSQLiteSearchBackend(SQLiteSearchBackend):
        query_compiler_class = type("EscapingSQLiteQueryCompiler", (Escaping, SQLiteSearchQueryCompiler), {})
        autocomplete_query_compiler_class = type("EscapingSQLiteAutocompleteQueryCompiler", (Escaping, SQLiteAutocompleteQueryCompiler), {})

    return EscapingSQLiteSearchBackend


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks for in a backend module
    """Wagtail's choice for the database in use, with quotes escaped when that is SQLite's FTS5 backend."""
    backend = database_backend(params)
    if type(backend).__name__ == "SQLiteSearchBackend":
        return escaping_sqlite_backend()(params)
    return backend
