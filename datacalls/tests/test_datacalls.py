import re
from datetime import timedelta
from decimal import Decimal
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from audit.models import AuditEntry
from datacalls import services
from datacalls.models import Audience, CallStatus, DataCall, Reminder, Submission, SubmissionStatus
from datacalls.selectors import completion_by_city, summary, target_orgs, target_rows, target_status
from datacalls.tests.conftest import names
from notifications.models import Message
from uploads.tests.samples import PDF

pytestmark = pytest.mark.django_db


def _login(client, user):
    client.force_login(user)
    return client


def _answers(call, **by_label):
    keys = names(call)
    return {keys[label]: value for label, value in by_label.items()}


# --- targeting ------------------------------------------------------------------------------------

def test_audience_selects_the_right_certified_enterprises(people, make_call, make_org):
    make_org("未认证企业", city="changsha", certified=False)
    ids = lambda call: set(target_orgs(call).values_list("name", flat=True))  # noqa: E731
    assert ids(make_call()) == {"长沙报送测试机械有限公司", "长沙第二测试科技有限公司", "邵阳报送测试制造有限公司"}
    assert ids(make_call(audience=Audience.CITY, audience_cities=["shaoyang"])) == {"邵阳报送测试制造有限公司"}
    listed = make_call(audience=Audience.LIST)
    listed.audience_orgs.set([people["cs2_org"]])
    assert ids(listed) == {"长沙第二测试科技有限公司"}
    people["sy_org"].industries.add("C")
    by_industry = make_call(audience=Audience.INDUSTRY)
    by_industry.audience_industries.add("C")
    assert ids(by_industry) == {"邵阳报送测试制造有限公司"}
    # A city bureau's call reaches only its city, whatever the audience says.
    assert ids(make_call(owner_city="changsha")) == {"长沙报送测试机械有限公司", "长沙第二测试科技有限公司"}


def test_filing_kind_audience_uses_the_enterprises_filings(people, make_call):
    from filings.models import Filing, Kind

    Filing.objects.create(organization=people["cs_org"], kind=Kind.CONTRACTING, jurisdiction="changsha", project_name="甲", country_id="VN",
                          industry_id="E", amount=1, currency="USD", amount_usd=1, start_date=timezone.localdate(), chinese_party="甲",
                          foreign_party="乙", contact_name="张三", contact_phone="13812345678")
    call = make_call(audience=Audience.FILING_KIND, audience_filing_kinds=["contracting"])
    assert list(target_orgs(call)) == [people["cs_org"]]


# --- enterprise side ----------------------------------------------------------------------------

def test_enterprise_lists_only_calls_addressed_to_it(client, people, make_call):
    mine = make_call(title="长沙企业调查", audience=Audience.CITY, audience_cities=["changsha"])
    make_call(title="邵阳企业调查", audience=Audience.CITY, audience_cities=["shaoyang"])
    make_call(title="尚未发布的调查", status=CallStatus.DRAFT)
    body = _login(client, people["owner"]).get(reverse("datacalls:index")).content.decode()
    assert "长沙企业调查" in body and "邵阳企业调查" not in body and "尚未发布的调查" not in body
    assert client.get(reverse("datacalls:fill", args=[mine.pk])).status_code == 200
    other = DataCall.objects.get(title="邵阳企业调查")
    assert client.get(reverse("datacalls:fill", args=[other.pk])).status_code == 404


