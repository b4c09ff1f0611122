"""manage.py search_eval --docs DOCS.jsonl --queries QUERIES.jsonl — measure search relevance."""

import json
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from search.evaluation import EvaluationInputError, evaluate


class Command(BaseCommand):
    help = (
        "评测站内搜索的相关性：把 DOCS.jsonl 的文档装入一个全新的临时索引（不碰线上索引），"
        "用网站同一套搜索代码执行 QUERIES.jsonl 的每个查询，输出 nDCG@10、recall@10、MRR（总体与按查询类型），"
        "最慢的查询，以及同一数据库不分词全文检索（基线）的同样指标。"
    )

    def add_arguments(self, parser):
        parser.add_argument("--docs", required=True, help='文档，每行 {"id","title","body","column","countries","industries","published_at"}')
        parser.add_argument("--queries", required=True, help='查询，每行 {"qid","query","kind","relevant":{"文档id":1-3}}')
        parser.add_argument("--database", choices=["sqlite", "postgresql"], help="临时索引用的数据库；默认与网站相同")
        parser.add_argument("--slowest", type=int, default=5, help="列出最慢的几个查询（默认 5）")
        parser.add_argument("--json", dest="json_path", help="另把完整结果写入这个 JSON 文件")
        parser.add_argument("--show-misses", action="store_true", help="列出 nDCG@10 低于 0.5 的查询及其前 10 条结果")
        parser.add_argument("--fail-under", type=float, help="总体 nDCG@10 低于该值时以非零状态退出")

    def ensure_migrated(self):
        """The search reads its synonym table and country names from the site's database: migrate it if new."""
        executor = MigrationExecutor(connection)
        if executor.migration_plan(executor.loader.graph.leaf_nodes()):
            self.stderr.write("网站数据库尚未迁移，先执行 migrate（同义词表与国家名称在其中）……")
            call_command("migrate", verbosity=0, interactive=False)

    def handle(self, *args, docs, queries, database=None, slowest=5, json_path=None, show_misses=False, fail_under=None, **options):
        self.ensure_migrated()
        try:
            report = evaluate(Path(docs), Path(queries), database)
        except EvaluationInputError as exc:
            raise CommandError(str(exc)) from None
        out = self.stdout.write
        out(f"数据库：{report.vendor}　文档：{report.documents}　查询：{len(report.outcomes)}　建索引：{report.index_seconds:.2f} 秒")
        out("")
        header = f"{'查询类型':<14}{'数量':>5}  {'nDCG@10':>8}{'recall@10':>10}{'MRR':>7}  |  {'基线nDCG':>8}{'基线recall':>10}{'基线MRR':>8}"
        out(header)
        out("-" * len(header.encode("gbk", "replace")))
        for kind in [*report.kinds(), None]:
            ours, base = report.summary("ours", kind), report.summary("baseline", kind)
            label = kind or "总体 overall"
            out(f"{label:<14}{ours['queries']:>5}  {ours['ndcg']:>8.3f}{ours['recall']:>10.3f}{ours['mrr']:>7.3f}  |  {base['ndcg']:>8.3f}{base['recall']:>10.3f}{base['mrr']:>8.3f}")
        ours, base = report.summary("ours"), report.summary("baseline")
        out("")
        out(f"延迟：本搜索 p50 {ours['p50_ms']:.1f} ms，p95 {ours['p95_ms']:.1f} ms；基线 p50 {base['p50_ms']:.1f} ms，p95 {base['p95_ms']:.1f} ms")
        out(f"最慢的 {slowest} 个查询：")
        for outcome in sorted(report.outcomes, key=lambda o: -o.ms)[:slowest]:
            out(f"  {outcome.ms:7.1f} ms  [{outcome.query.kind}] {outcome.query.query}")
        if show_misses:
            out("nDCG@10 < 0.5 的查询：")
            for outcome in report.outcomes:
                metrics = outcome.metrics()
                if metrics["ndcg"] < 0.5:
                    out(f"  {outcome.query.qid} [{outcome.query.kind}] {outcome.query.query}  nDCG={metrics['ndcg']:.2f} recall={metrics['recall']:.2f}")
                    out(f"    前10：{outcome.ranked}  应有：{sorted(outcome.query.relevant, key=lambda d: -outcome.query.relevant[d])}")
        if json_path:
            Path(json_path).write_text(json.dumps(report.as_dict(), ensure_ascii=False, indent=2), encoding="utf-8")
            out(f"完整结果已写入 {json_path}")
        if fail_under is not None and ours["ndcg"] < fail_under:
            raise CommandError(f"总体 nDCG@10 {ours['ndcg']:.3f} 低于要求的 {fail_under}")
