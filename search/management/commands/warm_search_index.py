"""manage.py warm_search_index — read the search index into memory after the database restarts."""

import time

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, connections

from search import services

MAX_MONTHS = 1200  # a century: more than any index holds, and no date arithmetic overflow


class Command(BaseCommand):
    help = (
        "预热站内搜索：把匹配表、GIN 索引、词频统计和最近几个月的文档读进内存，"
        "免得数据库重启（或闲置页被回收）后的第一批搜索从磁盘读。PostgreSQL 需要 pg_prewarm 扩展；SQLite 无需预热。"
    )

    def add_arguments(self, parser):
        parser.add_argument("--months", type=int, default=12, help="预热最近多少个月的文档（默认 12）")
        parser.add_argument("--database", default="default", help="数据库别名（默认 default）")

    def handle(self, *args, months=12, database="default", **options):
        if months < 0:
            raise CommandError("--months 不能为负数")
        if months > MAX_MONTHS:
            raise CommandError(f"--months 最多 {MAX_MONTHS}（{MAX_MONTHS // 12} 年）；要读全部文档，给 {MAX_MONTHS} 即可")
        if database not in connections.settings:
            raise CommandError(f"没有这个数据库别名：{database}；可选：{', '.join(connections.settings)}")
        started = time.perf_counter()
        try:
            pages, since = services.warm(months, using=database)
        except DatabaseError as error:
            raise CommandError(f"预热失败：{error}{_hint(error)}") from error
        if since is None:
            self.stdout.write("索引是空的，无需预热。")
        elif not pages:
            self.stdout.write(f"{connections[database].vendor} 无需预热。")
        else:
            seconds = time.perf_counter() - started
            self.stdout.write(self.style.SUCCESS(f"已预热 {pages:,} 页（约 {pages * 8 // 1024:,} MB，含 {since} 以来的文档），用时 {seconds:.1f} 秒。"))


def _hint(error) -> str:
    text = str(error).lower()
    if any(word in text for word in ("prewarm", "extension", "permission")):
        return "。需要 pg_prewarm 扩展：请数据库管理员执行 CREATE EXTENSION pg_prewarm。"
    if "no such table" in text or "does not exist" in text:
        return "。数据库还没有迁移：先运行 manage.py migrate。"
    return ""
