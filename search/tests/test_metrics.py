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
