"""Issue (or revoke) an access token for the listings API, e.g. for the bank's 全球撮合家 platform."""

import secrets

from django.core.management.base import BaseCommand, CommandError

from audit.services import log
from matching.api import hash_token
from matching.models import ApiClient


class Command(BaseCommand):
    help = "为对接信息 JSON 接口创建访问令牌（令牌只显示这一次，库中只保存其摘要），或用 --revoke 停用。"

    def add_arguments(self, parser):
        parser.add_argument("client_name", nargs="?", help="客户端名称，如 全球撮合家（也可写成 --name）")
        parser.add_argument("--name", help="客户端名称，如 全球撮合家")
        parser.add_argument("--revoke", metavar="PREFIX", help="停用令牌前缀为 PREFIX 的客户端")

    def handle(self, *args, **options):
        if options["revoke"]:
            count = ApiClient.objects.filter(token_prefix=options["revoke"], is_active=True).update(is_active=False)
            if not count:
                raise CommandError(f"没有前缀为 {options['revoke']} 的启用中客户端")
            log("matching.api_client_revoked", detail={"prefix": options["revoke"]})
            self.stdout.write(self.style.SUCCESS(f"已停用 {count} 个客户端"))
            return
        options["name"] = options["name"] or options["client_name"]
        if not options["name"]:
            raise CommandError("请指定客户端名称：matching_api_client 名称（或 --name 名称）")
        token = secrets.token_urlsafe(32)
        client = ApiClient.objects.create(name=options["name"], token_prefix=token[:8], token_hash=hash_token(token))
        log("matching.api_client_created", target=client, detail={"prefix": client.token_prefix})
        self.stdout.write(self.style.SUCCESS(f"已创建客户端“{client.name}”。访问令牌（只显示这一次，请妥善保存）："))
        self.stdout.write(token)
