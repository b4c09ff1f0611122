"""manage.py rebuild_search_index — reload the search index from every registered kind."""

import sys

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from search import registry, services


class Command(BaseCommand):
    help = (
        "重建站内搜索索引：清空后按每个已登记的内容类型（文章、国别、市州专区……）重新分词入库。"
        "可用 --kind 只重建某一类。终端上显示进度条。"
    )

    def add_arguments(self, parser):
        parser.add_argument("--kind", action="append", dest="kinds", help="只重建这一类（可重复）；可选：" + ", ".join(k.name for k in registry.all_kinds()))
        parser.add_argument("--no-progress", action="store_true", help="不显示进度条")

    def handle(self, *args, kinds=None, no_progress=False, **options):
        known = {k.name for k in registry.all_kinds()}
        unknown = [k for k in kinds or [] if k not in known]
        if unknown:
            raise CommandError(f"没有这些内容类型：{', '.join(unknown)}；可选：{', '.join(sorted(known))}")
        show = not no_progress and sys.stderr.isatty()
        bars = []

        def progress(kind, total):
            bar = tqdm(total=total, desc=str(kind.label), unit="篇", disable=not show, file=sys.stderr)
            bars.append(bar)
            return bar.update

        counts = services.rebuild(kinds, progress=progress)
        for bar in bars:
            bar.close()
        for name, count in counts.items():
            self.stdout.write(f"{registry.get(name).label}：{count} 条")
        self.stdout.write(self.style.SUCCESS(f"索引重建完成，共 {sum(counts.values())} 条。"))
