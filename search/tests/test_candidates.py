"""How candidates are fetched: match-count estimates, date windows, the match table."""

from datetime import date

import pytest
from django.db import connection

from search import index
from search.engine import Searcher, SearchFilters
from search.models import SearchDocument, SearchTerm
from search.planning import DEEP, candidate_limit, expected_matches, newest_months, window_cover, window_parts, words_only
from search.query import matching_alts, parse
from search.ranking import Stats
from search.synonyms import SynonymIndex


def stats(df, docs=1000):
    return Stats.from_counts({"@docs": docs, **df})


def test_expected_matches_arithmetic():
    parsed = parse("签证 肯尼亚", SynonymIndex([["签证", "visa"], ["肯尼亚", "kenya"]]))
    # 签证: the word (300) or "visa" as a word or a prefix (0). 肯尼亚: the word (40) plus
    # "kenya" as a word (5) and as a prefix (counted like the word: 5) — synonyms add up — or
    # its grams 肯尼+尼亚 (as many as the rarer gram: 8) — a fragment overlaps the word.
    counts = {"签证": 300, "visa": 0, "肯尼亚": 40, "kenya": 5, "~肯尼": 8, "~尼亚": 20}
    s = stats(counts, docs=1000)
    assert [sorted(a.mode for a in c.alts) for c in parsed.concepts] == [["prefix", "words", "words"], ["grams", "prefix", "words", "words"]]
    # AND: the rarer concept (50), thinned by the other's share: 50 × (300 / 1000) ^ 0.35.
    assert expected_matches(parsed.concepts, [], s, "and") == pytest.approx(50 * 0.3**0.35)
    assert expected_matches(parsed.concepts, [], s, "or") == 350  # OR adds them up
    assert expected_matches(parsed.concepts, [], stats({**counts, "签证": 990}), "or") == 1000  # never more than the index
    assert expected_matches(parsed.concepts, ["ctryke"], stats({**counts, "!ctryke": 10})) == pytest.approx(10 * 0.05**0.35 * 0.3**0.35)
    assert expected_matches([], [], s) == 1000  # nothing to match: every document
    assert expected_matches([], ["kindarticle"], stats({"!kindarticle": 700})) == 700
    # In titles: the share of the text the title is (avg title 10, body 90 tokens → 1/10).
    titled = Stats.from_counts({"@docs": 1000, "@tlen": 10_000, "@blen": 90_000, "签证": 300})
    assert expected_matches(parse("签证").concepts, [], titled, title_only=True) == pytest.approx(30)


def test_parts_of_a_compound_are_thinned_like_separate_words():
    concept = parse("外派劳务").concepts[0]
    parts = next(a for a in concept.alts if a.mode == "parts")
    assert parts.tokens == ("外派", "劳务")
    s = stats({"~外派": 100, "~劳务": 400, "外派劳务": 10, "~派劳": 20}, docs=1000)
    # parts: 100 × 0.4 ^ 0.35 ≈ 73 is the largest of word (10), grams (rarest 20) and parts.
    assert expected_matches([concept], [], s) == pytest.approx(max(10 + 0, 20, 100 * 0.4**0.35), rel=0.01)


def test_facets_have_document_frequencies(add_docs):
    add_docs(("1", "签证", "", {"countries": ["KE"]}), ("2", "护照", "", {"countries": ["KE", "VN"]}))
    assert SearchTerm.objects.get(token="!ctryke").df == 2
    assert SearchTerm.objects.get(token="!ctryvn").df == 1
    add_docs(("2", "护照", "", {"countries": ["VN"]}))
    assert SearchTerm.objects.get(token="!ctryke").df == 1
    index.remove([("article", "1")])
    assert SearchTerm.objects.get(token="!ctryke").df == 0


def window(expected, limit, months, docs):
    """As ``Searcher.matching_ids`` picks a window: the documents to cover, then the months."""
    cover = window_cover(expected, limit, docs)
    return None if cover is None else newest_months(cover, months)


def test_window_covers_the_newest_months_expected_to_hold_a_few_times_the_limit():
    months = [(f"mon{m}", 100) for m in range(24)]  # 2,400 documents, 100 a month, newest first
    # Every other document matches: 3 × 10 wanted → 60 documents → the newest month is enough.
    assert window(1200, 10, months, 2400) == ["mon0"]
    assert window(100, 10, months, 2400) == [f"mon{m}" for m in range(8)]  # 720 documents → 8 months
    assert window(10, 10, months, 2400) is None  # would cover most of the index: ask it whole
    assert window(100, 10, months[:3], 2400) is None  # the months listed do not reach far enough
    assert window(0, 10, months, 2400) is None


@pytest.fixture
def monthly(add_docs):
    """60 documents over 12 months with 签证, and 6 two years older with 档案 (a word only they hold)."""
    docs = [(f"v{m}-{i}", f"签证办理{m}-{i}", "签证材料", {"date": date(2025, m, 1 + i)}) for m in range(1, 13) for i in range(5)]
    docs += [(f"old{i}", f"归档记录{i}", "档案", {"date": date(2023, 1, 1 + i)}) for i in range(6)]
    add_docs(*docs)
    index.refresh_statistics()


