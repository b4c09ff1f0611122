"""The evaluation harness: metric arithmetic on a hand-computed case, the command, bad input."""

import json

import pytest
from django.core.management import CommandError, call_command

from matching.engine import metrics
from matching.models import Listing


def test_metrics_on_a_hand_computed_case():
    ranked = ["a", "b", "c", "d", "e", "f"]
    good = {"a": 3, "c": 2, "x": 1}
    # DCG@5 = 3/log2(2) + 2/log2(4) = 3 + 1 = 4
    # IDCG  = 3/log2(2) + 2/log2(3) + 1/log2(4) = 3 + 1.2618595 + 0.5 = 4.7618595
    assert metrics.ndcg_at_k(ranked, good, 5) == pytest.approx(4 / 4.7618595, abs=1e-6)
    assert metrics.precision_at_k(ranked, good, 5) == pytest.approx(2 / 5)
    assert metrics.recall_at_k(ranked, good, 10) == pytest.approx(2 / 3)


def test_perfect_and_empty_rankings():
    good = {"a": 1, "b": 3}
    assert metrics.ndcg_at_k(["b", "a"], good) == pytest.approx(1.0)
    assert metrics.ndcg_at_k([], good) == 0.0
    assert metrics.recall_at_k(["z"], {}) == 0.0


def test_summary_averages_over_graded_demands():
    summary = metrics.summarize({"d1": ["a"], "d2": ["z"]}, {"d1": {"a": 2}, "d2": {"b": 1}})
    assert summary["ndcg@5"] == pytest.approx(0.5)
    assert summary["precision@5"] == pytest.approx(0.1)
    assert summary["demands"] == 2


def write_jsonl(path, rows):
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    return str(path)


LISTINGS = [
    {"id": "d1", "side": "demand", "kind": "labour_demand", "title": "新加坡工地招聘钢筋工", "description": "需要钢筋工和木工一百名", "countries": ["SG"], "industries": ["E"], "amount_usd": None, "org": "甲", "org_type": "enterprise"},
    {"id": "d2", "side": "demand", "kind": "need_product", "title": "肯尼亚采购挖掘机", "description": "采购挖掘机十台", "countries": ["肯尼亚"], "industries": ["批发和零售业"], "amount_usd": [1000000, 2000000], "org": "乙", "org_type": "enterprise"},
    {"id": "s1", "side": "supply", "kind": "offer_labour", "title": "建筑工人外派", "description": "派遣钢筋工、木工", "countries": ["SG"], "industries": ["E"], "amount_usd": None, "org": "丙", "org_type": "enterprise"},
    {"id": "s2", "side": "supply", "kind": "offer_product", "title": "挖掘机出口", "description": "出口挖掘机和装载机，肯尼亚有服务网点", "countries": ["KE"], "industries": ["C"], "amount_usd": 1500000, "org": "丁", "org_type": "enterprise"},
    {"id": "s3", "side": "supply", "kind": "offer_finance", "title": "项目贷款", "description": "提供项目融资", "countries": [], "industries": ["J"], "amount_usd": None, "org": "银行", "org_type": "bank"},
]


@pytest.mark.django_db
def test_match_eval_prints_engine_and_baseline_without_touching_site_tables(tmp_path, capsys):
    listings = write_jsonl(tmp_path / "l.jsonl", LISTINGS)
    gold = write_jsonl(tmp_path / "g.jsonl", [{"demand": "d1", "good": {"s1": 3}}, {"demand": "d2", "good": {"s2": 3, "s1": 2}}])
    out_json = tmp_path / "result.json"
    call_command("match_eval", "--listings", listings, "--gold", gold, "--json", str(out_json), "--per-demand", "--explain", "1")
    out = capsys.readouterr().out
    assert "nDCG@5" in out and "precision@5" in out and "recall@10" in out
    assert "智能匹配" in out and "纯文本基线" in out
    # The premise of the hand computation below: the excavator maker first, the bank (serves anywhere) before
    # the labour agency in Singapore.
    assert "前五：s2(3) s3(0) s1(2)" in out
    result = json.loads(out_json.read_text(encoding="utf-8"))
    # d1: s1 first → nDCG 1, precision 1/5, recall 1.
    # d2: DCG = 3/log2(2) + 0 + 2/log2(4) = 4; IDCG = 3 + 2/log2(3) = 4.2618595 → 0.9385628; precision 2/5; recall 1.
    assert result["engine"]["ndcg@5"] == pytest.approx((1 + 4 / 4.2618595) / 2, abs=1e-6)
    assert result["engine"]["precision@5"] == pytest.approx(0.3)
    assert result["engine"]["recall@10"] == pytest.approx(1.0)
    assert result["engine"]["demands"] == 2
    assert set(result["baseline"]) == {"ndcg@5", "precision@5", "recall@10", "demands"}
    assert Listing.objects.count() == 0


