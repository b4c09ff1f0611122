"""Demo notification settings, subscriptions and two staff pushes (one sent, one scheduled)."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from notifications import services
from notifications.models import NotificationSettings, Push

ORDER = 50


def load(stdout):
    users = get_user_model().objects
    enterprise, dept = users.filter(username="enterprise").first(), users.filter(username="dept_admin").first()
    if enterprise is None or dept is None:
        stdout.write("notifications: accounts demo not loaded, skipped")
        return
    if not NotificationSettings.objects.filter(user=enterprise).exists():
        services.save_preferences(enterprise, channels_by_group={"consultation": ["email"], "push": ["email"], "portal": []}, email_digest="weekly")
        services.set_subscriptions(enterprise, "country", ["VN", "KE", "ZA"])
        services.set_subscriptions(enterprise, "industry", ["C", "E"])
        services.set_subscriptions(enterprise, "city", ["changsha"])
    if not Push.objects.filter(title="邵阳市制造业企业“走出去”专题培训报名通知").exists():
        services.create_push(
            by=dept, title="邵阳市制造业企业“走出去”专题培训报名通知",
            body="省商务厅将于下月在邵阳举办制造业企业境外投资合规专题培训，内容包括境外投资备案、外汇登记与风险防范，请有意向的企业在平台报名。",
            channels=["email"], audience={"cities": ["shaoyang"], "industries": ["C"], "user_types": ["enterprise"]},
        )
    if not Push.objects.filter(title="年度对外投资合作统计数据报送提醒").exists():
        services.create_push(
            by=dept, title="年度对外投资合作统计数据报送提醒",
            body="请已完成境外投资备案的企业按时报送年度统计数据，逾期未报送将影响后续业务办理。",
            channels=["email", "sms"], audience={"user_types": ["enterprise"], "certified": True}, send_at=timezone.now() + timedelta(days=3),
        )
    stdout.write(f"notifications: {Push.objects.count()} pushes, demo subscriptions for 'enterprise'")