def _asked(monkeypatch, searcher):
    asked = []
    original = searcher._ids

    def spy(expression, *args):
        asked.append(expression)
        return original(expression, *args)

    monkeypatch.setattr(searcher, "_ids", spy)
    return asked


def _newest(monkeypatch, text, limit, everywhere=False):
    """(object ids of the newest ``limit`` matches of ``text``, the expressions asked to find them).

    ``everywhere``: pretend the query's words are in every document (so a window is tried).
    """
    searcher = Searcher()
    parsed = parse(text)
    stats = searcher.statistics(parsed)
    if everywhere:
        stats.df.update({token: stats.docs for token in stats.df if text in token})
    asked = _asked(monkeypatch, searcher)
    found = searcher.matching_ids(parsed.required, [], stats, "(d.expires_at IS NULL OR d.expires_at >= %s)", [date(2020, 1, 1)], limit)
    return [r.object_id for r in searcher.fetch(found)], asked


def test_a_frequent_query_is_confined_to_recent_months_with_the_same_answer(monthly, monkeypatch):
    found, asked = _newest(monkeypatch, "签证", 5)
    assert len(asked) == 1 and "mon202512" in asked[0] and "mon202501" not in asked[0]
    assert found == ["v12-4", "v12-3", "v12-2", "v12-1", "v12-0"]
    monkeypatch.setattr("search.planning.WINDOW_MARGIN", 1e9)  # no window: the same answer
    again, asked = _newest(monkeypatch, "签证", 5)
    assert again == found and asked and "mon" not in asked[-1]


def test_a_window_that_finds_too_few_is_asked_again_over_the_whole_index(monthly, monkeypatch):
    # 档案 is only in the six old documents: the window of recent months finds none of them.
    found, asked = _newest(monkeypatch, "档案", 5, everywhere=True)
    assert len(asked) >= 2 and all("mon" in a for a in asked[:-1]) and "mon" not in asked[-1]
    assert found == ["old5", "old4", "old3", "old2", "old1"]


def test_every_document_carries_its_month(add_docs):
    add_docs(("1", "签证", "", {"date": date(2025, 11, 30)}))
    assert "!mon202511" in SearchDocument.objects.get(object_id="1").facets.split()
    assert SearchTerm.objects.get(token="!mon202511").df == 1


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the match table is PostgreSQL's")
def test_postgres_match_table_follows_every_change(add_docs):
    from search.backends.postgres import MATCH

    def match_rows():
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT d.object_id, m.date, m.expires_at FROM {MATCH} m JOIN sitesearch_searchdocument d USING (id) ORDER BY 1")
            rows = cursor.fetchall()
            cursor.execute(f"SELECT count(*) FROM {MATCH}")
            assert cursor.fetchone()[0] == len(rows)  # no row left behind by a deleted document
            return rows

    add_docs(("1", "签证", "", {"date": date(2025, 1, 1)}), ("2", "护照", "", {"date": date(2025, 1, 2)}))
    assert match_rows() == [("1", date(2025, 1, 1), None), ("2", date(2025, 1, 2), None)]
    add_docs(("2", "签证延期", "", {"date": date(2025, 2, 1), "expires_at": date(2099, 1, 1)}))
    assert match_rows()[1] == ("2", date(2025, 2, 1), date(2099, 1, 1))
    assert sorted(h.doc.object_id for h in Searcher().search("签证", SearchFilters()).hits) == ["1", "2"]
    index.remove([("article", "1")])
    assert match_rows() == [("2", date(2025, 2, 1), date(2099, 1, 1))]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="only PostgreSQL's tables are rearranged (SQLite's arrange does nothing)")
def test_postgres_arrange_stores_documents_and_matches_in_date_order(add_docs):
    from search.backends import postgres

    def physical_order(table):
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT d.object_id FROM {table} t JOIN {postgres.DOCS} d USING (id) ORDER BY t.ctid")
            return [row[0] for row in cursor.fetchall()]

    days = [5, 1, 9, 3, 7, 2, 8]  # written in this order, as a rebuild writes kind after kind
    add_docs(*[(f"d{day}", f"签证{day}", "材料", {"date": date(2025, 1, day)}) for day in days])
    before = [h.doc.object_id for h in Searcher().search("签证", SearchFilters()).hits]
    assert physical_order(postgres.DOCS) == [f"d{day}" for day in days]

    postgres.arrange(connection)

    newest_first = [f"d{day}" for day in sorted(days, reverse=True)]
    assert physical_order(postgres.DOCS) == newest_first
    assert physical_order(postgres.MATCH) == newest_first
    assert [h.doc.object_id for h in Searcher().search("签证", SearchFilters()).hits] == before  # same answer
    with connection.cursor() as cursor:
        cursor.execute("SHOW enable_indexscan")
        assert cursor.fetchone()[0] == "on"  # the session is left as it was


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL planner setting")
def test_postgres_candidates_come_from_the_gin_index_even_on_a_small_table(add_docs):
    from search.backends import postgres

    add_docs(*[(str(i), f"签证{i}", "材料") for i in range(30)])
    expression = postgres.compile_match(parse("签证").concepts)
    with connection.cursor() as cursor:
        cursor.execute(f"SET LOCAL enable_seqscan = off; EXPLAIN SELECT d.id FROM {postgres.MATCH} d WHERE d.vector @@ %s::tsquery", [expression])
        cursor.nextset()
        assert "sitesearch_match_vector_gin" in " ".join(row[0] for row in cursor.fetchall())
        cursor.execute("SET LOCAL enable_seqscan TO DEFAULT")
    assert len(postgres.match_ids(connection, expression, "TRUE", [], 50)) == 30
    with connection.cursor() as cursor:
        cursor.execute("SHOW enable_seqscan")
        assert cursor.fetchone()[0] == "on"  # the enclosing transaction gets the setting back


