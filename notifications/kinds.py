"""The kinds of notification: their Chinese names, and the groups users choose channels for.

A kind is a dotted code (``consultation.reply``); preferences are kept per group — the part
before the first dot — so a new kind inside a known group follows the user's choice at once.
Codes never reach the screen: the inbox shows ``kind_label(kind)``, and every kind any app
passes to ``notify`` is named in ``LABELS`` (``notifications/tests/test_kind_labels.py``
fails when one is missing).
"""

from notifications.models import Channel

INBOX, EMAIL, SMS, WECHAT = Channel.INBOX, Channel.EMAIL, Channel.SMS, Channel.WECHAT

# group code → (label, default channels)
GROUPS = {
    "consultation": ("咨询答复与进度", [INBOX, EMAIL, SMS]),
    "consultation_staff": ("咨询办理提醒（工作人员）", [INBOX, EMAIL]),
    "push": ("政策通知与定向推送", [INBOX, EMAIL]),
    "portal": ("订阅栏目、国家、行业、市州的新内容", [INBOX, EMAIL]),
    "filing": ("备案与报送进度", [INBOX, EMAIL]),
    "account": ("账号与认证", [INBOX, EMAIL]),
}
OTHER = ("其他通知", [INBOX, EMAIL])

# kind code → what the inbox's 类别 column says. Families built in code (f"filing.{transition}")
# are listed in full; the test derives them from the transition and decision tables.
LABELS = {
    # accounts
    "account.certification_review": "认证申请待审核",
    "account.certification": "单位认证结果",
    "account.invitation": "单位成员邀请",
    "account.membership": "单位成员变动",
    # consultation
    "consultation.reply": "咨询答复",
    "consultation_staff.new": "新咨询待答复",
    "consultation_staff.assigned": "咨询改派",
    "consultation_staff.follow_up": "咨询追问",
    "consultation_staff.reminder": "咨询即将到期",
    "consultation_staff.overdue": "咨询超期未答复",
    # notifications, portal
    "push.notice": "通知推送",
    "portal.published": "订阅内容更新",
    # filings: one per transition (filings/workflow.py), reports, data calls
    "filing.submit": "备案已提交",
    "filing.start_review": "备案受理初审",
    "filing.forward": "备案报省厅审核",
    "filing.return": "备案退回修改",
    "filing.reject": "不予备案",
    "filing.file": "准予备案",
    "filing.withdraw": "备案已撤回",
    "filing.reopen": "备案重新编辑",
    "filing.cancel": "备案注销",
    "filing.report_change": "项目变更报告",
    "filing.report_progress": "项目进展报告",
    "filing.report_review": "报告审核结果",
    "filing.datacall_published": "数据报送通知",
    "filing.datacall_submitted": "数据报送已提交",
    "filing.datacall_unlocked": "数据报送开放修改",
    "filing.datacall_reminder": "数据报送催报",
    "filing.datacall_due_soon": "数据报送截止提醒",
    "filing.datacall_overdue": "数据报送逾期提醒",
    # labour
    "labour.submitted": "外派劳务备案待审核",
    "labour.approve": "外派劳务备案通过",
    "labour.return": "外派劳务备案退回",
    "labour.reject": "外派劳务不予备案",
    # matching
    "matching.intent_received": "收到合作意向",
    "matching.intent_answered": "合作意向答复",
    "matching.message": "对接会话消息",
    "matching.listing_approved": "对接信息已发布",
    "matching.listing_returned": "对接信息被退回",
    "matching.listing_expired": "对接信息到期下架",
    "matching.new_match": "智能匹配推荐",
    "matching_staff.review": "对接信息待审核",
    # events
    "event.review": "活动审核结果",
    "event.cancelled": "活动取消",
    "event.pending": "活动报名待审核",
    "event.registration": "活动报名",
    "event.notice": "活动通知",
    "event.reminder": "活动提醒",
    # consortia
    "consortia.invited": "抱团出海邀请",
    "consortia.applied": "抱团出海加入申请",
    "consortia.accepted": "抱团出海邀请或申请已接受",
    "consortia.declined": "抱团出海邀请或申请被婉拒",
    # zones, rating, overseas
    "zones.submitted": "园区考核材料待评分",
    "zones.returned": "园区考核材料退回",
    "zones.published": "园区考核结果公布",
    "zones.reminder": "园区考核填报提醒",
    "rating.cycle_opened": "优质企业评价开始填报",
    "rating.submission_received": "优质企业评价待评审",
    "rating.returned": "优质企业评价申报退回",
    "rating.result_published": "优质企业评价结果公布",
    "overseas.change": "境外机构信息待审核",
    "overseas.approve": "境外机构信息已生效",
    "overseas.reject": "境外机构信息未通过",
}


def group_of(kind: str) -> str:
    return kind.split(".", 1)[0]


def default_channels(kind: str) -> list[str]:
    return list(GROUPS.get(group_of(kind), OTHER)[1])


def label_of(kind: str) -> str:
    """The name of the kind's preference group (“备案与报送进度”)."""
    return GROUPS.get(group_of(kind), OTHER)[0]


def kind_label(kind: str) -> str:
    """The Chinese name of one kind (“备案受理初审”).

    Messages of a kind no longer sent stay in inboxes; they show their group's name rather
    than the code.
    """
    return LABELS.get(kind) or label_of(kind)
