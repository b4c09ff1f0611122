"""PostgreSQL: a narrow match table with a ``tsvector`` per document and a GIN index.

``array_to_tsvector`` takes our tokens exactly as they are (no parser, no stemming), so the
lexemes are the same tokens SQLite's FTS5 sees. Grams carry a "~" mark, facets "!", and title
tokens are added a second time with "^" so the title can be searched on its own.

The vectors live in their own table, ``sitesearch_match`` (id, date, expiry, vector), kept in
step with the documents by a trigger, with the vector stored out of line (``STORAGE EXTERNAL``,
``toast_tuple_target`` 128): the rows the GIN bitmap leads to are small, so reading thousands of
them is cheap, and reading the vectors is never needed (a GIN match of plain lexemes needs no
recheck). We never call ``ts_rank`` (it reads every matching vector): our own code ranks the
candidates.
"""

from search.query import alt_grams, matching_alts

DOCS = "sitesearch_searchdocument"
MATCH = "sitesearch_match"
VECTOR_INDEX = "sitesearch_match_vector_gin"

VECTOR = (
    "array_to_tsvector(array_remove(string_to_array("
    "d.title_tokens || ' ' || d.body_tokens || ' ' || d.grams || ' ' || d.facets || ' ' || "
    r"regexp_replace(d.title_tokens, '(\S+)', '^\1', 'g'), ' '), ''))"
)
SYNC = f"""
CREATE OR REPLACE FUNCTION sitesearch_match_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        DELETE FROM {MATCH} WHERE id = OLD.id;
        RETURN OLD;
    END IF;
    INSERT INTO {MATCH} (id, date, expires_at, vector)
    SELECT d.id, d.date, d.expires_at, {VECTOR} FROM (SELECT NEW.*) d
    ON CONFLICT (id) DO UPDATE SET date = EXCLUDED.date, expires_at = EXCLUDED.expires_at, vector = EXCLUDED.vector;
    RETURN NEW;
END $$
"""
INSTALL = [
    # The first design kept the vector as a generated column of the documents table.
    "DROP INDEX IF EXISTS sitesearch_doc_vector_gin",
    f"ALTER TABLE {DOCS} DROP COLUMN IF EXISTS search_vector",
    f"CREATE TABLE IF NOT EXISTS {MATCH} (id integer PRIMARY KEY, date date NOT NULL, expires_at date, vector tsvector NOT NULL) "
    "WITH (toast_tuple_target = 128)",
    f"ALTER TABLE {MATCH} ALTER COLUMN vector SET STORAGE EXTERNAL",
    SYNC,
    f"DROP TRIGGER IF EXISTS sitesearch_match_sync ON {DOCS}",
    f"CREATE TRIGGER sitesearch_match_sync AFTER INSERT OR UPDATE OR DELETE ON {DOCS} FOR EACH ROW EXECUTE FUNCTION sitesearch_match_sync()",
    f"INSERT INTO {MATCH} (id, date, expires_at, vector) SELECT d.id, d.date, d.expires_at, {VECTOR} FROM {DOCS} d ON CONFLICT (id) DO NOTHING",
    f"CREATE INDEX IF NOT EXISTS sitesearch_match_date_idx ON {MATCH} (date DESC, id DESC)",
]
VECTOR_INDEX_SQL = f"CREATE INDEX IF NOT EXISTS {VECTOR_INDEX} ON {MATCH} USING gin (vector)"
UNINSTALL = [
    f"DROP TRIGGER IF EXISTS sitesearch_match_sync ON {DOCS}",
    "DROP FUNCTION IF EXISTS sitesearch_match_sync()",
    f"DROP TABLE IF EXISTS {MATCH}",
]


def install(connection):
    with connection.cursor() as cursor:
        for sql in [*INSTALL, VECTOR_INDEX_SQL]:
            cursor.execute(sql)


def uninstall(connection):
    with connection.cursor() as cursor:
        for sql in UNINSTALL:
            cursor.execute(sql)


def drop_vector_index(connection):
    """Before a bulk load into an empty index: building the GIN index once afterwards is faster."""
    with connection.cursor() as cursor:
        cursor.execute(f"DROP INDEX IF EXISTS {VECTOR_INDEX}")


def create_vector_index(connection):
    with connection.cursor() as cursor:
        cursor.execute(VECTOR_INDEX_SQL)


