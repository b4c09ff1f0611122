"""SQLite: an FTS5 table over the token columns, kept in step by triggers.

The token columns already hold space-separated words, so FTS5's ``ascii`` tokenizer (which keeps
every non-ASCII character inside a token) indexes exactly our tokens. Grams are stored as
"~ab" and facets as "!kindarticle"; the tokenizer drops the marks, and the column says which is
which. ``detail=column`` keeps no positions: we never ask for phrases, and the index is smaller.
"""

from search.query import alt_grams, matching_alts

DOCS = "sitesearch_searchdocument"
FTS = "sitesearch_fts"
COLUMNS = ["title_tokens", "body_tokens", "grams", "facets"]
_cols = ", ".join(COLUMNS)
_new = ", ".join(f"new.{c}" for c in COLUMNS)
_old = ", ".join(f"old.{c}" for c in COLUMNS)

INSTALL = [
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS} USING fts5({_cols}, content='{DOCS}', content_rowid='id', tokenize='ascii', detail='column')",
    f"CREATE TRIGGER IF NOT EXISTS {FTS}_ai AFTER INSERT ON {DOCS} BEGIN INSERT INTO {FTS}(rowid, {_cols}) VALUES (new.id, {_new}); END",
    f"CREATE TRIGGER IF NOT EXISTS {FTS}_ad AFTER DELETE ON {DOCS} BEGIN INSERT INTO {FTS}({FTS}, rowid, {_cols}) VALUES ('delete', old.id, {_old}); END",
    f"CREATE TRIGGER IF NOT EXISTS {FTS}_au AFTER UPDATE ON {DOCS} BEGIN "
    f"INSERT INTO {FTS}({FTS}, rowid, {_cols}) VALUES ('delete', old.id, {_old}); "
    f"INSERT INTO {FTS}(rowid, {_cols}) VALUES (new.id, {_new}); END",
    f"INSERT INTO {FTS}({FTS}) VALUES ('rebuild')",
]
UNINSTALL = [f"DROP TRIGGER IF EXISTS {FTS}_{s}" for s in ("ai", "ad", "au")] + [f"DROP TABLE IF EXISTS {FTS}"]


def install(connection):
    with connection.cursor() as cursor:
        for sql in INSTALL:
            cursor.execute(sql)


def uninstall(connection):
    with connection.cursor() as cursor:
        for sql in UNINSTALL:
            cursor.execute(sql)


def arrange(connection):
    """Nothing to do: rows are stored in the order they were written, and FTS5 keeps its own."""


def warm(connection, since) -> int:
    """Nothing to do: the embedded index is small and read through the operating system's cache."""
    return 0


def refresh_statistics(connection):
    """After a bulk load: merge the FTS5 segments and refresh the planner's statistics."""
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {FTS}({FTS}) VALUES ('optimize')")
        cursor.execute("ANALYZE")


def _quote(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


def _alt(alt, title_only: bool) -> str | None:
    if alt.mode in ("grams", "parts"):
        return None if title_only else "grams : (" + " AND ".join(_quote(t) for t in alt_grams(alt)) + ")"
    columns = "title_tokens" if title_only else "{title_tokens body_tokens}"
    if alt.mode == "prefix":
        return f"{columns} : {_quote(alt.tokens[0])}*"
    return f"{columns} : (" + " AND ".join(_quote(t) for t in alt.tokens) + ")"


def compile_match(concepts, *, mode="and", facets=(), title_only=False, within=()) -> str | None:
    """An FTS5 MATCH expression; None when the query cannot be asked this way (title stage with fragments).

    ``within``: facets of which a document must have one (the months of a date window).
    """
    parts = []
    for concept in concepts:
        alts = [a for a in (_alt(alt, title_only) for alt in matching_alts(concept.alts)) if a]
        if not alts:
            return None
        parts.append("(" + " OR ".join(alts) + ")")
    text = (" AND " if mode == "and" else " OR ").join(parts)
    facet_terms = [f"facets : {_quote(f)}" for f in facets]
    if within:
        facet_terms.append("facets : (" + " OR ".join(_quote(f) for f in within) + ")")
    facet = " AND ".join(facet_terms)
    if text and facet:
        return f"({text}) AND {facet}"
    return text or facet or None


def fetch_rows(connection, ids: list[int], columns: str) -> list[tuple]:
    """The rows with these ids."""
    rows = []
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {columns} FROM {DOCS} WHERE id IN ({', '.join(['%s'] * len(chunk))})", chunk)
            rows += cursor.fetchall()
    return rows


def match_ids(connection, expression, where: str, params: list, limit: int) -> list[int]:
    """Ids of matching, unexpired documents, newest first."""
    if expression is None:
        sql = f"SELECT d.id FROM {DOCS} d WHERE {where} ORDER BY d.date DESC, d.id DESC LIMIT %s"
        args = [*params, limit]
    else:
        sql = f"SELECT d.id FROM {FTS} JOIN {DOCS} d ON d.id = {FTS}.rowid WHERE {FTS} MATCH %s AND {where} ORDER BY d.date DESC, d.id DESC LIMIT %s"
        args = [expression, *params, limit]
    with connection.cursor() as cursor:
        cursor.execute(sql, args)
        return [row[0] for row in cursor.fetchall()]


# --- the evaluation baseline: FTS5's default tokenizer over the raw, unsegmented text ----------
BASELINE = "sitesearch_baseline"


def baseline_install(connection):
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS {BASELINE} USING fts5(key UNINDEXED, title, body)")


def baseline_insert(connection, rows):
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {BASELINE}(key, title, body) VALUES (%s, %s, %s)", rows)


def baseline_search(connection, query: str, limit: int) -> list[str]:
    words = [w for w in query.replace('"', " ").split() if w]
    if not words:
        return []
    expression = " AND ".join(_quote(w) for w in words)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT key FROM {BASELINE} WHERE {BASELINE} MATCH %s ORDER BY rank LIMIT %s", [expression, limit])
        return [row[0] for row in cursor.fetchall()]