def test_an_alternative_that_holds_all_of_anothers_tokens_is_left_out_of_the_expression():
    concept = parse("外派劳务", SynonymIndex([["外派劳务", "对外劳务合作"]])).concepts[0]
    grams = next(a for a in concept.alts if a.mode == "grams" and a.tokens == ("外派", "派劳", "劳务"))
    parts = next(a for a in concept.alts if a.mode == "parts")
    kept = matching_alts(concept.alts)
    assert parts in kept and grams not in kept  # 外派 & 派劳 & 劳务 implies 外派 & 劳务
    assert [a for a in kept if a.mode == "words"] == [a for a in concept.alts if a.mode == "words"]  # words are not grams


def test_leaving_implied_alternatives_out_finds_the_same_documents(add_docs, monkeypatch):
    add_docs(
        ("1", "外派劳务人员培训", ""),
        ("2", "对外劳务合作管理", ""),
        ("3", "劳务外派备案", "外派 的 劳务"),
        ("4", "外派劳工", "劳动"),
        ("5", "境外劳务", ""),
    )
    index.refresh_statistics()

    def found():
        return sorted(h.doc.object_id for h in Searcher().search("外派劳务", SearchFilters()).hits if not h.partial)

    lean = found()
    monkeypatch.setattr(f"search.backends.{connection.vendor if connection.vendor == 'sqlite' else 'postgres'}.matching_alts", lambda alts: alts)
    assert found() == lean and "1" in lean and "2" in lean


def test_a_query_matching_far_more_than_the_candidates_ranks_half_as_many():
    assert candidate_limit(DEEP * 400 - 1, 400) == 400  # every query of a small index: exact ranking
    assert candidate_limit(DEEP * 400, 400) == 200


def test_a_window_is_asked_month_by_month_first_then_the_rest_together():
    months = ["mon202512", "mon202511", "mon202510", "mon202509"]
    assert window_parts(months) == [["mon202512"], ["mon202511"], ["mon202510", "mon202509"]]
    assert window_parts(months[:2]) == [["mon202512"], ["mon202511"]]
    assert window_parts([]) == []


def test_a_window_asked_in_parts_joins_them_newest_first(monthly, monkeypatch):
    monkeypatch.setattr("search.planning.WINDOW_MARGIN", 2.5)  # 11 matches wanted: a window of 7 months
    found, asked = _newest(monkeypatch, "签证", 11)
    assert found == [f"v{m}-{i}" for m in (12, 11, 10) for i in (4, 3, 2, 1, 0)][:11]
    assert len(asked) == 3  # December, November, then October to June together
    assert "mon202512" in asked[0] and "mon202511" not in asked[0] and "mon202511" in asked[1]
    assert "mon202510" in asked[2] and "mon202506" in asked[2] and "mon202505" not in asked[2]

def test_fragments_are_not_asked_when_the_words_alone_match_far_more_than_the_candidates():
    concepts = parse("外派劳务").required
    assert any(a.mode in ("grams", "parts") for a in concepts[0].alts)
    common = stats({"外派劳务": 400 * DEEP, "对外劳务合作": 0}, docs=100_000)
    lean = words_only(concepts, [], common, 400)
    assert lean[0].alts and all(a.mode in ("words", "prefix") for a in lean[0].alts)
    assert concepts[0].alts != lean[0].alts  # the parsed query itself (used for ranking) is untouched
    rare = stats({"外派劳务": 400 * DEEP - 1, "对外劳务合作": 0}, docs=100_000)
    assert words_only(concepts, [], rare, 400) is concepts


def test_month_counts_are_read_only_for_a_query_frequent_enough_for_a_window(monthly, monkeypatch):
    searcher = Searcher(candidates=4)
    read = []
    original = searcher.months
    monkeypatch.setattr(searcher, "months", lambda: read.append(1) or original())
    searcher.search("档案")  # six documents: no window
    assert read == []
    searcher.search("签证")  # in 60 of 66 documents: 5 candidates wanted, a window of recent months
    assert read
