"""PostgreSQL: one generated ``tsvector`` column over the token columns, with a GIN index.

``array_to_tsvector`` takes our tokens exactly as they are (no parser, no stemming), so the
lexemes are the same tokens SQLite's FTS5 sees. Grams carry a "~" mark, facets "!", and title
tokens are added a second time with "^" so the title can be searched on its own. We never call
``ts_rank`` (it reads every matching row — the slow part for frequent words): candidates come
back newest first through the date index and our own code ranks them.
"""

from search.query import alt_grams

DOCS = "sitesearch_searchdocument"

VECTOR = (
    "array_to_tsvector(array_remove(string_to_array("
    "title_tokens || ' ' || body_tokens || ' ' || grams || ' ' || facets || ' ' || "
    r"regexp_replace(title_tokens, '(\S+)', '^\1', 'g'), ' '), ''))"
)
INSTALL = [
    f"ALTER TABLE {DOCS} ADD COLUMN IF NOT EXISTS search_vector tsvector GENERATED ALWAYS AS ({VECTOR}) STORED",
    f"CREATE INDEX IF NOT EXISTS sitesearch_doc_vector_gin ON {DOCS} USING gin (search_vector)",
]
UNINSTALL = ["DROP INDEX IF EXISTS sitesearch_doc_vector_gin", f"ALTER TABLE {DOCS} DROP COLUMN IF EXISTS search_vector"]


def install(connection):
    with connection.cursor() as cursor:
        for sql in INSTALL:
            cursor.execute(sql)


def uninstall(connection):
    with connection.cursor() as cursor:
        for sql in UNINSTALL:
            cursor.execute(sql)


def refresh_statistics(connection):
    """After a bulk load: VACUUM ANALYZE, so the planner knows the GIN index's size.

    Without it the planner may scan the table and read every TOASTed vector instead of asking
    the GIN index (ten times slower at 10,000 documents). Needs autocommit; skipped inside a
    transaction (autovacuum catches up there).
    """
    if connection.in_atomic_block:
        return
    with connection.cursor() as cursor:
        cursor.execute(f"VACUUM ANALYZE {DOCS}")
        cursor.execute("VACUUM ANALYZE sitesearch_searchterm")


def _lexeme(token: str, prefix: bool = False) -> str:
    quoted = "'" + token.replace("\\", "\\\\").replace("'", "''") + "'"
    return quoted + ":*" if prefix else quoted


def _alt(alt, title_only: bool) -> str | None:
    if alt.mode in ("grams", "parts"):
        return None if title_only else "(" + " & ".join(_lexeme("~" + t) for t in alt_grams(alt)) + ")"
    mark = "^" if title_only else ""
    if alt.mode == "prefix":
        return _lexeme(mark + alt.tokens[0], prefix=True)
    return "(" + " & ".join(_lexeme(mark + t) for t in alt.tokens) + ")"


def compile_match(concepts, *, mode="and", facets=(), title_only=False) -> str | None:
    """A tsquery literal; None when the query cannot be asked this way (title stage with fragments)."""
    parts = []
    for concept in concepts:
        alts = [a for a in (_alt(alt, title_only) for alt in concept.alts) if a]
        if not alts:
            return None
        parts.append("(" + " | ".join(alts) + ")")
    text = (" & " if mode == "and" else " | ").join(parts)
    facet = " & ".join(_lexeme("!" + f) for f in facets)
    if text and facet:
        return f"({text}) & {facet}"
    return text or facet or None


def fetch_rows(connection, ids: list[int], columns: str) -> list[tuple]:
    """The rows with these ids (one array parameter: cheaper than a long IN list)."""
    if not ids:
        return []
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {columns} FROM {DOCS} WHERE id = ANY(%s)", [list(ids)])
        return cursor.fetchall()


def match_ids(connection, expression, where: str, params: list, limit: int) -> list[int]:
    """Ids of matching, unexpired documents, newest first."""
    if expression is None:
        sql = f"SELECT d.id FROM {DOCS} d WHERE {where} ORDER BY d.date DESC, d.id DESC LIMIT %s"
        args = [*params, limit]
    else:
        sql = f"SELECT d.id FROM {DOCS} d WHERE d.search_vector @@ %s::tsquery AND {where} ORDER BY d.date DESC, d.id DESC LIMIT %s"
        args = [expression, *params, limit]
    with connection.cursor() as cursor:
        cursor.execute(sql, args)
        return [row[0] for row in cursor.fetchall()]


# --- the evaluation baseline: to_tsvector('simple', …) over the raw, unsegmented text ----------
BASELINE = "sitesearch_baseline"


def baseline_install(connection):
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TABLE IF NOT EXISTS {BASELINE} (key text PRIMARY KEY, title text, body text, "
            "vector tsvector GENERATED ALWAYS AS (setweight(to_tsvector('simple', title), 'A') || to_tsvector('simple', body)) STORED)"
        )
        cursor.execute(f"CREATE INDEX IF NOT EXISTS {BASELINE}_gin ON {BASELINE} USING gin (vector)")


def baseline_insert(connection, rows):
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {BASELINE}(key, title, body) VALUES (%s, %s, %s)", rows)


def baseline_search(connection, query: str, limit: int) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT key FROM {BASELINE}, plainto_tsquery('simple', %s) q WHERE vector @@ q ORDER BY ts_rank(vector, q) DESC, key LIMIT %s",
            [query, limit],
        )
        return [row[0] for row in cursor.fetchall()]