def test_draft_may_be_incomplete_but_submit_requires_and_keeps_typed_input(client, people, make_call):
    call = make_call()
    keys = names(call)
    _login(client, people["owner"])
    url = reverse("datacalls:fill", args=[call.pk])
    r = client.post(url, {keys["营业收入（万美元）"]: "1200.5", "save": "1"})
    assert r.status_code == 302
    sub = Submission.objects.get(call=call, organization=people["cs_org"])
    assert sub.status == SubmissionStatus.DRAFT and sub.data[keys["营业收入（万美元）"]] == "1200.5"
    assert target_status(call, sub) == "draft"

    r = client.post(url, {keys["营业收入（万美元）"]: "一千二", keys["主要困难"]: ["融资难"], "submit": "1"})
    body = r.content.decode()
    assert r.status_code == 200
    assert "“营业收入（万美元）”请填写数字" in body and "请填写“经营状况”" in body
    assert 'value="一千二"' in body and re.search(r'value="融资难"[^>]*checked', body)
    sub.refresh_from_db()
    assert sub.status == SubmissionStatus.DRAFT

    r = client.post(url, {keys["营业收入（万美元）"]: "1300", keys["经营状况"]: "盈利", keys["报告日期"]: "2026-03-31", "submit": "1"})
    assert r.status_code == 302
    sub.refresh_from_db()
    assert sub.status == SubmissionStatus.SUBMITTED and not sub.late and sub.submitted_by == people["owner"]
    assert sub.data[keys["报告日期"]] == "2026-03-31"
    # One submission per organisation: a colleague's later save edits the same row.
    assert Submission.objects.filter(call=call, organization=people["cs_org"]).count() == 1
    assert AuditEntry.objects.filter(action="datacalls.submit", target_id=str(sub.pk)).exists()


def test_invalid_choice_and_date_are_reported_in_chinese(client, people, make_call):
    call = make_call()
    keys = names(call)
    r = _login(client, people["owner"]).post(reverse("datacalls:fill", args=[call.pk]), {
        keys["营业收入（万美元）"]: "5", keys["经营状况"]: "倒闭", keys["报告日期"]: "2026-13-45", "submit": "1"})
    body = r.content.decode()
    assert "“经营状况”的选项不在可选范围内" in body and "“报告日期”请填写正确的日期" in body
    assert not Submission.objects.exists()


def test_a_new_file_for_a_question_replaces_the_earlier_one_in_private_storage(client, people, make_call, settings, tmp_path, django_capture_on_commit_callbacks):
    settings.PRIVATE_ROOT = tmp_path / "private"
    call = make_call(fields=[("应急预案", "file", True, "")])
    key, url = names(call)["应急预案"], reverse("datacalls:fill", args=[call.pk])
    _login(client, people["owner"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {key: SimpleUploadedFile("初稿.pdf", PDF)})
    first = Submission.objects.get(call=call).files.get()
    assert first.file.name.startswith("datacalls/") and "初稿" not in first.file.name
    assert first.file.storage.exists(first.file.name)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {key: SimpleUploadedFile("定稿.pdf", PDF)})
    assert Submission.objects.get(call=call).files.get().original_name == "定稿.pdf"
    assert not first.file.storage.exists(first.file.name)


def test_file_upload_is_validated_and_only_visible_to_owner_and_staff(client, people, make_call):
    call = make_call(fields=[("应急预案", "file", True, "")])
    key = names(call)["应急预案"]
    url = reverse("datacalls:fill", args=[call.pk])
    _login(client, people["owner"])
    r = client.post(url, {key: SimpleUploadedFile("plan.exe", b"MZ..."), "submit": "1"})
    assert "“plan.exe”的类型“.exe”不支持，请上传 pdf 格式的文件" in r.content.decode()
    r = client.post(url, {key: SimpleUploadedFile("plan.pdf", b"not a pdf"), "submit": "1"})
    assert "“plan.pdf”的内容与扩展名“.pdf”不符" in r.content.decode()
    r = client.post(url, {key: SimpleUploadedFile("预案.pdf", PDF), "submit": "1"})
    assert r.status_code == 302
    sub = Submission.objects.get(call=call)
    stored = sub.files.get()
    assert sub.data[key]["name"] == "预案.pdf" and stored.size == len(PDF)
    # Resubmitting without choosing a new file keeps the earlier upload.
    assert client.post(url, {"submit": "1"}).status_code == 302
    assert Submission.objects.get(pk=sub.pk).files.count() == 1

    download = reverse("datacalls:file", args=[stored.pk])
    assert b"".join(client.get(download).streaming_content) == PDF
    _login(client, people["other"])
    assert client.get(download).status_code == 404
    assert client.get(reverse("datacalls:submission", args=[sub.pk])).status_code == 403
    _login(client, people["other_city"])
    assert client.get(download).status_code == 404
    _login(client, people["city"])
    assert client.get(download).status_code == 200


