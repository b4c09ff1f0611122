"""The kinds of notification: their names (Chinese msgids, translated), and the groups users choose channels for.

A kind is a dotted code (``consultation.reply``); preferences are kept per group — the part
before the first dot — so a new kind inside a known group follows the user's choice at once.
Codes never reach the screen: the inbox shows ``kind_label(kind)``, and every kind any app
passes to ``notify`` is named in ``LABELS`` (``notifications/tests/test_kind_labels.py``
fails when one is missing).
"""

from django.utils.translation import gettext_lazy as _

from notifications.models import Channel

INBOX, EMAIL, SMS, WECHAT = Channel.INBOX, Channel.EMAIL, Channel.SMS, Channel.WECHAT

# group code → (label, default channels)
GROUPS = {
    "consultation": (_("咨询答复与进度"), [INBOX, EMAIL, SMS]),
    "consultation_staff": (_("咨询办理提醒（工作人员）"), [INBOX, EMAIL]),
    "push": (_("政策通知与定向推送"), [INBOX, EMAIL]),
    "portal": (_("订阅栏目、国家、行业、市州的新内容"), [INBOX, EMAIL]),
    "filing": (_("备案与报送进度"), [INBOX, EMAIL]),
    "account": (_("账号与认证"), [INBOX, EMAIL]),
}
OTHER = (_("其他通知"), [INBOX, EMAIL])

# kind code → what the inbox's 类别 column says. Families built in code (f"filing.{transition}")
# are listed in full; the test derives them from the transition and decision tables.
LABELS = {
    # accounts
    "account.certification_review": _("认证申请待审核"),
    "account.certification": _("单位认证结果"),
    "account.invitation": _("单位成员邀请"),
    "account.membership": _("单位成员变动"),
    # consultation
    "consultation.reply": _("咨询答复"),
    "consultation_staff.new": _("新咨询待答复"),
    "consultation_staff.assigned": _("咨询改派"),
    "consultation_staff.follow_up": _("咨询追问"),
    "consultation_staff.reminder": _("咨询即将到期"),
    "consultation_staff.overdue": _("咨询超期未答复"),
    # notifications, portal
    "push.notice": _("通知推送"),
    "portal.published": _("订阅内容更新"),
    # filings: one per transition (filings/workflow.py), reports, data calls
    "filing.submit": _("备案已提交"),
    "filing.start_review": _("备案受理初审"),
    "filing.forward": _("备案报省厅审核"),
    "filing.return": _("备案退回修改"),
    "filing.reject": _("不予备案"),
    "filing.file": _("准予备案"),
    "filing.withdraw": _("备案已撤回"),
    "filing.reopen": _("备案重新编辑"),
    "filing.cancel": _("备案注销"),
    "filing.report_change": _("项目变更报告"),
    "filing.report_progress": _("项目进展报告"),
    "filing.report_review": _("报告审核结果"),
    "filing.datacall_published": _("数据报送通知"),
    "filing.datacall_submitted": _("数据报送已提交"),
    "filing.datacall_unlocked": _("数据报送开放修改"),
    "filing.datacall_reminder": _("数据报送催报"),
    "filing.datacall_due_soon": _("数据报送截止提醒"),
    "filing.datacall_overdue": _("数据报送逾期提醒"),
    # labour
    "labour.submitted": _("外派劳务备案待审核"),
    "labour.approve": _("外派劳务备案通过"),
    "labour.return": _("外派劳务备案退回"),
    "labour.reject": _("外派劳务不予备案"),
    # matching
    "matching.intent_received": _("收到合作意向"),
    "matching.intent_answered": _("合作意向答复"),
    "matching.message": _("对接会话消息"),
    "matching.listing_approved": _("对接信息已发布"),
    "matching.listing_returned": _("对接信息被退回"),
    "matching.listing_expired": _("对接信息到期下架"),
    "matching.new_match": _("智能匹配推荐"),
    "matching_staff.review": _("对接信息待审核"),
    # events
    "event.review": _("活动审核结果"),
    "event.cancelled": _("活动取消"),
    "event.pending": _("活动报名待审核"),
    "event.registration": _("活动报名"),
    "event.notice": _("活动通知"),
    "event.reminder": _("活动提醒"),
    # consortia
    "consortia.invited": _("抱团出海邀请"),
    "consortia.applied": _("抱团出海加入申请"),
    "consortia.accepted": _("抱团出海邀请或申请已接受"),
    "consortia.declined": _("抱团出海邀请或申请被婉拒"),
    # zones, rating, overseas
    "zones.submitted": _("园区考核材料待评分"),
    "zones.returned": _("园区考核材料退回"),
    "zones.published": _("园区考核结果公布"),
    "zones.reminder": _("园区考核填报提醒"),
    "rating.cycle_opened": _("优质企业评价开始填报"),
    "rating.submission_received": _("优质企业评价待评审"),
    "rating.returned": _("优质企业评价申报退回"),
    "rating.result_published": _("优质企业评价结果公布"),
    "overseas.change": _("境外机构信息待审核"),
    "overseas.approve": _("境外机构信息已生效"),
    "overseas.reject": _("境外机构信息未通过"),
}


def group_of(kind: str) -> str:
    return kind.split(".", 1)[0]


def default_channels(kind: str) -> list[str]:
    return list(GROUPS.get(group_of(kind), OTHER)[1])


def label_of(kind: str) -> str:
    """The name of the kind's preference group (“备案与报送进度”)."""
    return GROUPS.get(group_of(kind), OTHER)[0]


def kind_label(kind: str) -> str:
    """The name of one kind in the active language (“备案受理初审”).

    Messages of a kind no longer sent stay in inboxes; they show their group's name rather
    than the code.
    """
    return str(LABELS[kind] if kind in LABELS else label_of(kind))
