"""``manage.py sync_roles [--prune]``: create every role's group and grant its listed permissions."""

from django.core.management.base import BaseCommand

from accounts.roles import ALL_ROLES, ensure_groups, grant_permissions


class Command(BaseCommand):
    help = "创建全部角色（用户组）并授予 accounts/role_permissions.py 及各应用 permissions.py 中列出的权限。加 --prune 时撤销未列出的权限。"

    def add_arguments(self, parser):
        parser.add_argument("--prune", action="store_true", help="撤销各角色组中未列出的权限（手工添加的权限也会被撤销）")

    def handle(self, *args, prune=False, **options):
        groups = ensure_groups()
        if prune:
            grant_permissions(groups, prune=True)
        self.stdout.write(self.style.SUCCESS(f"已同步 {len(ALL_ROLES)} 个角色{'（已撤销未列出的权限）' if prune else ''}。"))