def test_enterprise_cannot_read_another_enterprises_submission(client, people, make_call):
    call = make_call()
    sub = Submission.objects.create(call=call, organization=people["sy_org"], data={names(call)["营业收入（万美元）"]: "888"},
                                    status=SubmissionStatus.SUBMITTED, submitted_at=timezone.now())
    _login(client, people["owner"])
    assert client.get(reverse("datacalls:submission", args=[sub.pk])).status_code == 403
    assert client.get(reverse("datacalls:results", args=[call.pk])).status_code == 403
    assert client.get(reverse("datacalls:export", args=[call.pk])).status_code == 403
    # As a filled-in value: the bare digits can occur inside a field's generated id (q_7d888bb6f0).
    assert 'value="888"' not in client.get(reverse("datacalls:fill", args=[call.pk])).content.decode()


def test_locked_or_closed_submission_cannot_change_and_late_ones_are_marked(client, people, make_call):
    call = make_call()
    keys = names(call)
    full = {keys["营业收入（万美元）"]: "10", keys["经营状况"]: "持平", "submit": "1"}
    url = reverse("datacalls:fill", args=[call.pk])
    _login(client, people["owner"])
    client.post(url, full)
    sub = Submission.objects.get()
    services.set_locked(sub, locked=True, by=people["admin"])
    r = client.post(url, {**full, keys["营业收入（万美元）"]: "99"}, follow=True)
    assert "已被主管部门锁定" in r.content.decode()
    sub.refresh_from_db()
    assert sub.data[keys["营业收入（万美元）"]] == "10"

    # After the deadline a call that accepts late answers marks them late.
    late_call = make_call(title="逾期测试", opens_at=timezone.now() - timedelta(days=5), closes_at=timezone.now() - timedelta(hours=1))
    lk = names(late_call)
    assert target_status(late_call, None) == "overdue"
    client.post(reverse("datacalls:fill", args=[late_call.pk]), {lk["营业收入（万美元）"]: "1", lk["经营状况"]: "亏损", "submit": "1"})
    late = Submission.objects.get(call=late_call)
    assert late.late and target_status(late_call, late) == "late"
    # …and one that does not refuses them.
    strict = make_call(title="不接受补报", accept_late=False, opens_at=timezone.now() - timedelta(days=5), closes_at=timezone.now() - timedelta(hours=1))
    sk = names(strict)
    r = client.post(reverse("datacalls:fill", args=[strict.pk]), {sk["营业收入（万美元）"]: "1", sk["经营状况"]: "亏损", "submit": "1"})
    assert "该报送已截止" in r.content.decode() and not Submission.objects.filter(call=strict).exists()


# --- summaries and staff pages -------------------------------------------------------------------

def _submit(call, org, status=SubmissionStatus.SUBMITTED, **by_label):
    return Submission.objects.create(call=call, organization=org, data=_answers(call, **by_label), status=status,
                                     submitted_at=timezone.now() if status == SubmissionStatus.SUBMITTED else None)


def test_summary_counts_sums_averages_and_choice_distribution(people, make_call):
    call = make_call()
    _submit(call, people["cs_org"], **{"营业收入（万美元）": "100", "经营状况": "盈利", "主要困难": ["融资难", "安全风险"], "报告日期": "2026-01-05"})
    _submit(call, people["cs2_org"], **{"营业收入（万美元）": "250.5", "经营状况": "盈利", "主要困难": ["融资难"], "报告日期": "2026-02-01"})
    _submit(call, people["sy_org"], **{"营业收入（万美元）": "49.5", "经营状况": "亏损", "主要困难": []})
    items = {i["field"].label: i for i in summary(call, Submission.objects.filter(call=call))}
    revenue = items["营业收入（万美元）"]
    assert (revenue["answered"], revenue["sum"], revenue["avg"], revenue["min"], revenue["max"]) == (3, Decimal("400"), Decimal("133.33"), Decimal("49.5"), Decimal("250.5"))
    assert items["经营状况"]["distribution"] == [("盈利", 2, 66.7), ("持平", 0, 0.0), ("亏损", 1, 33.3)]
    assert items["主要困难"]["answered"] == 2
    assert items["主要困难"]["distribution"] == [("融资难", 2, 100.0), ("汇率波动", 0, 0.0), ("安全风险", 1, 50.0)]
    assert (items["报告日期"]["earliest"], items["报告日期"]["latest"]) == ("2026-01-05", "2026-02-01")


