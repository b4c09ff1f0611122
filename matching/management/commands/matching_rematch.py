"""Recompute every listing's suggestions now and push new matches (the nightly job, on demand)."""

import sys

from django.core.management.base import BaseCommand

from matching import matchmaking


class Command(BaseCommand):
    help = "立即为所有在架对接信息重新计算智能匹配，并推送新的高匹配结果（与每晚的定时任务相同，可重复运行）。"

    def handle(self, *args, **options):
        def progress(done, total):
            if sys.stdout.isatty():
                self.stdout.write(f"\r{done}/{total}", ending="")
                self.stdout.flush()

        result = matchmaking.rematch_all(progress=progress)
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS(f"已重新匹配 {result['listings']} 条信息，推送 {result['pushed']} 条新匹配"))
