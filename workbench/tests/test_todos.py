"""我的工作台 as each demo role sees it: what to do now, what waits on others, counts and deadlines,
built from real records of the capability apps — and never another organisation's."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from accounts.roles import BANK_ADVISER, DEPT_REVIEWER
from consultation.models import Status as EnquiryStatus
from datacalls.models import Audience, CallStatus, DataCall
from events.models import RegistrationStatus
from filings.models import State
from filings.tests.factories import create_filing
from labour.tests.factories import create_dispatch
from matching.models import Status as ListingStatus
from workbench.registry import Todo, board_for, queue_todo, register, unregister
from workbench.tests.support import board_of, group, titles

pytestmark = pytest.mark.django_db


def _days_ago(n):
    return timezone.now() - timedelta(days=n)


def _call(title="2026 年度经营情况调查", *, status=CallStatus.PUBLISHED, closes_in=10, **fields):
    now = timezone.now()
    return DataCall.objects.create(title=title, audience=Audience.ALL, opens_at=now - timedelta(days=1), closes_at=now + timedelta(days=closes_in),
                                   status=status, **fields)


# --- the registry ---------------------------------------------------------------------------------------------------


def test_deadlines_read_as_days_left_or_days_overdue():
    today = timezone.localdate()
    assert Todo("a", deadline=today + timedelta(days=3)).due_label == "3 天后到期"
    assert Todo("a", deadline=today).due_label == "今天到期"
    late = Todo("a", deadline=today - timedelta(days=2))
    assert late.due_label == "已逾期 2 天" and late.overdue
    assert Todo("a").due_label == "" and not Todo("a").overdue


def test_a_queue_item_carries_its_count_overdue_count_and_earliest_deadline():
    today = timezone.localdate()
    todo = queue_todo("待审核", "/q/", [today + timedelta(days=4), today - timedelta(days=1), None])
    assert (todo.count, todo.overdue_count, todo.deadline) == (3, 1, today - timedelta(days=1))
    assert queue_todo("空", "/q/", []) is None


def test_board_puts_overdue_first_then_soonest_deadline_and_keeps_waiting_apart(world):
    today = timezone.localdate()
    register("zz_test", "测试", lambda user: [
        Todo("晚", deadline=today + timedelta(days=9)), Todo("无期限"), Todo("逾期", deadline=today - timedelta(days=3)),
        Todo("早", deadline=today + timedelta(days=1)), Todo("他方", mine=False, waiting_on="省商务厅", deadline=today),
    ], order=999)
    try:
        board = board_for(world["individual"])
        mine = [t for g, t in board.mine if g.key == "zz_test"]
        assert [t.title for t in mine] == ["逾期", "早", "晚", "无期限"]
        assert [t.title for g, t in board.waiting if g.key == "zz_test"] == ["他方"]
        test_group = group(board, "zz_test")
        assert (test_group.mine_count, test_group.waiting_count, test_group.overdue_count) == (4, 1, 1)
    finally:
        unregister("zz_test")


def test_every_capability_app_registers_its_provider():
    from workbench.registry import registered

    keys = [p.key for p in registered()]
    assert keys == ["filings", "labour", "datacalls", "consultation", "events", "matching", "zones", "rating"]


# --- the enterprise -------------------------------------------------------------------------------------------------


def test_enterprise_sees_its_own_todos_apart_from_what_waits_on_others(client, world, enquiry, listing, intent, event, registration):
    ent, sy = world["enterprise"], world["shaoyang_ent"]
    today = timezone.localdate()
    create_filing(world["cs_org"], project_name="越南饲料厂", start_date=today + timedelta(days=60))
    create_filing(world["cs_org"], project_name="老挝水泥厂", state=State.RETURNED, state_changed_at=_days_ago(20))  # resubmit within 15 days
    create_filing(world["cs_org"], project_name="柬埔寨工业园", state=State.SUBMITTED)
    create_filing(world["sy_org"], project_name="邵阳自家项目")
    _call()
    enquiry(ent, "签证咨询", status=EnquiryStatus.ANSWERED)
    enquiry(ent, "税收咨询")
    enquiry(sy, "邵阳企业的咨询", status=EnquiryStatus.ANSWERED)
    intent(sy, listing(ent, "采购挖掘机"))
    intent(ent, listing(sy, "邵阳供应钢材"))
    registration(ent, event("本周对接会"), RegistrationStatus.CONFIRMED)
    registration(ent, event("下月论坛", start_in=timedelta(days=20)), RegistrationStatus.CONFIRMED)
    registration(ent, event("待审核的培训", needs_approval=True), RegistrationStatus.PENDING)

    html, board = board_of(client, ent)

    assert titles(board.mine) == [
        "按退回意见修改后重新提交：老挝水泥厂",  # overdue first
        "按时参会：本周对接会",
        "在线填报并提交：2026 年度经营情况调查",
        "完善信息并提交备案：越南饲料厂",
        "查看答复，满意请评价：签证咨询",  # undated last
        "回复合作意向：采购挖掘机",
    ]
    assert sorted(titles(board.waiting)) == sorted([
        "等待市州商务局初审：柬埔寨工业园",
        "等待答复：税收咨询",
        "等待对方回复意向：邵阳供应钢材",
        "等待主办方审核报名：待审核的培训",
    ])
    waiting_on = {t.title: t.waiting_on for _g, t in board.waiting}
    assert waiting_on["等待市州商务局初审：柬埔寨工业园"] == "市州商务局"
    assert waiting_on["等待对方回复意向：邵阳供应钢材"] == "邵阳工作台测试制造有限公司"
    assert (board.mine_count, board.waiting_count, board.overdue_count) == (6, 4, 1)
    assert (group(board, "filings").mine_count, group(board, "filings").waiting_count) == (2, 1)
    returned = board.mine[0][1]
    assert returned.due_label.startswith("已逾期") and returned.due_label in html
    assert "下月论坛" not in html
    assert "邵阳自家项目" not in html and "邵阳企业的咨询" not in html


def test_another_enterprise_sees_only_its_own_items(client, world, listing, intent):
    ent, sy = world["enterprise"], world["shaoyang_ent"]
    create_filing(world["cs_org"], project_name="长沙的草稿")
    create_filing(world["sy_org"], project_name="邵阳的草稿")
    intent(sy, listing(ent, "采购挖掘机"))
    html, board = board_of(client, sy)
    assert titles(board.mine) == ["完善信息并提交备案：邵阳的草稿"]
    assert titles(board.waiting) == ["等待对方回复意向：采购挖掘机"]
    assert "长沙的草稿" not in html


def test_enterprise_listing_under_review_and_returned_listing(client, world, listing):
    ent = world["enterprise"]
    listing(ent, "待审核的配件采购", status=ListingStatus.PENDING)
    listing(ent, "被退回的采购", status=ListingStatus.RETURNED, review_note="请补充数量")
    listing(ent, "快到期的采购", valid_until=timezone.localdate() + timedelta(days=5))
    _html, board = board_of(client, ent)
    matching = [t for g, t in board.mine if g.key == "matching"]
    assert [t.title for t in matching] == ["即将到期，可续期或更新：快到期的采购", "修改后重新提交：被退回的采购"]
    assert [(t.title, t.waiting_on) for g, t in board.waiting if g.key == "matching"] == [("等待平台审核：待审核的配件采购", "平台运营")]


# --- bureaus and the department -------------------------------------------------------------------------------------


def test_city_bureau_sees_its_citys_first_review_queue_overdue_counted(client, world):
    create_filing(world["cs_org"], project_name="长沙新提交", state=State.SUBMITTED)
    create_filing(world["cs_org"], project_name="长沙超期", state=State.CITY_REVIEW, state_changed_at=_days_ago(10))  # 7 days to review
    create_filing(world["cs_org"], project_name="长沙已在省厅", state=State.PROVINCIAL_REVIEW)
    create_filing(world["sy_org"], project_name="邵阳提交", state=State.SUBMITTED)
    create_dispatch(world["cs_org"], state="submitted", submitted_at=timezone.now())
    _call()

    html, board = board_of(client, world["changsha_bureau"])

    filings = next(t for g, t in board.mine if g.key == "filings")
    assert (filings.title, filings.count, filings.overdue_count, filings.url) == ("待市州初审的项目备案", 2, 1, "/filings/queue/")
    assert titles(board.mine)[0] == "待市州初审的项目备案"  # overdue first
    assert "待审核的外派劳务备案" in titles(board.mine)
    collecting = next(t for g, t in board.waiting if g.key == "datacalls")
    assert collecting.note == "已提交 0 / 1 家" and collecting.waiting_on == "填报企业"
    assert "其中 1 件已逾期" in html

    _html, board = board_of(client, world["shaoyang_bureau"])
    filings = next(t for g, t in board.mine if g.key == "filings")
    assert (filings.count, filings.overdue_count) == (1, 0)


def test_department_sees_provincial_review_and_the_department_queues(client, world, enquiry):
    from rating.models import RatingCycle, Submission, SubmissionState
    from zones.models import ZoneReport

    create_filing(world["cs_org"], project_name="长沙待初审", state=State.SUBMITTED)
    create_filing(world["cs_org"], project_name="长沙待终审", state=State.PROVINCIAL_REVIEW)
    create_filing(world["sy_org"], project_name="邵阳待终审", state=State.PROVINCIAL_REVIEW, state_changed_at=_days_ago(12))  # 10 days
    zone = world["inst_org"]
    ZoneReport.objects.create(zone=zone, year=2025, state="submitted", submitted_at=timezone.now())
    cycle = RatingCycle.objects.create(year=2026, title="2026年度", opens_on=timezone.localdate(), closes_on=timezone.localdate() + timedelta(days=30), status="open")
    Submission.objects.create(cycle=cycle, organization=world["cs_org"], state=SubmissionState.SUBMITTED, submitted_at=timezone.now())
    reviewer = world["dept_reviewer"]
    enquiry(world["individual"], "指派给审核员的咨询", group=Group.objects.get(name=DEPT_REVIEWER.group_name), assignee=reviewer, due_in=timedelta(hours=-30))

    _html, board = board_of(client, reviewer)

    by_title = {t.title: t for _g, t in board.mine}
    assert (by_title["待省厅审核的项目备案"].count, by_title["待省厅审核的项目备案"].overdue_count) == (2, 1)
    assert "待市州初审的项目备案" not in by_title  # the cities' step, not the department's
    assert by_title["待评分的园区考核"].count == 1
    assert by_title["待评审的企业评价自评"].count == 1
    assert by_title["答复咨询：指派给审核员的咨询"].overdue
    # both overdue: the filing queue's earliest deadline (two days ago) before the enquiry's (yesterday)
    assert titles(board.mine)[:2] == ["待省厅审核的项目备案", "答复咨询：指派给审核员的咨询"]


def test_department_admin_publisher_sees_drafts_and_calls_collecting(client, world):
    admin = world["dept_admin"]
    _call("草稿中的调查", status=CallStatus.DRAFT, created_by=admin)
    _call("收集中的调查", created_by=admin)
    _call("已过期未结束的调查", closes_in=-2, created_by=admin)
    _call("已结束的调查", status=CallStatus.CLOSED, closes_in=-30, created_by=admin)

    _html, board = board_of(client, admin)

    mine = [t.title for g, t in board.mine if g.key == "datacalls"]
    assert mine == ["已过截止时间，结束报送或延期：已过期未结束的调查", "完善并发布：草稿中的调查"]
    waiting = [t for g, t in board.waiting if g.key == "datacalls"]
    assert [t.title for t in waiting] == ["收集中：收集中的调查"] and waiting[0].note == "已提交 0 / 2 家"


# --- operators, the bank, institutions, individuals -----------------------------------------------------------------


def test_operator_reviewer_sees_listings_waiting_for_review(client, world, listing):
    listing(world["enterprise"], "待审核一", status=ListingStatus.PENDING)
    listing(world["shaoyang_ent"], "待审核二", status=ListingStatus.PENDING)
    listing(world["shaoyang_ent"], "已发布", status=ListingStatus.PUBLISHED)
    _html, board = board_of(client, world["operator_reviewer"])
    queue = next(t for g, t in board.mine if g.key == "matching")
    assert (queue.title, queue.count, queue.url) == ("待审核的对接信息", 2, "/matching/review/")


def test_operator_coordinates_every_open_enquiry_overdue_first(client, world, enquiry):
    enquiry(world["individual"], "已超期", due_in=timedelta(days=-2))
    enquiry(world["enterprise"], "未到期")
    enquiry(world["enterprise"], "已答复", status=EnquiryStatus.ANSWERED)
    _html, board = board_of(client, world["operator"])
    queue = next(t for g, t in board.mine if g.key == "consultation")
    assert (queue.title, queue.count, queue.overdue_count) == ("本组待答复的咨询", 2, 1)


def test_bank_adviser_sees_only_finance_enquiries_of_his_group(client, world, enquiry):
    enquiry(world["enterprise"], "信用证怎么开", group=Group.objects.get(name=BANK_ADVISER.group_name))
    enquiry(world["enterprise"], "投资备案问题")
    _html, board = board_of(client, world["bank_adviser"])
    assert [(t.title, t.count) for _g, t in board.mine] == [("本组待答复的咨询", 1)]


def test_institution_organiser_sees_registrations_to_approve(client, world, event, registration):
    own = event("律所沙龙", organizer_org=world["inst_org"], needs_approval=True)
    other = event("别家的沙龙", needs_approval=True)
    registration(world["enterprise"], own, RegistrationStatus.PENDING)
    registration(world["shaoyang_ent"], own, RegistrationStatus.PENDING)
    registration(world["enterprise"], other, RegistrationStatus.PENDING)
    _html, board = board_of(client, world["institution"])
    assert [(t.title, t.count) for _g, t in board.mine] == [("审核报名：律所沙龙", 2)]


def test_individual_sees_his_questions_and_no_filings(client, world, enquiry):
    enquiry(world["individual"], "个人出国务工咨询")
    create_filing(world["cs_org"], project_name="企业的草稿")
    html, board = board_of(client, world["individual"])
    assert titles(board.mine) == [] and titles(board.waiting) == ["等待答复：个人出国务工咨询"]
    assert "目前没有需要您办理的事项" in html and "企业的草稿" not in html and "去认证" in html


def test_zone_sees_its_missing_annual_report(client, world, make_user, make_org):
    from accounts.models import InstitutionType, OrgKind

    zone = make_org("测试境外园区", kind=OrgKind.INSTITUTION, institution_type=InstitutionType.OVERSEAS_ZONE)
    _html, board = board_of(client, make_user("zone_admin", org=zone, user_type="institution"))
    year = timezone.localdate().year - 1
    assert titles(board.mine) == [f"填报 {year} 年度园区考核材料"]


def test_the_workbench_costs_no_query_per_item(client, world, enquiry, listing, intent, event, registration, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    ent, sy = world["enterprise"], world["shaoyang_ent"]

    def add(n):
        for i in range(n):
            create_filing(world["cs_org"], project_name=f"草稿{n}-{i}", start_date=timezone.localdate() + timedelta(days=30))
            create_filing(world["cs_org"], project_name=f"已提交{n}-{i}", state=State.SUBMITTED)
            enquiry(ent, f"咨询{n}-{i}", status=EnquiryStatus.ANSWERED)
            intent(sy, listing(ent, f"采购{n}-{i}"))
            intent(ent, listing(sy, f"供应{n}-{i}"))
            registration(ent, event(f"活动{n}-{i}"), RegistrationStatus.CONFIRMED)

    client.force_login(ent)
    add(1)
    with CaptureQueriesContext(connection) as few:
        client.get("/workbench/")
    add(6)
    with django_assert_max_num_queries(len(few.captured_queries)):
        board = client.get("/workbench/").context["board"]
    assert board.mine_count == 7 * 4 and board.waiting_count == 7 * 2