def test_completion_by_city_and_city_bureau_scope(client, people, make_call):
    call = make_call()
    _submit(call, people["cs_org"], **{"营业收入（万美元）": "100", "经营状况": "盈利"})
    _submit(call, people["cs2_org"], status=SubmissionStatus.DRAFT, **{"营业收入（万美元）": "7"})
    _submit(call, people["sy_org"], **{"营业收入（万美元）": "900", "经营状况": "亏损"})
    by_city, total = completion_by_city(target_rows(call, people["dept"]))
    assert [(e["city"], e["targets"], e["submitted"], e["rate"]) for e in by_city] == [("长沙市", 2, 1, 50.0), ("邵阳市", 1, 1, 100.0)]
    assert total == {"targets": 3, "submitted": 2, "rate": 66.7}

    body = _login(client, people["city"]).get(reverse("datacalls:results", args=[call.pk])).content.decode()
    assert "长沙报送测试机械有限公司" in body and "邵阳报送测试制造有限公司" not in body
    assert "900" not in body  # the 邵阳 figure is not in 长沙's sum
    sy_sub = Submission.objects.get(organization=people["sy_org"])
    assert client.get(reverse("datacalls:submission", args=[sy_sub.pk])).status_code == 404
    body = _login(client, people["dept"]).get(reverse("datacalls:results", args=[call.pk])).content.decode()
    assert "邵阳报送测试制造有限公司" in body and '<strong class="sum">1,000</strong>' in body  # grouped by thousands


def test_export_is_scoped_readable_and_audited(client, people, make_call):
    call = make_call()
    _submit(call, people["cs_org"], **{"营业收入（万美元）": "100", "经营状况": "盈利", "主要困难": ["融资难", "安全风险"]})
    _submit(call, people["sy_org"], **{"营业收入（万美元）": "900", "经营状况": "亏损"})
    r = _login(client, people["city"]).get(reverse("datacalls:export", args=[call.pk]))
    assert r.status_code == 200 and r["Content-Type"].startswith("application/vnd.openxmlformats")
    wb = load_workbook(BytesIO(r.content))
    rows = list(wb["填报明细"].iter_rows(values_only=True))
    assert rows[0][:5] == ("单位名称", "统一社会信用代码", "所属市州", "状态", "提交时间")
    assert {row[0] for row in rows[1:]} == {"长沙报送测试机械有限公司", "长沙第二测试科技有限公司"}
    first = next(row for row in rows if row[0] == "长沙报送测试机械有限公司")
    assert first[3] == "已提交" and first[5] == 100 and first[6] == "盈利" and first[7] == "融资难、安全风险"
    summary_rows = list(wb["汇总"].iter_rows(values_only=True))
    assert ("营业收入（万美元）", 1, "合计", 100, None) in summary_rows
    assert list(wb["市州完成率"].iter_rows(values_only=True))[-1] == ("合计", 2, 1, 50)
    entry = AuditEntry.objects.get(action="datacalls.export")
    assert entry.actor == people["city"] and entry.detail == {"rows": 2}


# --- publishing ---------------------------------------------------------------------------------

