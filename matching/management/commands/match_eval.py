"""Evaluate the matching engine against graded judgements, next to a text-only baseline."""

import json
import unicodedata

from django.core.management.base import BaseCommand, CommandError

from matching.engine import evaluation, metrics
from matching.engine.scoring import Weights


def pad(text: str, width: int) -> str:
    """Left-justify counting CJK characters as two columns, so the table lines up in a terminal."""
    used = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
    return text + " " * max(width - used, 1)


class Command(BaseCommand):
    help = (
        "在隔离的内存存储中为每条需求排序供给信息（与网站相同的匹配代码），输出 nDCG@5、precision@5、recall@10，"
        "并在同一次运行中给出纯文本基线的结果。不读写网站的数据表。"
    )

    def add_arguments(self, parser):
        parser.add_argument("--listings", required=True, help="对接信息 JSONL：每行 {id, side, kind, title, description, countries, industries, amount_usd, org, org_type}")
        parser.add_argument("--gold", required=True, help="评判 JSONL：每行 {demand: id, good: {供给 id: 等级 1–3}}")
        parser.add_argument("--weights", default=None, help="覆盖权重，如 text=0.5,country=0.2（其余保持默认，自动归一化）；默认取 MATCHING_WEIGHTS")
        parser.add_argument("--per-demand", action="store_true", help="逐条列出每条需求的 nDCG@5 与前五名")
        parser.add_argument("--explain", type=int, default=0, metavar="N", help="为前 N 条需求打印前五名的分项得分与匹配理由")
        parser.add_argument("--json", dest="json_path", default="", help="把结果另存为 JSON 文件")

    def handle(self, *args, **options):
        from django.conf import settings

        try:
            weights = Weights.parse(options["weights"] if options["weights"] is not None else settings.MATCHING_WEIGHTS)
            dataset = evaluation.load(options["listings"], options["gold"])
        except (ValueError, evaluation.InputError) as exc:
            raise CommandError(str(exc)) from None
        for warning in dataset.warnings:
            self.stderr.write(self.style.WARNING(warning))
        if not dataset.gold:
            raise CommandError("评判文件中没有可用的需求")
        result = evaluation.evaluate(dataset, weights)
        out = self.stdout
        out.write(f"对接信息 {result['listings']} 条（需求 {result['demand']}，供给 {result['supply']}），已评判需求 {len(dataset.gold)} 条")
        out.write("权重：" + ", ".join(f"{k}={v}" for k, v in result["weights"].items()))
        out.write("")
        out.write(f"{pad('', 24)}{'nDCG@5':>10}{'precision@5':>14}{'recall@10':>12}")
        for label, key in (("智能匹配 (engine)", "engine"), ("纯文本基线 (baseline)", "baseline")):
            m = result[key]
            out.write(f"{pad(label, 24)}{m['ndcg@5']:>10.4f}{m['precision@5']:>14.4f}{m['recall@10']:>12.4f}")
        base = result["baseline"]["ndcg@5"]
        if base:
            out.write(f"nDCG@5 相对基线：{result['engine']['ndcg@5'] / base:.2f} 倍")
        if options["per_demand"]:
            out.write("")
            for demand, good in dataset.gold.items():
                ranked = result["rankings"][demand]
                out.write(f"{demand:<10} nDCG@5={metrics.ndcg_at_k(ranked, good, 5):.3f}  前五：{' '.join(f'{r}({good.get(r, 0)})' for r in ranked[:5])}")
        for demand in list(dataset.gold)[: options["explain"]]:
            out.write("")
            out.write(f"需求 {demand}：")
            for s in evaluation.engine_suggestions(dataset, weights, demand):
                parts = " ".join(f"{k}={v:.2f}" for k, v in s.components.items())
                out.write(f"  {s.doc_id:<10} {s.score:.3f}  {parts}  {' · '.join(s.reasons)}")
        if options["json_path"]:
            document = {k: result[k] for k in ("engine", "baseline", "weights", "listings", "supply", "demand")}
            with open(options["json_path"], "w", encoding="utf-8") as f:
                json.dump(document, f, ensure_ascii=False, indent=2)
