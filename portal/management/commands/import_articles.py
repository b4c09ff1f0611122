"""``manage.py import_articles PATH [--dry-run]``: import the old platform's articles."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from audit.services import log
from portal.bulk_articles import save_articles
from portal.importing import RowError, check_file


class Command(BaseCommand):
    help = (
        "从 CSV、XLSX 或 JSON Lines 文件导入文章并发布（按 id 去重，可重复执行）。"
        "Import articles from CSV, XLSX or JSON Lines and publish them; rows are matched on their id, "
        "so running the same file again changes nothing. Bad rows are reported with their line number "
        "and the good rows are imported. Exit code 0 when every row was imported, 1 otherwise."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="文件路径：.csv、.xlsx 或 .jsonl")
        parser.add_argument("--dry-run", action="store_true", help="只检查并报告，不写入数据库")
        parser.add_argument("--batch-size", type=int, default=500, help="每批写入的文章数（默认 500）")
        parser.add_argument("--no-progress", action="store_true", help="不显示进度条")

    def handle(self, *args, path, dry_run=False, batch_size=500, no_progress=False, **options):
        path = Path(path)
        if not path.is_file():
            raise CommandError(f"找不到文件：{path}")
        try:
            report = check_file(path, save_files=not dry_run)
        except RowError as error:
            raise CommandError(str(error)) from None
        for line, external_id, message in report.errors:
            label = f"（id={external_id}）" if external_id else ""
            self.stderr.write(f"第 {line} 行{label}：{message}")
        if dry_run:
            self._dry_run_summary(report)
        else:
            self._import(path, report, batch_size, show_progress=not no_progress and sys.stdout.isatty())
        if report.errors:
            raise CommandError(f"{len(report.errors)} 行未导入，原因见上。")

    def _dry_run_summary(self, report):
        from portal.models import ArticlePage

        known = dict(ArticlePage.objects.filter(external_id__in=[i.external_id for i in report.valid]).values_list("external_id", "import_hash"))
        new = sum(1 for i in report.valid if i.external_id not in known)
        changed = sum(1 for i in report.valid if i.external_id in known and known[i.external_id] != i.content_hash())
        self.stdout.write(
            f"试运行（未写入）：共 {report.rows} 行，将新建 {new} 篇，更新 {changed} 篇，"
            f"未变化 {len(report.valid) - new - changed} 篇，错误 {len(report.errors)} 行。"
        )

    def _import(self, path, report, batch_size, *, show_progress):
        bar = None
        if show_progress:
            from tqdm import tqdm

            bar = tqdm(total=len(report.valid), unit="篇", desc="导入")
        outcome = save_articles(report.valid, batch_size=batch_size, progress=bar.update if bar else None)
        if bar:
            bar.close()
        log(
            "portal.articles_imported",
            detail={"file": path.name, "rows": report.rows, "created": len(outcome.created), "updated": len(outcome.updated), "unchanged": outcome.unchanged, "errors": len(report.errors)},
        )
        self.stdout.write(
            f"导入完成：共 {report.rows} 行，新建 {len(outcome.created)} 篇，更新 {len(outcome.updated)} 篇，"
            f"未变化 {outcome.unchanged} 篇，错误 {len(report.errors)} 行。"
        )