def test_match_eval_reports_the_line_of_bad_input(tmp_path):
    listings = tmp_path / "l.jsonl"
    listings.write_text(json.dumps(LISTINGS[0], ensure_ascii=False) + "\n{not json}\n", encoding="utf-8")
    gold = write_jsonl(tmp_path / "g.jsonl", [{"demand": "d1", "good": {}}])
    with pytest.raises(CommandError, match="第 2 行"):
        call_command("match_eval", "--listings", str(listings), "--gold", gold)


def test_match_eval_refuses_unknown_side_and_bad_grades(tmp_path):
    bad_side = write_jsonl(tmp_path / "l.jsonl", [{**LISTINGS[0], "side": "both"}])
    gold = write_jsonl(tmp_path / "g.jsonl", [{"demand": "d1", "good": {"s1": 3}}])
    with pytest.raises(CommandError, match="side"):
        call_command("match_eval", "--listings", bad_side, "--gold", gold)
    listings = write_jsonl(tmp_path / "ok.jsonl", LISTINGS)
    bad_grade = write_jsonl(tmp_path / "g2.jsonl", [{"demand": "d1", "good": {"s1": 7}}])
    with pytest.raises(CommandError, match="等级"):
        call_command("match_eval", "--listings", listings, "--gold", bad_grade)


def test_an_amount_that_cannot_be_read_is_unknown_with_a_warning(tmp_path, capsys):
    rows = [dict(r) for r in LISTINGS]
    rows[1]["amount_usd"] = "一两百万"
    listings = write_jsonl(tmp_path / "l.jsonl", rows)
    gold = write_jsonl(tmp_path / "g.jsonl", [{"demand": "d2", "good": {"s2": 3}}])
    call_command("match_eval", "--listings", listings, "--gold", gold)
    captured = capsys.readouterr()
    assert "第 2 行" in captured.err and "金额不详" in captured.err
    assert "nDCG@5" in captured.out


def test_match_eval_rejects_a_missing_file_and_bad_weights(tmp_path):
    with pytest.raises(CommandError, match="无法打开"):
        call_command("match_eval", "--listings", str(tmp_path / "none.jsonl"), "--gold", str(tmp_path / "none.jsonl"))
    listings = write_jsonl(tmp_path / "l.jsonl", LISTINGS)
    gold = write_jsonl(tmp_path / "g.jsonl", [{"demand": "d1", "good": {"s1": 3}}])
    with pytest.raises(CommandError, match="未知的权重"):
        call_command("match_eval", "--listings", listings, "--gold", gold, "--weights", "colour=1")


def test_development_set_reaches_the_target():
    """The shipped development set: the engine at nDCG@5 ≥ 0.75 and above the text-only baseline."""
    from pathlib import Path

    from matching.engine import evaluation
    from matching.engine.scoring import Weights

    root = Path(__file__).resolve().parents[2] / "bench" / "match"
    dataset = evaluation.load(root / "dev_listings.jsonl", root / "dev_gold.jsonl")
    assert len(dataset.docs) >= 120 and len(dataset.gold) >= 30
    result = evaluation.evaluate(dataset, Weights())
    assert result["engine"]["ndcg@5"] >= 0.75
    assert result["engine"]["ndcg@5"] > result["baseline"]["ndcg@5"]
