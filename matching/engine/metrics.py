"""Ranking metrics over graded relevance (grades 1–3; unlisted = 0).

* nDCG@k – DCG = Σ grade_i / log2(i + 1) over the first k results (linear gain, as in
  Järvelin & Kekäläinen and scikit-learn's ``ndcg_score``), divided by the DCG of the ideal
  ordering of all graded items;
* precision@k – graded items among the first k, divided by k;
* recall@k – graded items among the first k, divided by the number of graded items.
"""

import math


def dcg(grades) -> float:
    return sum(g / math.log2(i + 2) for i, g in enumerate(grades))


def ndcg_at_k(ranked, good: dict, k: int = 5) -> float:
    ideal = dcg(sorted(good.values(), reverse=True)[:k])
    if ideal == 0:
        return 0.0
    return dcg([good.get(item, 0) for item in ranked[:k]]) / ideal


def precision_at_k(ranked, good: dict, k: int = 5) -> float:
    return sum(1 for item in ranked[:k] if good.get(item, 0) > 0) / k


def recall_at_k(ranked, good: dict, k: int = 10) -> float:
    relevant = sum(1 for grade in good.values() if grade > 0)
    if relevant == 0:
        return 0.0
    return sum(1 for item in ranked[:k] if good.get(item, 0) > 0) / relevant


def summarize(rankings: dict, gold: dict) -> dict:
    """Mean nDCG@5, precision@5 and recall@10 over the demands of ``gold`` (demand → {supply: grade})."""
    rows = [
        (ndcg_at_k(rankings.get(demand, []), good, 5), precision_at_k(rankings.get(demand, []), good, 5), recall_at_k(rankings.get(demand, []), good, 10))
        for demand, good in gold.items()
    ]
    if not rows:
        return {"ndcg@5": 0.0, "precision@5": 0.0, "recall@10": 0.0, "demands": 0}
    n = len(rows)
    return {
        "ndcg@5": sum(r[0] for r in rows) / n,
        "precision@5": sum(r[1] for r in rows) / n,
        "recall@10": sum(r[2] for r in rows) / n,
        "demands": n,
    }
