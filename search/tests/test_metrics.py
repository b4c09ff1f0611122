"""The harness's arithmetic on a case small enough to work out by hand."""

import math

import pytest

from search.evaluation import ndcg_at_k, percentile, recall_at_k, reciprocal_rank


def test_ndcg_hand_computed():
    relevant = {"a": 3, "b": 1}
    # ranked: x, a, b → DCG = 0 + 7/log2(3) + 1/log2(4) = 4.4165 + 0.5; ideal: a, b → 7 + 1/log2(3)
    dcg = 7 / math.log2(3) + 1 / 2
    ideal = 7 + 1 / math.log2(3)
    assert ndcg_at_k(["x", "a", "b"], relevant) == pytest.approx(dcg / ideal)
    assert ndcg_at_k(["a", "b"], relevant) == pytest.approx(1.0)
    assert ndcg_at_k(["x"], relevant) == 0.0
    assert ndcg_at_k(["a"], {}) == 0.0


def test_cutoff_at_k():
    relevant = {"a": 1}
    ranked = [f"x{i}" for i in range(10)] + ["a"]
    assert recall_at_k(ranked, relevant) == 0.0
    assert reciprocal_rank(ranked, relevant) == 0.0
    assert ndcg_at_k(ranked, relevant) == 0.0


def test_recall_and_mrr_hand_computed():
    relevant = {"a": 2, "b": 1, "c": 1, "z": 0}
    ranked = ["x", "y", "b", "a"]
    assert recall_at_k(ranked, relevant) == pytest.approx(2 / 3)
    assert reciprocal_rank(ranked, relevant) == pytest.approx(1 / 3)


def test_percentile_nearest_rank():
    assert percentile([5, 1, 3, 2, 4], 0.5) == 3
    assert percentile(list(range(1, 101)), 0.95) == 95
    assert percentile([], 0.5) == 0.0


@pytest.mark.django_db
def test_document_facets_read_as_codes_names_or_text(tmp_path):
    import json

    from search.evaluation import EvaluationInputError, load_documents

    lines = [
        {"id": 1, "title": "甲", "countries": ["肯尼亚", "vn", "Saudi Arabia", "东非"], "industries": ["C", "建筑业", "工程机械"]},
        {"id": "2", "title": "乙", "countries": "越南、泰国", "industries": None},
    ]
    path = tmp_path / "docs.jsonl"
    path.write_text("\n".join(json.dumps(line, ensure_ascii=False) for line in lines), encoding="utf-8")
    first, second = load_documents(path)
    assert first.object_id == "1"
    assert first.countries == ["KE", "VN", "SA"] and first.industries == ["C", "E"]
    assert first.extra.split() == ["肯尼亚", "越南", "沙特阿拉伯", "东非", "制造业", "建筑业", "工程机械"]
    assert second.countries == ["VN", "TH"] and second.industries == []

    path.write_text(json.dumps({"id": "3", "title": "丙", "countries": {"a": 1}}), encoding="utf-8")
    with pytest.raises(EvaluationInputError, match="countries 应是列表"):
        load_documents(path)


@pytest.mark.django_db
def test_input_read_as_the_site_import_reads_it(tmp_path):
    import json

    from search.evaluation import EvaluationInputError, load_documents, load_queries

    docs = tmp_path / "docs.jsonl"
    lines = [
        {"id": "a", "title": "标题", "summary": "摘要", "body": "<p>第一段</p><p>第二&amp;段</p>", "published_at": "2024/3/9"},
        {"id": "b", "title": "乙", "body": "纯文本", "published_at": "2024年11月2日"},
        {"id": "c", "title": "丙", "published_at": "2025-01-05T08:00:00Z"},
    ]
    docs.write_text("\ufeff" + "\n".join(json.dumps(line, ensure_ascii=False) for line in lines), encoding="utf-8")
    a, b, c = load_documents(docs)
    assert "<p>" not in a.body and "第一段" in a.body and "第二&段" in a.body and a.body.startswith("摘要")
    assert (a.date.isoformat(), b.date.isoformat(), c.date.isoformat()) == ("2024-03-09", "2024-11-02", "2025-01-05")

    queries = tmp_path / "queries.jsonl"
    queries.write_text('{"qid": "q1", "query": "甲", "relevant": {"a": "3", "b": 2.0}}\n{"qid": "q2", "query": "乙", "relevant": ["b", "c"]}', encoding="utf-8")
    first, second = load_queries(queries, {"a", "b", "c"})
    assert first.relevant == {"a": 3, "b": 2} and second.relevant == {"b": 1, "c": 1}
    queries.write_text('{"qid": "q1", "query": "甲", "relevant": {"a": "很相关"}}', encoding="utf-8")
    with pytest.raises(EvaluationInputError, match="0–3 的整数"):
        load_queries(queries, {"a"})
    docs.write_text('{"id": "d", "title": "丁", "published_at": "上周"}', encoding="utf-8")
    with pytest.raises(EvaluationInputError, match="不是日期"):
        load_documents(docs)