def arrange(connection):
    """After a bulk load: store documents and matches in date order (``CLUSTER``), newest together.

    Most queries end up reading the newest documents that match: their candidates are then
    neighbours on a few pages, which stay in memory, instead of one page each anywhere in the
    table — what makes the first queries after a restart, or after idle pages were reclaimed,
    slow. Sorting the table is far faster than walking the date index to rewrite it, hence
    ``enable_indexscan`` off. Documents indexed later are appended, so a live index stays close to
    date order; ``rebuild_search_index`` restores it exactly.
    """
    with connection.cursor() as cursor:
        cursor.execute("SET enable_indexscan = off")
        try:
            cursor.execute(f"CLUSTER {DOCS} USING sitesearch_doc_date_idx")
            cursor.execute(f"CLUSTER {MATCH} USING sitesearch_match_date_idx")
        finally:
            cursor.execute("RESET enable_indexscan")


# Everything a query reads except the document rows: read whole when warming the index.
WARM_RELATIONS = (VECTOR_INDEX, MATCH, "sitesearch_match_date_idx", "sitesearch_match_pkey", f"{DOCS}_pkey", "sitesearch_searchterm", "sitesearch_searchterm_pkey")


def warm(connection, since) -> int:
    """Read into memory what the first searches after a restart would read from disk; pages read.

    The match table, its indexes and the term statistics whole (``pg_prewarm``), and the rows of
    documents dated ``since`` or later — the candidates of most queries. In date order (``arrange``)
    those rows are one stretch of the table, read in order by the bitmap scan.
    """
    with connection.cursor() as cursor:
        cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_prewarm")
        pages = 0
        for relation in WARM_RELATIONS:
            cursor.execute("SELECT pg_prewarm(%s::regclass)", [relation])
            pages += cursor.fetchone()[0]
        cursor.execute(f"SELECT count(DISTINCT (ctid::text::point)[0]) FROM {DOCS} WHERE date >= %s", [since])
        return pages + cursor.fetchone()[0]


def refresh_statistics(connection):
    """After a bulk load: VACUUM ANALYZE, so the planner knows the GIN index's size.

    Needs autocommit; skipped inside a transaction (autovacuum catches up there).
    """
    if connection.in_atomic_block:
        return
    with connection.cursor() as cursor:
        for table in (DOCS, MATCH, "sitesearch_searchterm"):
            cursor.execute(f"VACUUM ANALYZE {table}")


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


def compile_match(concepts, *, mode="and", facets=(), title_only=False, within=()) -> str | None:
    """A tsquery literal; None when the query cannot be asked this way (title stage with fragments).

    ``within``: facets of which a document must have one (the months of a date window).
    """
    parts = []
    for concept in concepts:
        alts = [a for a in (_alt(alt, title_only) for alt in matching_alts(concept.alts)) if a]
        if not alts:
            return None
        parts.append("(" + " | ".join(alts) + ")")
    text = (" & " if mode == "and" else " | ").join(parts)
    facet_terms = [_lexeme("!" + f) for f in facets]
    if within:
        facet_terms.append("(" + " | ".join(_lexeme("!" + f) for f in within) + ")")
    facet = " & ".join(facet_terms)
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
    """Ids of matching, unexpired documents, newest first.

    With an expression: every match from the GIN bitmap, the newest kept (``MATERIALIZED`` keeps
    the planner from walking the date index instead, reading one out-of-line vector per row it
    passes). A frequent query comes confined to recent months (``search.planning.newest_months``), so
    the bitmap stays small. Without one: the date index, newest first.
    """
    if expression is None:
        sql = f"SELECT d.id FROM {MATCH} d WHERE {where} ORDER BY d.date DESC, d.id DESC LIMIT %s"
        args = [*params, limit]
    else:
        sql = (
            f"WITH found AS MATERIALIZED (SELECT d.id, d.date FROM {MATCH} d WHERE d.vector @@ %s::tsquery AND {where}) "
            "SELECT id FROM found ORDER BY date DESC, id DESC LIMIT %s"
        )
        args = [expression, *params, limit]
    with connection.cursor() as cursor:
        if expression is None:
            cursor.execute(sql, args)
        else:
            # Never a sequential scan: it would read every out-of-line vector, which the planner
            # does not count (52 ms instead of 4 ms at 10,000 documents, where it chose one).
            # One message, so one (implicit) transaction and one round trip; an enclosing
            # transaction gets the setting back as it was.
            cursor.execute(f"SET LOCAL enable_seqscan = off; {sql}; SET LOCAL enable_seqscan TO DEFAULT", args)
            cursor.nextset()
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
