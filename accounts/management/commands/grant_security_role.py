"""``manage.py grant_security_role USER ROLE --operator A --operator B --reason …``: installation only."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from accounts.services.role_requests import ROLES_BY_CODE, grant_at_installation
from accounts.services.roles import RoleChangeRefused


class Command(BaseCommand):
    help = (
        "在系统初始化阶段（有效的安全管理员少于两名、后台无法由“另一位安全管理员”批准时）授予三员角色"
        "（system_admin 系统管理员 / security_admin 安全管理员 / audit_admin 审计管理员）。"
        "须两名操作人共同执行并写明依据；同一人不能兼任两个三员角色；每次执行（含被拒绝的）都记入审计日志。"
        "已有两名或以上安全管理员时拒绝执行：请在后台提交“三员角色授权申请”。"
    )

    def add_arguments(self, parser):
        parser.add_argument("username", help="被授予角色的用户名")
        parser.add_argument("role", choices=sorted(ROLES_BY_CODE), help="角色代码")
        parser.add_argument("--operator", action="append", required=True, help="现场操作人姓名（须给出两次，两人不同）")
        parser.add_argument("--reason", required=True, help="授权依据，如任命文件文号")

    def handle(self, *args, username, role, operator, reason, **options):
        try:
            user = get_user_model().objects.get(username=username)
        except get_user_model().DoesNotExist as exc:
            raise CommandError(f"用户 {username} 不存在。") from exc
        try:
            change = grant_at_installation(user, ROLES_BY_CODE[role], operators=operator, reason=reason)
        except RoleChangeRefused as exc:
            raise CommandError("；".join(exc.reasons)) from exc
        if change.is_empty:
            self.stdout.write(f"{username} 已担任{ROLES_BY_CODE[role].group_name}，未作改动。")
        else:
            self.stdout.write(self.style.SUCCESS(f"已授予 {username} {ROLES_BY_CODE[role].group_name}（操作人：{'、'.join(operator)}）。"))
