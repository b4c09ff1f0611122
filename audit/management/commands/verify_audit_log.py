"""``manage.py verify_audit_log``: check the audit log's hash chain; exit 1 and name the first bad entry."""

import sys

from django.core.management.base import BaseCommand, CommandError

from audit.integrity import verify_chain
from audit.models import AuditEntry


class Command(BaseCommand):
    help = "校验审计日志哈希链：任何一条记录被改动、删除或插入都会被发现。完好时退出码 0，否则打印第一条异常记录并以退出码 1 结束。"

    def handle(self, *args, **options):
        total = AuditEntry.objects.count()
        bar = None
        if sys.stdout.isatty() and total > 10_000:
            from tqdm import tqdm

            bar = tqdm(total=total, unit="条", desc="校验审计日志")
        broken = verify_chain(progress=bar.update if bar else None)
        if bar is not None:
            bar.close()
        if broken is not None:
            raise CommandError(f"审计日志校验失败：第 {broken.entry_id} 条记录异常——{broken.reason}。", returncode=1)
        self.stdout.write(self.style.SUCCESS(f"审计日志完好：共 {total} 条记录，哈希链连续。"))