def _editor_post(**overrides):
    now = timezone.localtime()
    data = {
        "title": "境外项目安全风险排查", "instructions": "请如实填写", "audience": "all",
        "opens_at": (now - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"), "closes_at": (now + timedelta(days=7)).strftime("%Y-%m-%dT%H:%M"),
        "accept_late": "on", "remind_days": "3",
        "fields-TOTAL_FORMS": "3", "fields-INITIAL_FORMS": "0", "fields-MIN_NUM_FORMS": "0", "fields-MAX_NUM_FORMS": "1000",
        "fields-0-label": "在外人员数", "fields-0-field_type": "number", "fields-0-required": "on", "fields-0-file_extensions": "pdf", "fields-0-max_file_mb": "10",
        "fields-1-label": "风险等级", "fields-1-field_type": "dropdown", "fields-1-required": "on", "fields-1-choices": "低\n中\n高",
        "fields-1-file_extensions": "pdf", "fields-1-max_file_mb": "10",
        "fields-2-label": "", "fields-2-field_type": "", "fields-2-required": "on", "fields-2-file_extensions": "pdf,docx,xlsx,jpg,png", "fields-2-max_file_mb": "10",
    }
    data.update(overrides)
    return data


def test_department_publishes_and_targets_are_notified(client, people):
    _login(client, people["admin"])
    r = client.post(reverse("datacalls:create"), _editor_post(publish="1"))
    call = DataCall.objects.get()
    assert r.status_code == 302 and call.status == CallStatus.PUBLISHED and call.owner_city == ""
    assert [f.label for f in call.form_fields.all()] == ["在外人员数", "风险等级"]
    recipients = set(Message.objects.filter(kind="filing.datacall_published").values_list("recipient__username", flat=True))
    assert recipients == {"cs_owner", "cs2_owner", "sy_owner"}
    assert AuditEntry.objects.filter(action="datacalls.publish").exists()


def test_editor_errors_are_chinese_and_keep_input(client, people):
    _login(client, people["admin"])
    r = client.post(reverse("datacalls:create"), _editor_post(**{"audience": "city", "closes_at": "2020-01-01T00:00", "fields-1-choices": ""}))
    body = r.content.decode()
    assert "截止时间必须晚于开始时间" in body and "按市州报送时请至少选择一个市州" in body and "单选/多选题请填写选项" in body
    assert 'value="境外项目安全风险排查"' in body and not DataCall.objects.exists()


def test_city_bureau_calls_reach_only_its_city_and_it_cannot_edit_department_calls(client, people, make_call):
    _login(client, people["city"])
    client.post(reverse("datacalls:create"), _editor_post(publish="1"))
    call = DataCall.objects.get()
    assert call.owner_city == "changsha" and call.status == CallStatus.PUBLISHED
    assert set(Message.objects.values_list("recipient__username", flat=True)) == {"cs_owner", "cs2_owner"}
    dept_call = make_call(status=CallStatus.DRAFT)
    assert client.get(reverse("datacalls:results", args=[dept_call.pk])).status_code == 404  # department drafts are not shown
    dept_call.status = CallStatus.PUBLISHED
    dept_call.save()
    assert client.get(reverse("datacalls:results", args=[dept_call.pk])).status_code == 200
    assert client.post(reverse("datacalls:close", args=[dept_call.pk])).status_code == 403
    _login(client, people["other_city"])
    assert client.get(reverse("datacalls:results", args=[call.pk])).status_code == 404
    _login(client, people["owner"])
    assert client.get(reverse("datacalls:manage")).status_code == 403
    assert client.get(reverse("datacalls:create")).status_code == 403


def test_city_bureau_list_audience_must_stay_in_its_city(client, people):
    _login(client, people["city"])
    r = client.post(reverse("datacalls:create"), _editor_post(audience="list", audience_org_codes=people["sy_org"].credit_code))
    assert "市州商务局只能向本市州企业发起报送" in r.content.decode()
    r = client.post(reverse("datacalls:create"), _editor_post(audience="list", audience_org_codes="91430100XXXXXXXXXX"))
    assert "以下代码不是已认证企业：91430100XXXXXXXXXX" in r.content.decode()


def test_publishing_needs_fields_and_targets(people, make_call):
    from django.core.exceptions import ValidationError

    empty = make_call(status=CallStatus.DRAFT, fields=[])
    with pytest.raises(ValidationError, match="至少一个填报字段"):
        services.publish(empty, by=people["admin"])
    nobody = make_call(status=CallStatus.DRAFT, audience=Audience.CITY, audience_cities=["loudi"])
    with pytest.raises(ValidationError, match="没有任何报送对象"):
        services.publish(nobody, by=people["admin"])


# --- reminders -----------------------------------------------------------------------------------

def test_periodic_reminders_go_once_to_those_who_have_not_submitted(people, make_call):
    call = make_call(closes_at=timezone.now() + timedelta(days=2), remind_days=3)
    _submit(call, people["cs_org"], **{"营业收入（万美元）": "1", "经营状况": "盈利"})
    _submit(call, people["cs2_org"], status=SubmissionStatus.DRAFT)
    assert services.send_due_reminders() == {"due_soon": 2, "overdue": 0}
    assert set(Message.objects.filter(kind="filing.datacall_due_soon").values_list("recipient__username", flat=True)) == {"cs2_owner", "sy_owner"}
    assert services.send_due_reminders() == {"due_soon": 0, "overdue": 0}
    after = timezone.now() + timedelta(days=3)
    assert services.send_due_reminders(now=after) == {"due_soon": 0, "overdue": 2}
    assert Reminder.objects.filter(call=call).count() == 4
    far = make_call(title="远期", closes_at=timezone.now() + timedelta(days=30))
    services.send_due_reminders()
    assert not Reminder.objects.filter(call=far).exists()


def test_manual_reminder_from_a_city_bureau_reaches_only_its_city(client, people, make_call):
    call = make_call()
    _login(client, people["city"])
    client.post(reverse("datacalls:remind", args=[call.pk]))
    assert set(Message.objects.filter(kind="filing.datacall_reminder").values_list("recipient__username", flat=True)) == {"cs_owner", "cs2_owner"}


def test_periodic_task_is_registered():
    from background.periodic import REGISTRY

    assert any(name.endswith("remind_data_calls") for name in REGISTRY)


def test_demo_loads_twice_without_duplicates(people, make_user):
    from accounts.roles import city_bureau_role
    from datacalls import demo

    make_user("changsha_bureau", role=city_bureau_role("changsha"))
    demo.load(type("Out", (), {"write": lambda self, s: None})())
    demo.load(type("Out", (), {"write": lambda self, s: None})())
    assert DataCall.objects.count() == 2
    safety = DataCall.objects.get(title="境外项目安全风险排查")
    assert safety.owner_city == "changsha" and Submission.objects.filter(call=safety).count() == 2


def test_publisher_closes_and_extends_a_call(client, people, make_call):
    call = make_call(closes_at=timezone.now() + timedelta(days=1))
    services.send_due_reminders()
    assert Reminder.objects.filter(call=call).exists()
    _login(client, people["admin"])
    r = client.post(reverse("datacalls:extend", args=[call.pk]), {"closes_at": "下周五"}, follow=True)
    assert "截止时间格式不正确" in r.content.decode()
    new_deadline = timezone.localtime() + timedelta(days=30)
    client.post(reverse("datacalls:extend", args=[call.pk]), {"closes_at": new_deadline.strftime("%Y-%m-%dT%H:%M")})
    call.refresh_from_db()
    assert timezone.localtime(call.closes_at).date() == new_deadline.date() and not Reminder.objects.filter(call=call).exists()

    client.post(reverse("datacalls:close", args=[call.pk]))
    call.refresh_from_db()
    assert call.status == CallStatus.CLOSED
    keys = names(call)
    r = _login(client, people["owner"]).post(reverse("datacalls:fill", args=[call.pk]), {keys["营业收入（万美元）"]: "1", keys["经营状况"]: "盈利", "submit": "1"})
    assert "该报送已截止" in r.content.decode() and not Submission.objects.exists()
    assert AuditEntry.objects.filter(action__in=["datacalls.extend", "datacalls.close"]).count() == 2
